// A three-file program joined by this header: source.cpp reads the 2FA phone,
// helpers.cpp normalises and hashes it (bodies there, only declarations here),
// sink.cpp hands the result to the advertising SDK. The flow crosses all
// three files; a parallel path built from the name stays clean.
#ifndef CROSS_TU_THREE_FILES_PIPELINE_H
#define CROSS_TU_THREE_FILES_PIPELINE_H

#include <pii/annotations.h>

#include <string>

namespace acct {

struct User {
  PII_PURPOSE("security") std::string phone;
  std::string name;
  int id = 0;
};

void onTwoFactorEnrolled(const User& u);
void onProfileUpdated(const User& u);

}  // namespace acct

namespace util {

std::string normalize(const std::string& phone);
std::string sha256Hex(const std::string& data);
std::string bucketOf(const std::string& data);  // drops its argument
void remember(const std::string& key);           // stores into g_lastKey

extern std::string g_lastKey;  // defined in helpers.cpp

}  // namespace util

namespace ads {

PII_SINK("advertising") void upload(const std::string& key);

void syncAudience(const std::string& key, const std::string& label);
void syncSegment(const std::string& segment);
void flushRemembered();

}  // namespace ads

#endif  // CROSS_TU_THREE_FILES_PIPELINE_H
