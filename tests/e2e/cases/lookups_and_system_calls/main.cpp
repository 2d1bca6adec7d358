#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include "sessions.h"

namespace {

void reportSessions(auth::SessionStore& store, const auth::Enrolment& e) {
  store.open(e);
  if (!store.isKnown(e)) return;
  // The session was found by the phone, not made of it; but inserting it
  // under the phone key labels the whole map, values included, until keys
  // and mapped values keep their own purposes.
  if (const auth::Session* s = store.sessionFor(e))
    ads::track(s->campaign);  // $ SPURIOUS: finding=security-to-advertising
  ads::trackCount(store.pendingFor(e));  // $ finding=security-to-advertising
  ads::track(store.anyPending());  // clean: the phone was only looked up in it
  ads::track(store.campaignFor(e));  // clean: picked by the phone's length, like names[i]
  store.forget(e);
  ads::track(store.firstCampaign());  // clean: indexed, never written, with the phone
}

void reportFiles(const auth::Enrolment& e) {
  for (const std::string& name : auth::enrolmentFiles(e)) {
    ads::track(name);  // clean: an entry read from the directory
    ads::trackCount(std::strtol(name.c_str(), nullptr, 10));  // clean: parsed from an entry
  }
  std::string dir = auth::enrolmentDirectory(e);
  struct stat info;
  if (stat(dir.c_str(), &info) == 0)
    ads::trackCount(static_cast<long>(info.st_size));  // clean: the file's size
  ads::track(dir);  // $ finding=security-to-advertising
  char copy[64];
  std::snprintf(copy, sizeof copy, "%s", dir.c_str());
  ads::track(copy);  // $ finding=security-to-advertising
  ads::trackCount(std::strtol(e.phone.c_str(), nullptr, 10));  // $ finding=security-to-advertising
}

}  // namespace

// A program's own function named like a C library call is its own: its body
// is followed.
std::string read(const auth::Enrolment& e) { return e.phone; }

int main() {
  auth::SessionStore store;
  auth::Enrolment e{"+1 555 0100", "pixel", 0};
  reportSessions(store, e);
  reportFiles(e);
  ads::track(read(e));  // $ finding=security-to-advertising
  return 0;
}
