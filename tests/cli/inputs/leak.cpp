#include <pii/annotations.h>
#include <stddef.h>
#include <string>

struct User {
  PII_PURPOSE("security") std::string phone;
};
PII_SINK("advertising") void showAd(const std::string &key);

void sync(const User &u) { showAd(u.phone); }
