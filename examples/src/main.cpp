// A small account service that repeats the "Tailored Audiences" incident:
// phone numbers given for two-factor authentication end up in ad targeting.
// Checked with the project's policy file (its rule names the "marketing"
// purpose and the "security" sink kind used here):
// PII_POLICY: ../pii-flow-policy.json
#include "acct/account.h"
#include "ads/audience.h"

#include <iostream>

int main() {
  acct::AccountService accounts;
  accounts.enroll({"alice", "+1 (415) 555-0134", "alice.recovery@example.org", "alice@example.com"});
  accounts.enroll({"bob", "+44 20 7946 0958", "bob@example.net", ""}); // no newsletter

  for (const acct::User& user : accounts.users())
    accounts.sendLoginCode(user);
  accounts.sendNewsletter("What's new in May");

  ads::AudienceClient client("lookalike-2fa-users");
  ads::AudienceSync sync(client);
  for (const acct::User& user : accounts.users())
    sync.syncUser(user);
  std::cout << client.uploaded() << " users matched for ad targeting\n";
}
