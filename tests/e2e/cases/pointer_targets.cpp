// Where pointers point is tracked per program point: re-pointing forgets the
// old target, a store through a pointer replaces what it pointed to, and
// pointers kept in struct fields are followed.
#include <pii/annotations.h>

#include <string>

namespace acct {
struct User {
  PII_PURPOSE("security") std::string phone;
  std::string name;
};
}  // namespace acct

namespace ads {
PII_SINK("advertising") void show(const std::string& s);
PII_SINK("advertising") void showRaw(const char* s);
}

struct Slot {
  std::string* target;
};

void repointRead(const acct::User& u) {
  const std::string* p = &u.phone;
  ads::show(*p);  // $ finding=security-to-advertising
  p = &u.name;
  ads::show(*p);  // clean: p now points to the name
}

void repointWrite(const acct::User& u) {
  std::string a, b;
  std::string* p = &a;
  p = &b;
  *p = u.phone;
  ads::show(a);  // clean: the phone went to b
  ads::show(b);  // $ finding=security-to-advertising
}

void overwriteThroughPointer(std::string* dst, const acct::User& u) {
  *dst = u.phone;
  ads::show(*dst);  // $ finding=security-to-advertising
  *dst = "reset";
  ads::show(*dst);  // clean: overwritten
}

void pointerInField(const acct::User& u) {
  std::string d;
  Slot s{&d};
  *s.target = u.phone;
  ads::show(d);  // $ finding=security-to-advertising
  std::string e;
  Slot t;
  t.target = &e;
  *t.target = u.phone;
  ads::show(e);  // $ finding=security-to-advertising
}

void pointerArithmetic(const acct::User& u) {
  const char* cp = u.phone.c_str();
  cp += 3;
  ads::showRaw(cp);  // $ finding=security-to-advertising
  char buf[32] = "prefix";
  char* w = buf;
  *w = u.phone[0];
  ads::showRaw(buf);  // $ finding=security-to-advertising
  *w = 'x';
  ads::showRaw(buf);  // $ finding=security-to-advertising
}
