// The signup flow; the partner sync is compiled in only with the flag below,
// which the driver passes from this directive:
// PII_ARGS: -DSIGNUP_PARTNER_SYNC=1
#include "model.h"

void onSignup(const acct::User& u) {
  syncAudience(u);  // clean: the finding is inside syncAudience
  std::string key = "signup:" + u.phone;
#if SIGNUP_PARTNER_SYNC
  ads::upload(key);  // $ finding=security-to-advertising
  partners::shareWithPartner(u.phone);  // clean: not a sink itself
#endif
  ads::upload("signup:" + u.nickname);  // clean: no purpose
}
