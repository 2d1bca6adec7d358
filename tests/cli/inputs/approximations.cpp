// Every kind of approximation pii-flow reports under --stats.
#include <pii/annotations.h>
#include <string>
#include <cstring>
struct User { PII_PURPOSE("security") std::string phone; };
PII_SINK("advertising") void ads(const std::string&);
std::string external(const std::string&);
void (*g_hook)(const std::string&);
void run(void (*cb)(const std::string&), const User& u) { cb(u.phone); }
void f(const User& u) {
  g_hook(u.phone);
  ads(external(u.phone));
  asm("nop");
  const char* raw = reinterpret_cast<const char*>(&u);
  (void)raw;
}
void g(const User& u) { run(&ads, u); }
