// Objects across calls: nested fields, aggregate and designated
// initialisation, copies and moves (construction and assignment), field-to-
// field copies, std::pair/std::tuple/std::optional members, a whole object
// with a purpose field passed to a sink, two objects of one type with separate
// contents, and objects kept in a member container or on the heap.
// PII_ARGS: -std=c++20
// (Namespace `account`, not `acct`: in C++20 mode <memory> brings in
// <unistd.h>, whose global function acct() would clash.)
#include <pii/annotations.h>

#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace account {

struct User {
  PII_PURPOSE("security") std::string phone;
  std::string name;
};

struct Contact {
  std::string number;
  std::string label;
};

struct Card {
  Contact primary;
  Contact secondary;
  int version = 1;
};

struct Profile {
  std::pair<std::string, std::string> phoneAndName;
  std::tuple<std::string, std::string, int> record;
  std::optional<std::string> backup;
  std::optional<std::string> nickname;
};

// Holds a purpose field of its own.
struct Recovery {
  PII_PURPOSE("security") std::string phone;
  std::string locale;
};

Contact makeContact(const User& u) { return Contact{u.phone, "mobile"}; }
Contact makeNamed(const User& u) { return Contact{.number = "n/a", .label = u.name}; }

Card makeCard(const User& u) {
  Card c;
  c.primary.number = u.phone;
  c.secondary.label = u.name;
  return c;
}

Contact passThrough(Contact c) { return c; }

void copyNumber(Contact& to, const Contact& from) { to.number = from.number; }
void copyLabel(Contact& to, const Contact& from) { to.label = from.label; }

Profile makeProfile(const std::string& phone, const std::string& name) {
  Profile p;
  p.phoneAndName = {phone, name};
  p.record = std::make_tuple(name, phone, 7);
  p.backup = phone;
  p.nickname = name;
  return p;
}

class AddressBook {
 public:
  void add(const Contact& c) { entries_.push_back(c); }
  const Contact& first() const { return entries_.front(); }

 private:
  std::vector<Contact> entries_;
};

}  // namespace account

namespace ads {
PII_SINK("advertising") void upload(const std::string& key);
PII_SINK("advertising") void uploadContact(const account::Contact& c);
PII_SINK("advertising") void uploadRecovery(const account::Recovery& r);
}  // namespace ads

void nestedFields(const account::User& u) {
  account::Card card = account::makeCard(u);
  ads::upload(card.primary.number);  // $ finding=security-to-advertising
  ads::upload(card.primary.label);  // clean: never written
  ads::upload(card.secondary.label);  // clean: the name
  ads::upload(card.secondary.number);  // clean: never written
}

void aggregateAndDesignated(const account::User& u) {
  account::Contact a = account::makeContact(u);
  ads::upload(a.number);  // $ finding=security-to-advertising
  ads::upload(a.label);  // clean: "mobile"
  account::Contact b = account::makeNamed(u);
  ads::upload(b.number);  // clean: "n/a"
  ads::upload(b.label);  // clean: the name
  account::Contact c{.number = u.phone, .label = "x"};
  ads::upload(c.number);  // $ finding=security-to-advertising
  ads::upload(c.label);  // clean: "x"
  account::Card d{.primary = {.number = "0", .label = u.phone}, .secondary = {}};
  ads::upload(d.primary.label);  // $ finding=security-to-advertising
  ads::upload(d.primary.number);  // clean: "0"
}

void copiesAndMoves(const account::User& u) {
  account::Contact src{u.phone, "mobile"};
  account::Contact viaCall = account::passThrough(src);
  ads::upload(viaCall.number);  // $ finding=security-to-advertising
  ads::upload(viaCall.label);  // clean: "mobile"
  account::Contact copy(src);
  ads::upload(copy.number);  // $ finding=security-to-advertising
  account::Contact moved(std::move(copy));
  ads::upload(moved.number);  // $ finding=security-to-advertising
  ads::upload(moved.label);  // clean: "mobile"
  account::Contact assigned;
  assigned = src;
  ads::upload(assigned.number);  // $ finding=security-to-advertising
  account::Contact moveAssigned;
  moveAssigned = std::move(assigned);
  ads::upload(moveAssigned.number);  // $ finding=security-to-advertising
  account::Contact clean = account::makeNamed(u);
  account::Contact cleanCopy = clean;
  ads::upload(cleanCopy.number);  // clean: copied from a clean object
}

void fieldToField(const account::User& u) {
  account::Contact from{u.phone, "mobile"};
  account::Contact to{"", ""};
  account::copyNumber(to, from);
  ads::upload(to.number);  // $ finding=security-to-advertising
  ads::upload(to.label);  // clean: not copied
  account::Contact other{"", ""};
  account::copyLabel(other, from);
  ads::upload(other.label);  // clean: the label was "mobile"
  ads::upload(other.number);  // clean: not copied
}

void pairTupleOptional(const account::User& u) {
  account::Profile p = account::makeProfile(u.phone, u.name);
  ads::upload(p.phoneAndName.first);  // $ finding=security-to-advertising
  ads::upload(p.phoneAndName.second);  // clean: the name
  ads::upload(std::get<1>(p.record));  // $ finding=security-to-advertising
  // Known imprecision: std::tuple's elements are not told apart yet
  // (std::pair's are), so the phone in element 1 taints element 0 too.
  ads::upload(std::get<0>(p.record));  // $ SPURIOUS: finding=security-to-advertising
  ads::upload(*p.backup);  // $ finding=security-to-advertising
  ads::upload(p.backup.value());  // $ finding=security-to-advertising
  ads::upload(*p.nickname);  // clean: the name
  auto [number, name] = p.phoneAndName;
  ads::upload(number);  // $ finding=security-to-advertising
  ads::upload(name);  // clean: the name
}

void wholeObjects(const account::User& u) {
  account::Recovery r{u.phone, "en"};
  // Two sources reach this argument: the Recovery::phone field itself and the
  // User::phone value stored in it; each is a finding of its own.
  ads::uploadRecovery(r);  // $ finding=security-to-advertising finding=security-to-advertising note="phone"
  account::Recovery empty{};
  empty.locale = "fr";
  // The field carries its purpose whatever it holds: reading a purpose field is a source.
  ads::uploadRecovery(empty);  // $ finding=security-to-advertising note="phone"
  ads::uploadContact(account::makeContact(u));  // $ finding=security-to-advertising
  ads::uploadContact(account::makeNamed(u));  // clean: no field holds the phone
}

void separateObjects(const account::User& u) {
  account::Contact first;
  account::Contact second;
  first.number = u.phone;
  second.number = "support";
  ads::upload(first.number);  // $ finding=security-to-advertising
  ads::upload(second.number);  // clean: a different object of the same type
  ads::uploadContact(second);  // clean: a different object of the same type
}

void containersAndHeap(const account::User& u) {
  account::AddressBook book;
  book.add(account::Contact{u.phone, "book"});
  ads::upload(book.first().number);  // $ finding=security-to-advertising
  account::AddressBook names;
  names.add(account::makeNamed(u));
  ads::upload(names.first().number);  // clean: only clean contacts were added

  auto heap = std::make_unique<account::Contact>(account::makeContact(u));
  ads::upload(heap->number);  // $ finding=security-to-advertising
  account::Contact* raw = new account::Contact{u.phone, "raw"};
  ads::upload(raw->number);  // $ finding=security-to-advertising
  delete raw;
  auto cleanHeap = std::make_unique<account::Contact>(account::makeNamed(u));
  ads::upload(cleanHeap->number);  // clean: "n/a"
}
