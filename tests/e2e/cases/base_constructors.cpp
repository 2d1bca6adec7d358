// A constructor's base initializer and a delegating constructor build the
// object `this` points to: what they are given is in the object after.
#include <pii/annotations.h>

#include <memory>
#include <string>
#include <utility>

namespace acct {
struct User {
  PII_PURPOSE("security") std::string phone;
  std::string name;
};

// A wrapper over a shared pointer, as serialization libraries write them.
template <typename T> class Wrapper {
public:
  Wrapper() = default;
  explicit Wrapper(std::shared_ptr<T> P) : Ptr(std::move(P)) {}
  Wrapper(const Wrapper &Other) : Ptr(Other.Ptr) {}
  const T &get() const { return *Ptr; }

private:
  std::shared_ptr<T> Ptr;
};

class Text : public Wrapper<std::string> {
public:
  Text() = default;
  explicit Text(const std::string &S)
      : Wrapper<std::string>(std::make_shared<std::string>(S)) {}
  // Copies through the base's own copy constructor.
  Text(const Text &Other) : Wrapper<std::string>(Other) {}
};

struct Labelled : Text {
  Labelled(const std::string &Value, const std::string &Label)
      : Text(Value), Tag(Label) {}
  // Delegates the whole object to the constructor above.
  explicit Labelled(const User &U) : Labelled(U.phone, "phone") {}
  std::string Tag;
};
}  // namespace acct

namespace ads {
PII_SINK("advertising") void show(const std::string &S);
}

void copiedThroughTheBase(const acct::User &U) {
  acct::Text Phone(U.phone);
  acct::Text Copy = Phone;
  ads::show(Copy.get());  // $ finding=security-to-advertising
  acct::Text Name(U.name);
  acct::Text NameCopy = Name;
  ads::show(NameCopy.get());  // clean: the name has no purpose
}

void builtByTheBase(const acct::User &U) {
  acct::Labelled L(U.phone, "home");
  ads::show(L.get());  // $ finding=security-to-advertising
}

void delegated(const acct::User &U) {
  acct::Labelled L(U);
  ads::show(L.get());  // $ finding=security-to-advertising
}

void cleanBase(const acct::User &U) {
  acct::Labelled L(U.name, U.phone);
  ads::show(L.get());  // clean: only the tag holds the phone
}
