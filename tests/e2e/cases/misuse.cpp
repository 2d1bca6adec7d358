// Annotation misuse is a clear diagnostic at the annotation, never silently
// ignored: an empty reason, a missing argument, a non-string argument, and an
// annotation in a place it does not apply to, in both spellings. The valid
// annotations next to them are accepted silently, and nothing here is a flow.
// PII_EXIT: 2
#include <pii/annotations.h>

#include <string>

namespace stats {
PII_DECLASSIFY("") int countUsers(int shard);  // $ diag="reason"
[[pii::declassify("")]] int countDevices(int shard);  // $ diag="reason"
PII_DECLASSIFY("aggregate count") int countSessions(int shard);  // clean: valid
}  // namespace stats

namespace ads {
PII_SINK() void upload(const std::string& key);  // $ diag="argument"
[[pii::sink]] void uploadRaw(const char* key);  // $ diag="argument"
PII_SINK("advertising") void show(const std::string& creative);  // clean: valid
PII_SINK(1) void uploadKind(const std::string& key);  // $ diag="string"
[[pii::sink("advertising")]] std::string lastUploaded;  // $ diag="applies to"
PII_SINK("advertising") std::string lastShown;  // $ diag="applies to"
}  // namespace ads

namespace acct {

struct User {
  PII_PURPOSE(42) std::string phone;  // $ diag="string"
  [[pii::purpose(7)]] std::string recoveryEmail;  // $ diag="string"
  PII_PURPOSE() std::string backupPhone;  // $ diag="argument"
  [[pii::declassify("legacy field")]] std::string nickname;  // $ diag="applies to"
  PII_PURPOSE("security") std::string totpSeed;  // clean: valid
  PII_PURPOSE("secu\nrity") std::string injected;  // $ diag="with a control character"
  std::string displayName;
};

}  // namespace acct

void valid(const acct::User& u) {
  ads::show(u.displayName);  // clean: no purpose
  ads::show(std::to_string(stats::countSessions(3)));  // clean: declassified
}
