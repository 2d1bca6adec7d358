// Copies of objects are field-wise: a copy's other fields stay clean.
#include <pii/annotations.h>

#include <string>
#include <utility>

namespace acct {
struct User {
  PII_PURPOSE("security") std::string phone;
  std::string name;
};
struct Contact {
  std::string number;
  std::string label;
};
struct Holder {
  Contact contact;
  int id;
};
}  // namespace acct

namespace ads {
PII_SINK("advertising") void show(const std::string& s);
}

void copies(const acct::User& u) {
  acct::User v = u;
  ads::show(v.name);   // clean: not the phone
  ads::show(v.phone);  // $ finding=security-to-advertising
  acct::User w;
  w = u;
  ads::show(w.name);  // clean: not the phone

  acct::Contact a{u.phone, "home"};
  acct::Contact b = a;
  ads::show(b.label);   // clean: the label was "home"
  ads::show(b.number);  // $ finding=security-to-advertising
  auto c = a;
  ads::show(c.label);  // clean: the label was "home"
  acct::Contact d;
  d = std::move(a);
  ads::show(d.number);  // $ finding=security-to-advertising
  ads::show(d.label);   // clean: the label was "home"
}

void nestedCopies(const acct::User& u) {
  acct::Holder h;
  h.contact.number = u.phone;
  ads::show(h.contact.label);  // clean: a sibling field
  acct::Contact x = h.contact;
  ads::show(x.label);   // clean: a sibling field
  ads::show(x.number);  // $ finding=security-to-advertising
}
