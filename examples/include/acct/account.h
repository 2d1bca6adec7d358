// The account service: who our users are and how we reach them.
#pragma once

#include <pii/annotations.h>

#include <string>
#include <vector>

namespace acct {

// One account. Each contact detail is annotated with the purpose the user
// gave it to us for; pii-flow holds every later use to that purpose.
struct User {
  std::string handle;
  // Given when the user turned on two-factor authentication.
  PII_PURPOSE("security") std::string phone2fa;
  // Given so that a locked-out user can recover the account.
  PII_PURPOSE("security") std::string recoveryEmail;
  // Given when the user opted into the newsletter; empty if they did not.
  PII_PURPOSE("marketing") std::string marketingEmail;
};

class AccountService {
public:
  void enroll(User user);
  const std::vector<User>& users() const { return users_; }

  // Texts a one-time login code to the user's 2FA phone.
  void sendLoginCode(const User& user) const;
  // Mails the newsletter to every user who opted in.
  void sendNewsletter(const std::string& issue) const;

private:
  std::vector<User> users_;
};

} // namespace acct

namespace sms {
// The SMS gateway for authentication codes.
PII_SINK("security")
void sendVerificationCode(const std::string& phone, const std::string& code);
} // namespace sms

namespace mail {
// The bulk mailer for the newsletter.
PII_SINK("marketing")
void sendNewsletter(const std::string& email, const std::string& issue);
} // namespace mail
