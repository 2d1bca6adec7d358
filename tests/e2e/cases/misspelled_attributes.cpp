// A misspelled attribute in the pii namespace is an error with the name it
// probably means, in every spelling: Clang drops an unknown attribute with a
// warning that builds silence, which would switch the check off unseen.
// Attributes of other namespaces, and names in a namespace called pii
// outside attributes, are none of pii-flow's business.
// PII_EXIT: 2
#include <pii/annotations.h>

#include <string>

namespace pii {
inline int purpos = 0;  // a variable, not an attribute
}

struct User {
  [[pii::purpos("security")]] std::string phone;  // $ diag="unknown attribute 'pii::purpos' (did you mean 'pii::purpose'?)"
  [[using pii: purpose("security"), sinc("x")]] std::string email;  // $ diag="unknown attribute 'pii::sinc' (did you mean 'pii::sink'?)"
  [[clang::annotate("pii::declasify", "x")]] int id;  // $ diag="unknown annotation 'pii::declasify' (did you mean \"pii::declassify\"?)"
  [[pii::purpose("security"), pii::frobnicate]] std::string backupPhone;  // $ diag="unknown attribute 'pii::frobnicate'; pii-flow knows"
  [[maybe_unused, gnu::aligned(8)]] int aligned;
};

[[pii::sink("advertising")]] void show(const std::string &);

int index(const int *table) {
  return table[pii::purpos];  // clean: not an attribute
}

void reported(const User &u) {
  show(u.email);  // $ finding=security-to-advertising
  show(u.backupPhone);  // $ finding=security-to-advertising
  show(u.phone);  // clean: its attribute was not understood (reported above)
}
