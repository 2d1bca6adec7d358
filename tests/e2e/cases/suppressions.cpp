// A finding accepted on its sink line, with a reason, is not reported (SARIF
// records it as suppressed); a suppression without a reason, or for a rule
// the line does not break, is an error, and the finding stays.
#include <pii/annotations.h>
#include <string>

struct User {
  PII_PURPOSE("security") std::string phone;
};
PII_SINK("advertising") void showAd(const std::string &key);

void f(const User &u) {
  showAd(u.phone); // pii-flow: allow(security-to-advertising) consented to in ToS 4.2
  showAd(u.phone); /* pii-flow: allow(security-to-advertising, other) legal review LR-7 */
  showAd(u.phone); // pii-flow: allow(security-to-advertising) // $ diag="needs a reason" finding=security-to-advertising
  showAd(u.phone); // pii-flow: allow(other-rule) wrong id // $ diag="breaks 'security-to-advertising'" finding=security-to-advertising
  showAd(u.phone); // pii-flow: alow(security-to-advertising) typo // $ diag="unknown pii-flow comment" finding=security-to-advertising
}
