#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

#include "sessions.h"

namespace auth {

std::string enrolmentDirectory(const Enrolment& e) {
  return "/var/lib/2fa/" + e.phone;
}

std::vector<std::string> enrolmentFiles(const Enrolment& e) {
  std::vector<std::string> names;
  std::string dir = enrolmentDirectory(e);
  // The directory handle answers entries; the entries are not its name.
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) return names;
  while (struct dirent* entry = readdir(d)) names.push_back(entry->d_name);
  closedir(d);
  return names;
}

}  // namespace auth
