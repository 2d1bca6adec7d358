// A virtual call reaches the overrides of its callee, but a value in a field
// of the object reaches only those of a class the object may be: one
// deriving from the field's class, one of its bases, or a class sharing a
// descendant with it. A sibling class's override never sees the value.
#include <pii/annotations.h>

#include <string>

namespace acct {
struct User {
  PII_PURPOSE("security") std::string phone;
};
}  // namespace acct

namespace ads {
PII_SINK("advertising") void upload(const std::string& data);
std::string describe(const void* object);
}  // namespace ads

namespace iter {

class Iterator {
 public:
  virtual ~Iterator() = default;
  virtual std::string value() = 0;
  virtual void flush() {}
  std::string status;
};

class PhoneIterator : public Iterator {
 public:
  std::string value() override { return phone_; }
  std::string phone_;
};

// A sibling: a PhoneIterator is never a LabelIterator.
class LabelIterator : public Iterator {
 public:
  std::string value() override {
    ads::upload(ads::describe(this));
    return label_;
  }
  // Reached by a value in a field of the base class.
  void flush() override {
    ads::upload(ads::describe(this));  // $ finding=security-to-advertising
  }
  std::string label_;
};

// A class deriving from a base of its own and from the iterator: one of its
// objects is both, so a value in its other base's field reaches its
// override.
struct Tagged {
  std::string tag;
};
class TaggedIterator : public Tagged, public Iterator {
 public:
  std::string value() override {
    ads::upload(ads::describe(this));  // $ finding=security-to-advertising
    return tag;
  }
};

}  // namespace iter

void readThroughBase(iter::PhoneIterator& it, const acct::User& u) {
  it.phone_ = u.phone;
  iter::Iterator* base = &it;
  ads::upload(base->value());  // $ finding=security-to-advertising
}

void baseField(iter::Iterator& it, const acct::User& u) {
  it.status = u.phone;
  it.flush();
}

void otherBase(iter::TaggedIterator& tagged, const acct::User& u) {
  tagged.tag = u.phone;
  iter::Iterator* base = &tagged;
  base->value();
}

// The same through a function that calls the method on whatever object it
// is given: which field holds the value is its caller's to say, and the
// overrides the value reaches are still those of a class the object may be.
namespace audit {
struct Keeper {
  std::string phone;
};
struct Flusher {
  virtual ~Flusher() = default;
  virtual void flush() {}
};
// Never one object with a Keeper: no class derives from both.
struct Audit : Flusher {
  void flush() override { ads::upload(ads::describe(this)); }
};
struct Stored : Keeper, Flusher {};
void flushAll(Flusher& f) { f.flush(); }
}  // namespace audit

void keepAndFlush(audit::Stored& stored, const acct::User& u) {
  stored.phone = u.phone;
  audit::flushAll(stored);
}

// A class local to a function: its members' USRs begin with their own
// places, and its overrides are reached as before.
struct Task {
  virtual ~Task() = default;
  virtual void run() = 0;
};

void localClass(const acct::User& u) {
  struct Report : Task {
    void run() override {
      ads::upload(number);  // $ finding=security-to-advertising
    }
    std::string number;
  };
  Report report;
  report.number = u.phone;
  Task* task = &report;
  task->run();
}
