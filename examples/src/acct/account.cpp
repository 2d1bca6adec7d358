#include "acct/account.h"

#include <iostream>
#include <random>
#include <utility>

namespace acct {

void AccountService::enroll(User user) { users_.push_back(std::move(user)); }

void AccountService::sendLoginCode(const User& user) const {
  std::random_device entropy;
  std::string code = std::to_string(std::uniform_int_distribution<int>(100000, 999999)(entropy));
  sms::sendVerificationCode(user.phone2fa, code); // clean: 2FA phone used for 2FA
}

void AccountService::sendNewsletter(const std::string& issue) const {
  for (const User& user : users_)
    if (!user.marketingEmail.empty())
      mail::sendNewsletter(user.marketingEmail, issue); // clean: opted in to marketing
}

} // namespace acct

namespace sms {
void sendVerificationCode(const std::string& phone, const std::string& code) {
  std::cout << "[sms]  " << phone << ": your login code is " << code << '\n';
}
} // namespace sms

namespace mail {
void sendNewsletter(const std::string& email, const std::string& issue) {
  std::cout << "[mail] " << email << ": " << issue << '\n';
}
} // namespace mail
