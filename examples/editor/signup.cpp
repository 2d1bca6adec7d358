// A file as it is while being edited, for trying pii-clangd (README, "In the
// editor"): it has a type error, which clangd reports, and a flow from a
// 2FA phone number to an ad sink, which pii-flow reports, side by side.
// It is not part of the example's build.
#include <pii/annotations.h>
#include <string>

struct User {
  [[pii::purpose("security")]] std::string phone;
};
[[pii::sink("advertising")]] void showAd(const std::string &key);

void sync(const User &u) {
  showAd(u.phone);
  int retries = undeclared_retry_count;
}
