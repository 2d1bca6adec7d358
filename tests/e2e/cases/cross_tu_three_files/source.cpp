// Where the security value is read.
#include "pipeline.h"

namespace acct {

void onTwoFactorEnrolled(const User& u) {
  std::string normalized = util::normalize(u.phone);  // $ note="passed to 'util::normalize'"
  std::string key = util::sha256Hex(normalized);  // $ note="'key'"
  ads::syncAudience(key, "2fa-enrolled");  // $ note="passed to 'ads::syncAudience'"
  ads::syncSegment(util::bucketOf(u.phone));  // clean: bucketOf drops the phone
  util::remember(u.phone);
}

void onProfileUpdated(const User& u) {
  ads::syncAudience(util::sha256Hex(u.name), "profile:" + u.name);
  ads::syncSegment(util::normalize(u.name));  // clean: the name
}

}  // namespace acct
