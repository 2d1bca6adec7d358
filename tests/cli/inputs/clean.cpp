#include <pii/annotations.h>
#include <string>

struct User {
  PII_PURPOSE("security") std::string phone;
  std::string name;
};
PII_SINK("advertising") void showAd(const std::string &key);

void greet(const User &u) { showAd(u.name); }
