// Where the value leaves for the advertising SDK.
#include "pipeline.h"

namespace ads {

void syncAudience(const std::string& key, const std::string& label) {
  upload(key);  // $ finding=security-to-advertising
  upload(label);  // clean: callers pass only literals and the name
}

void syncSegment(const std::string& segment) {
  upload("seg:" + segment);  // clean: callers pass only a dropped value and the name
}

void flushRemembered() {
  upload(util::g_lastKey);  // $ finding=security-to-advertising note="'util::g_lastKey'"
}

}  // namespace ads
