// A virtual call on an object whose class is exact runs one override, as
// the compiler calls it: a local object, a member object, a temporary, or
// an object of a final class. Behind a pointer or a reference to a class
// that is not final, every override of a class deriving from it is
// followed (overrides_by_class.cpp).
#include <pii/annotations.h>

#include <string>

namespace acct {
struct User {
  PII_PURPOSE("security") std::string phone;
};
}  // namespace acct

namespace ads {
PII_SINK("advertising") void upload(const std::string& data);
}  // namespace ads

namespace out {

class Writer {
 public:
  virtual ~Writer() = default;
  virtual void write(const std::string& data) { (void)data; }
};

// Keeps what it is given to itself.
class LocalWriter : public Writer {
 public:
  void write(const std::string& data) override { kept = data; }
  std::string kept;
};

// Sends what it is given to the advertiser; never one of the objects below.
class LeakyWriter : public LocalWriter {
 public:
  void write(const std::string& data) override { ads::upload(data); }
};

class FinalWriter final : public LocalWriter {};

// Sends what it is given to the advertiser.
class AdWriter : public Writer {
 public:
  void write(const std::string& data) override {
    ads::upload(data);  // $ finding=security-to-advertising
  }
};

struct Owner {
  LocalWriter local;
};

}  // namespace out

void onLocal(const acct::User& u) {
  out::LocalWriter w;
  w.write(u.phone);
}

void onMember(out::Owner& o, const acct::User& u) { o.local.write(u.phone); }

void onTemporary(const acct::User& u) { out::LocalWriter().write(u.phone); }

void onFinal(out::FinalWriter& w, const acct::User& u) { w.write(u.phone); }

void onAdWriter(const acct::User& u) {
  out::AdWriter w;
  w.write(u.phone);
}
