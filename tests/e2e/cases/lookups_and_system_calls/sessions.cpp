#include "sessions.h"

namespace auth {

void SessionStore::open(const Enrolment& e) {
  // Inserting under the phone puts the phone among the keys.
  byPhone_[e.phone] = Session{"t-" + e.deviceName, "spring"};
  campaigns_.push_back("spring");
  blocked_.insert("+0 000 0000");
  pending_["+0 000 0000"] = 1;
}

bool SessionStore::isKnown(const Enrolment& e) {
  // Lookups read the containers; none of them takes the phone in.
  if (blocked_.count(e.phone) || blocked_.contains(e.phone)) return false;
  auto it = pending_.find(e.phone);
  auto range = pending_.equal_range(e.phone);
  auto known = byPhone_.lower_bound(e.phone);
  return it != pending_.end() && range.first != range.second &&
         known != byPhone_.upper_bound(e.phone);
}

const Session* SessionStore::sessionFor(const Enrolment& e) {
  auto it = byPhone_.find(e.phone);
  return it == byPhone_.end() ? nullptr : &it->second;
}

void SessionStore::forget(const Enrolment& e) {
  byPhone_.erase(e.phone);
  pending_.erase(e.phone);
}

std::string SessionStore::firstCampaign() {
  return campaigns_.at(0);
}

int SessionStore::pendingFor(const Enrolment& e) {
  return static_cast<int>(pending_.count(e.phone));
}

std::string SessionStore::campaignFor(const Enrolment& e) {
  return campaigns_[e.phone.size() % campaigns_.size()];
}

std::string SessionStore::anyPending() const {
  return pending_.empty() ? std::string() : pending_.begin()->first;
}

}  // namespace auth
