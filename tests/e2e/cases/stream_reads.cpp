// Reading from a stream copies the stream's data into the buffer given;
// the buffer's own data does not go into the stream.
#include <pii/annotations.h>

#include <sstream>
#include <string>

namespace acct {
struct User {
  PII_PURPOSE("security") std::string phone;
};
}  // namespace acct

namespace ads {
PII_SINK("advertising") void show(const std::string &S);
}

// A number formatter that keeps one stream for every call, as logging
// libraries do.
thread_local std::stringstream Formatter;
void format(char *Out, double D) {
  Formatter.str(std::string());
  Formatter << D;
  Formatter.read(Out, 16);
}

void formatted(const acct::User &U) {
  char Held[32];
  U.phone.copy(Held, 16);
  format(Held, 2.5);
  ads::show(std::string(Held));  // $ finding=security-to-advertising
  char Number[32];
  format(Number, 1.0);
  ads::show(std::string(Number));  // clean: the stream never held the phone
}

void readBack(const acct::User &U) {
  std::stringstream In(U.phone);
  char Got[16];
  In.read(Got, sizeof Got);
  ads::show(std::string(Got));  // $ finding=security-to-advertising
  std::string Line;
  std::getline(In, Line);
  ads::show(Line);  // $ finding=security-to-advertising
}
