// The partner integration: the sink is reached through a parameter, which
// carries a purpose only when a caller in the other file passes one in.
#include "model.h"

namespace partners {

void shareWithPartner(const std::string& key) {
  ads::upload(key);  // $ finding=security-to-advertising
}

}  // namespace partners
