// Writes through references that user functions return (builders returning
// *this, accessors returning a member, helpers returning a parameter's
// element), writes through a pointer passed by address, and algorithms that
// keep only what their callable returns.
#include <pii/annotations.h>

#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

namespace acct {
struct User {
  PII_PURPOSE("security") std::string phone;
  std::string name;
};
}  // namespace acct

namespace ads {
PII_SINK("advertising") void upload(const std::string& key);
}

struct Builder {
  std::string label, key;
  Builder& setLabel(const std::string& s) {
    label = s;
    return *this;
  }
  Builder& setKey(const std::string& s) {
    key = s;
    return *this;
  }
};

class Record {
 public:
  std::string& key() { return key_; }
  std::string& note() { return note_; }

 private:
  std::string key_, note_;
};

static std::string& slot(std::vector<std::string>& v, std::size_t i) { return v[i]; }

static void setThrough(std::string** target, const std::string& value) { **target = value; }

void builders(const acct::User& u) {
  Builder b;
  b.setLabel("x").setKey(u.phone);
  ads::upload(b.key);    // $ finding=security-to-advertising
  ads::upload(b.label);  // clean: "x"
}

void accessors(const acct::User& u) {
  Record r;
  r.key() = u.phone;
  ads::upload(r.key());   // $ finding=security-to-advertising
  ads::upload(r.note());  // clean: never written
  std::vector<std::string> v(2);
  slot(v, 0) = u.phone;
  ads::upload(v[0]);  // $ finding=security-to-advertising
}

void pointerToPointer(const acct::User& u) {
  std::string t;
  std::string* tp = &t;
  setThrough(&tp, u.phone);
  ads::upload(t);  // $ finding=security-to-advertising
}

void projections(const std::vector<acct::User>& users) {
  std::vector<std::string> phones, names;
  std::transform(users.begin(), users.end(), std::back_inserter(phones),
                 [](const acct::User& x) { return x.phone; });
  std::transform(users.begin(), users.end(), std::back_inserter(names),
                 [](const acct::User& x) { return x.name; });
  ads::upload(phones.front());  // $ finding=security-to-advertising
  ads::upload(names.front());   // clean: the projection keeps the names
}
