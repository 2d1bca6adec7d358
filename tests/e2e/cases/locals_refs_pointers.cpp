// Purposes through locals: copies, copy-, direct- and brace-initialisation,
// std::move, references, pointers, address-of, dereference, `->`, and writes
// through a pointer or reference into a local that then reaches a sink.
#include <pii/annotations.h>

#include <string>
#include <utility>

namespace acct {

struct User {
  PII_PURPOSE("security") std::string phone;
  PII_PURPOSE("security") long long phoneNumber = 0;
  std::string nickname;
  int age = 0;
};

}  // namespace acct

namespace ads {
PII_SINK("advertising") void upload(const std::string& key);
PII_SINK("advertising") void uploadNumber(long long value);
}  // namespace ads

void copies(const acct::User& u) {
  std::string copyInit = u.phone;  // $ note=""
  ads::upload(copyInit);  // $ finding=security-to-advertising
  std::string directInit(u.phone);
  ads::upload(directInit);  // $ finding=security-to-advertising
  std::string braceInit{u.phone};
  ads::upload(braceInit);  // $ finding=security-to-advertising
  std::string assigned;
  assigned = u.phone;
  ads::upload(assigned);  // $ finding=security-to-advertising
  std::string copyOfCopy = copyInit;  // $ note="'copyOfCopy'"
  ads::upload(copyOfCopy);  // $ finding=security-to-advertising
  auto deduced = u.phoneNumber;
  ads::uploadNumber(deduced);  // $ finding=security-to-advertising
  std::string nick = u.nickname;
  ads::upload(nick);  // clean: no purpose
  int age{u.age};
  ads::uploadNumber(age);  // clean: no purpose
}

void moves(acct::User u) {
  std::string moved = std::move(u.phone);  // $ note="'moved'"
  ads::upload(moved);  // $ finding=security-to-advertising
  std::string target;
  target = std::move(moved);
  ads::upload(target);  // $ finding=security-to-advertising
  ads::upload(std::move(u.nickname));  // clean: no purpose
}

void references(acct::User& u) {
  auto& ref = u.phone;
  ads::upload(ref);  // $ finding=security-to-advertising
  const std::string& constRef = u.phone;
  ads::upload(constRef);  // $ finding=security-to-advertising
  std::string local;
  std::string& alias = local;
  alias = u.phone;
  ads::upload(local);  // $ finding=security-to-advertising
  std::string& nickRef = u.nickname;
  ads::upload(nickRef);  // clean: refers to a field without a purpose
}

void pointers(acct::User& u) {
  const std::string* phonePtr = &u.phone;
  ads::upload(*phonePtr);  // $ finding=security-to-advertising
  acct::User* user = &u;
  ads::upload(user->phone);  // $ finding=security-to-advertising
  ads::upload((*user).phone);  // $ finding=security-to-advertising
  ads::upload(user->nickname);  // clean: no purpose
  std::string buffer;
  std::string* out = &buffer;
  *out = u.phone;  // $ note=""
  ads::upload(buffer);  // $ finding=security-to-advertising
  long long number = 0;
  long long* numberPtr = &number;
  *numberPtr = u.phoneNumber;
  ads::uploadNumber(number);  // $ finding=security-to-advertising
  std::string untouched = "guest";
  std::string* other = &untouched;
  ads::upload(*other);  // clean: points at a local that never held a purpose
}

void objectCopies(const acct::User& u) {
  acct::User copy = u;
  ads::upload(copy.phone);  // $ finding=security-to-advertising
  ads::upload(copy.nickname);  // clean: copied from a field without a purpose
}
