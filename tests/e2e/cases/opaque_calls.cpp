// Calls to other functions are opaque here: their results carry their
// arguments' purposes (hashing, encoding, normalising and truncating never
// remove one), so do non-const reference and pointer arguments and, for member
// calls, the object. Const-reference arguments are left alone. Flows that need
// a summary of the callee's body are out of scope and marked as known gaps.
#include <pii/annotations.h>

#include <cstddef>
#include <string>

namespace acct {

struct User {
  PII_PURPOSE("security") std::string phone;
  PII_PURPOSE("security") std::string recoveryEmail;
  std::string nickname;
};

class ContactCard {
 public:
  void setPhone(const std::string& phone);
  void setName(const std::string& name);
  std::string render() const;
};

}  // namespace acct

namespace crypto {
std::string sha256(const std::string& data);
std::string hmac(const std::string& key, const std::string& data);
}  // namespace crypto

namespace text {
std::string normalise(const std::string& phone);
std::string lowercase(std::string s);
std::string truncate(const std::string& s, std::size_t n);
void encode(const std::string& in, std::string& out);
void encodeTo(const std::string& in, std::string* out);
bool sameCountry(const std::string& a, const std::string& b);
void logBoth(const std::string& a, const std::string& b);
}  // namespace text

namespace ads {
PII_SINK("advertising") void upload(const std::string& key);
}  // namespace ads

void hashingKeepsThePurpose(const acct::User& u) {
  ads::upload(crypto::sha256(u.phone));  // $ finding=security-to-advertising
  std::string hashed = crypto::sha256(text::normalise(u.phone));
  ads::upload(hashed);  // $ finding=security-to-advertising
  ads::upload(crypto::hmac("audience-salt", u.phone));  // $ finding=security-to-advertising
  ads::upload(text::lowercase(u.recoveryEmail));  // $ finding=security-to-advertising
  ads::upload(text::truncate(u.phone, 4));  // $ finding=security-to-advertising
  ads::upload(crypto::sha256(u.nickname));  // clean: no purpose
  ads::upload(text::normalise("+1 555 0100"));  // clean: a literal
}

void outParameters(const acct::User& u) {
  std::string encoded;
  text::encode(u.phone, encoded);
  ads::upload(encoded);  // $ finding=security-to-advertising
  std::string viaPointer;
  text::encodeTo(u.recoveryEmail, &viaPointer);
  ads::upload(viaPointer);  // $ finding=security-to-advertising
  std::string encodedNick;
  text::encode(u.nickname, encodedNick);
  ads::upload(encodedNick);  // clean: encoded from data without a purpose
  std::string country = "fr";
  text::sameCountry(u.phone, country);
  ads::upload(country);  // clean: passed by const reference only
  std::string label = "login";
  text::logBoth(u.phone, label);
  ads::upload(label);  // clean: passed by const reference only
}

void memberCalls(const acct::User& u) {
  acct::ContactCard card;
  card.setPhone(u.phone);
  ads::upload(card.render());  // $ finding=security-to-advertising
  acct::ContactCard plain;
  plain.setName(u.nickname);
  ads::upload(plain.render());  // clean: nothing with a purpose went into this object
}

// campaignFor only branches on the phone: its body is followed, so its result
// carries no purpose (control dependence is not a flow).
std::string campaignFor(const std::string& phone) {
  return phone.empty() ? "generic" : "verified";
}

void branchOnlyHelper(const acct::User& u) {
  ads::upload(campaignFor(u.phone));  // clean: the helper returns a constant
}

// The sink is in the callee: its summary, applied at the call in onVerified,
// reports the argument that enters it.
void shareWithPartner(const std::string& key) {
  ads::upload(key);  // $ finding=security-to-advertising
}

void onVerified(const acct::User& u) {
  shareWithPartner(u.phone);  // clean: the call itself is not a sink
}
