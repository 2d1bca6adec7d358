// A purpose or sink kind no rule names would silently go unchecked: it is a
// warning, with the name it is probably a misspelling of.
// PII_EXIT: 0
#include <pii/annotations.h>
#include <string>

struct User {
  PII_PURPOSE("securty") std::string phone; // $ diag="no rule of the policy names the purpose 'securty' (did you mean"
};
PII_SINK("advertsing") void showAd(const std::string &key); // $ diag="sink kind 'advertsing' (did you mean"
PII_SINK("billing") void charge(const std::string &card); // $ diag="names the sink kind 'billing'; nothing reaching it is checked"

void f(const User &u) {
  showAd(u.phone);
  charge(u.phone);
}
