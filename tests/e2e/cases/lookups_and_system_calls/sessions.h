// A 2FA session store keyed by the user's phone, and the directory of
// enrolment files named after it: the way a login service is written.
// PII_ARGS: -std=c++20
#pragma once

#include <pii/annotations.h>

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace auth {

struct Enrolment {
  PII_PURPOSE("security") std::string phone;
  std::string deviceName;
  int attempts = 0;
};

struct Session {
  std::string token;
  std::string campaign;
};

class SessionStore {
 public:
  void open(const Enrolment& e);
  bool isKnown(const Enrolment& e);
  const Session* sessionFor(const Enrolment& e);
  void forget(const Enrolment& e);
  std::string firstCampaign();
  int pendingFor(const Enrolment& e);
  std::string campaignFor(const Enrolment& e);
  std::string anyPending() const;

 private:
  std::map<std::string, Session> byPhone_;
  std::unordered_map<std::string, int> pending_;
  std::set<std::string> blocked_;
  std::vector<std::string> campaigns_;
};

/// Enrolment files live under a directory named after the phone.
std::vector<std::string> enrolmentFiles(const Enrolment& e);
std::string enrolmentDirectory(const Enrolment& e);

}  // namespace auth

namespace ads {
PII_SINK("advertising") void track(const std::string& event);
PII_SINK("advertising") void trackCount(long n);
}  // namespace ads
