// Fills results; only Result<std::string> is instantiated here.
#include "result.h"

void lookupPhone(const acct::User& u, Result<std::string>& out) {
  out.set(u.phone);
}

void lookupName(const acct::User& u, Result<std::string>& out) {
  out.set(u.name);
}
