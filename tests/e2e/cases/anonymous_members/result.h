// A result type written as production code writes it (tdlib's Result<T>):
// the value lives in an anonymous union, a member without a name of its
// own. Both files instantiate it: campaign.cpp meets Result<int> before
// Result<std::string>, lookup.cpp meets only Result<std::string>. The
// unnamed member of Result<std::string> must be named alike in both, or the
// value lookup.cpp's set() stores is not the one campaign.cpp's ok() reads.
#ifndef ANONYMOUS_MEMBERS_RESULT_H
#define ANONYMOUS_MEMBERS_RESULT_H

#include <pii/annotations.h>

#include <utility>
#include <string>

template <typename T>
class Result {
 public:
  Result() : value_() {}
  ~Result() { value_.~T(); }
  void set(T v) { value_ = std::move(v); }
  const T& ok() const { return value_; }

 private:
  union {
    T value_;
  };
};

namespace acct {

struct User {
  PII_PURPOSE("security") std::string phone;
  std::string name;
};

}  // namespace acct

namespace ads {
PII_SINK("advertising") void upload(const std::string& key);
}  // namespace ads

#endif  // ANONYMOUS_MEMBERS_RESULT_H
