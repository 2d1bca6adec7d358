// Only a declassifying function removes purposes, and only from its own
// result. Whole objects that contain a purpose-annotated field (directly or
// nested) carry that purpose when passed to a sink; aggregate initialisation
// puts a purpose into the field it initialises.
#include <pii/annotations.h>

#include <string>
#include <vector>

namespace acct {

struct User {
  PII_PURPOSE("security") std::string phone;
  std::string nickname;
};

struct Household {
  User owner;
  std::string postcode;
};

struct Lead {
  std::string contact;
  std::string campaign;
};

}  // namespace acct

namespace crypto {
std::string sha256(const std::string& data);
}  // namespace crypto

namespace stats {
PII_DECLASSIFY("aggregate count") int countUsers(const std::vector<std::string>& phones);
PII_DECLASSIFY("k-anonymous region of at least 1000 subscribers") std::string regionOf(const std::string& phone);
int countRaw(const std::vector<std::string>& phones);  // not declassifying
}  // namespace stats

namespace ads {

struct Campaign {
  std::string name;
  int budget = 0;
};

PII_SINK("advertising") void upload(const std::string& key);
PII_SINK("advertising") void reportReach(int users);
PII_SINK("advertising") void uploadProfile(const acct::User& user);
PII_SINK("advertising") void uploadHousehold(const acct::Household& household);
PII_SINK("advertising") void uploadLead(const acct::Lead& lead);
PII_SINK("advertising") void uploadCampaign(const Campaign& campaign);

}  // namespace ads

void declassification(const std::vector<acct::User>& users, const acct::User& u) {
  std::vector<std::string> phones;
  for (const acct::User& each : users)
    phones.push_back(each.phone);
  ads::reportReach(stats::countUsers(phones));  // clean: declassified aggregate
  ads::reportReach(stats::countRaw(phones));  // $ finding=security-to-advertising
  ads::upload(stats::regionOf(u.phone));  // clean: declassified
  std::string region = stats::regionOf(crypto::sha256(u.phone));
  ads::upload(region + "/" + u.nickname);  // clean: declassified, and no purpose on nickname
  ads::upload(stats::regionOf(u.phone) + u.phone);  // $ finding=security-to-advertising
  std::string phone = u.phone;
  std::string ignored = stats::regionOf(phone);
  ads::upload(phone);  // $ finding=security-to-advertising
}

void wholeObjects(const acct::User& u, const acct::Household& household, const ads::Campaign& campaign) {
  ads::uploadProfile(u);  // $ finding=security-to-advertising
  acct::User copy = u;
  ads::uploadProfile(copy);  // $ finding=security-to-advertising
  ads::uploadHousehold(household);  // $ finding=security-to-advertising
  ads::upload(household.postcode);  // clean: a field without a purpose
  ads::uploadCampaign(campaign);  // clean: no field with a purpose
}

void aggregateInitialisation(const acct::User& u) {
  acct::Lead lead{u.phone, "spring"};
  ads::uploadLead(lead);  // $ finding=security-to-advertising
  ads::upload(lead.contact);  // $ finding=security-to-advertising
  ads::upload(lead.campaign);  // clean: initialised from a literal
  acct::Lead coldLead{u.nickname, "spring"};
  ads::uploadLead(coldLead);  // clean: nothing with a purpose in it
}
