// A finding is accepted by a suppression comment, with a reason, on the line
// of the sink call (the called function's name) or of the sink argument; it
// is then not reported (SARIF records it as suppressed). A malformed
// comment, one that does not name the rule the flow breaks, or one naming a
// rule no policy defines is an error, and the finding stays. A suppression,
// or a rule in one, that accepts nothing is a warning: it has gone stale, or
// sits where it binds to nothing (the line above the call).
// PII_POLICY: suppressions.policy.json
#include <pii/annotations.h>
#include <string>

struct User {
  PII_PURPOSE("security") std::string phone;
};
PII_SINK("advertising") void showAd(const std::string &key);

void sameLine(const User &u) {
  showAd(u.phone); // pii-flow: allow(security-to-advertising) consented to in ToS 4.2
  showAd(u.phone); /* pii-flow: allow(security-to-advertising, fraud-to-marketing) legal review LR-7 */ // $ diag="the suppression of 'fraud-to-marketing' accepts nothing"
}

void malformed(const User &u) {
  showAd(u.phone); // pii-flow: allow(security-to-advertising) // $ diag="needs a reason" finding=security-to-advertising
  showAd(u.phone); // pii-flow: allow(fraud-to-marketing) wrong id // $ diag="breaks 'security-to-advertising'" diag="the suppression of 'fraud-to-marketing' accepts nothing" finding=security-to-advertising
  showAd(u.phone); // pii-flow: alow(security-to-advertising) typo // $ diag="unknown pii-flow comment" finding=security-to-advertising
  showAd(u.phone); // pii-flow: allow(security-to-advertsing) typo // $ diag="'security-to-advertsing', which no policy defines (did you mean \"security-to-advertising\"?)" diag="breaks 'security-to-advertising'" finding=security-to-advertising
}

void stale(const User &u) {
  std::string name = "n"; // pii-flow: allow(security-to-advertising) the flow was removed // $ diag="warning: the suppression of 'security-to-advertising' accepts nothing"
  // pii-flow: allow(security-to-advertising) on the line above binds to nothing // $ diag="accepts nothing"
  showAd(u.phone); // $ finding=security-to-advertising
}

// A comment is a suppression when pii-flow: starts it, or a line of it;
// one that only mentions pii-flow: is none.
void mentions(const User &u) {
  // This flow is reported by pii-flow: it is here to show it.
  std::string text = "x"; // what pii-flow: allow(...) means is in the README
  /* Reviewed:
   * pii-flow: allow(security-to-advertising) on the line above the call */ // $ diag="accepts nothing"
  showAd(u.phone); // $ finding=security-to-advertising
}

void multiLine(const User &u) {
  showAd( // pii-flow: allow(security-to-advertising) on the call's line
      u.phone);
  showAd(
      u.phone); // pii-flow: allow(security-to-advertising) on the argument's line
  showAd(
      // pii-flow: allow(security-to-advertising) between the two // $ diag="accepts nothing"
      u.phone); // $ finding=security-to-advertising
}
