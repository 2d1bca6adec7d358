// Whole-program calls: functions with bodies are analyzed, not treated as
// opaque. A helper that passes its argument through (or transforms it: hashing
// and normalising keep the purpose) carries the purpose to its result; a helper
// that drops its argument does not. Results are per call site: a helper called
// with the phone and with the name taints only the first call's result.
// Covered: pass-through/drop/transform helpers, overloads, default arguments,
// constructors with member initializer lists and getters, setters, assignment
// and conversion operators, member functions, a builder with chained calls,
// recursion and mutual recursion, sinks inside helpers, out-parameters.
#include <pii/annotations.h>

#include <cstddef>
#include <string>
#include <utility>

namespace acct {

struct User {
  PII_PURPOSE("security") std::string phone;
  std::string name;
  int id = 0;
};

// Declared only: its result carries the purpose.
PII_PURPOSE("security") std::string primaryPhone(int userId);

}  // namespace acct

namespace ads {
PII_SINK("advertising") void upload(const std::string& key);
}  // namespace ads

namespace mail {
PII_SINK("marketing") void send(const std::string& to, const std::string& body);
}  // namespace mail

namespace util {

std::string identity(const std::string& s) { return s; }

std::string normalize(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c != ' ' && c != '-') out += c;
  }
  return out;
}

std::string redact(const std::string& s) {
  (void)s;
  return "<redacted>";
}

std::string greeting(const std::string& who) {
  if (who.empty()) return "hi";  // control dependence only
  return "hello";
}

std::string tagged(const std::string& s) { return "t:" + s; }

// Overloads: the first passes its argument on, the second ignores it.
std::string render(const std::string& s) { return "<" + s + ">"; }
std::string render(const std::string& s, const char* placeholder) {
  (void)s;
  return placeholder;
}

// Default arguments.
std::string withPrefix(const std::string& s, const std::string& prefix = "ad:") { return prefix + s; }
std::string contactKey(const std::string& name, const std::string& phone = acct::primaryPhone(0)) {
  return name + "/" + phone;
}

// Recursion and mutual recursion.
std::string stripLeadingZeros(const std::string& s) {
  if (!s.empty() && s[0] == '0') return stripLeadingZeros(s.substr(1));
  return s;
}
std::string bottom(const std::string& s, int depth) {
  if (depth == 0) return "bottom";
  return bottom(s, depth - 1);
}
std::string evenStep(const std::string& s, int n);
std::string oddStep(const std::string& s, int n) { return n == 0 ? s : evenStep(s + "o", n - 1); }
std::string evenStep(const std::string& s, int n) { return n == 0 ? s : oddStep(s + "e", n - 1); }

// Out-parameters.
void fill(std::string& out, const acct::User& u) { out = u.phone; }
void fillName(std::string& out, const acct::User& u) { out = u.name; }
void copyTo(const std::string& in, std::string* out) { *out = in; }

}  // namespace util

namespace acct {

class Contact {
 public:
  Contact(std::string number, std::string label) : number_(std::move(number)), label_(std::move(label)) {}
  const std::string& number() const { return number_; }
  const std::string& label() const { return label_; }
  void setNumber(const std::string& n) { number_ = n; }
  void setLabel(const std::string& l) { label_ = l; }

 private:
  std::string number_;
  std::string label_;
};

class PhoneNumber {
 public:
  PhoneNumber() = default;
  PhoneNumber& operator=(const std::string& digits) {
    digits_ = digits;
    return *this;
  }
  operator std::string() const { return "+" + digits_; }
  std::string areaCode() const { return digits_.substr(0, 3); }
  std::string kind() const { return "mobile"; }

 private:
  std::string digits_;
};

// User-defined copy operations that do not copy field-wise.
class Token {
 public:
  Token(std::string value, std::string note) : value_(std::move(value)), note_(std::move(note)) {}
  Token(const Token& other) : value_(other.value_), note_("copied") {}
  Token& operator=(const Token& other) {
    value_ = "reset";
    note_ = other.note_;
    return *this;
  }
  std::string value() const { return value_; }
  std::string note() const { return note_; }

 private:
  std::string value_;
  std::string note_;
};

class Session {
 public:
  void bind(const User& u) {
    phone_ = u.phone;
    name_ = u.name;
  }
  std::string audienceKey() const { return "s:" + phone_; }
  std::string displayName() const { return name_; }

 private:
  std::string phone_;
  std::string name_;
};

}  // namespace acct

namespace ads {

struct AudienceEntry {
  std::string key;
  std::string name;
};

class EntryBuilder {
 public:
  EntryBuilder& phone(const std::string& p) {
    entry_.key = p;
    return *this;
  }
  EntryBuilder& name(const std::string& n) {
    entry_.name = n;
    return *this;
  }
  AudienceEntry build() const { return entry_; }

 private:
  AudienceEntry entry_;
};

// Helpers whose bodies contain the sink: the finding is on the sink argument
// inside the helper, reported when some caller passes a security value.
void publish(const std::string& key) {
  ads::upload("v1:" + key);  // $ finding=security-to-advertising
}
void publishNickname(const std::string& nick) {
  ads::upload(nick);  // clean: callers pass only the name and a literal
}
void track(const std::string& event, const std::string& userKey) {
  ads::upload(event);  // clean: callers pass only literal events
  (void)userKey;
}

}  // namespace ads

void passThroughDropTransform(const acct::User& u) {
  ads::upload(util::identity(u.phone));  // $ finding=security-to-advertising
  ads::upload(util::normalize(u.phone));  // $ finding=security-to-advertising
  ads::upload(util::redact(u.phone));  // clean: the helper drops its argument
  ads::upload(util::greeting(u.phone));  // clean: control dependence only
  ads::upload(util::identity(u.name));  // clean: no purpose
}

void contextSensitivity(const acct::User& u) {
  std::string a = util::tagged(u.phone);
  std::string b = util::tagged(u.name);
  ads::upload(a);  // $ finding=security-to-advertising
  ads::upload(b);  // clean: the same helper, called with the name
}

void overloadsAndDefaults(const acct::User& u) {
  ads::upload(util::render(u.phone));  // $ finding=security-to-advertising
  ads::upload(util::render(u.phone, "***"));  // clean: this overload ignores the phone
  ads::upload(util::withPrefix(u.phone));  // $ finding=security-to-advertising
  ads::upload(util::withPrefix(u.name));  // clean: no purpose, default prefix
  ads::upload(util::contactKey(u.name));  // $ finding=security-to-advertising note="passed to 'util::contactKey'"
  ads::upload(util::contactKey(u.name, "none"));  // clean: the default argument is not used
}

void constructorsGettersSetters(const acct::User& u) {
  acct::Contact c(u.phone, "home");
  ads::upload(c.number());  // $ finding=security-to-advertising
  ads::upload(c.label());  // clean: the label is "home"
  acct::Contact d("", "");
  d.setLabel(u.phone);
  ads::upload(d.label());  // $ finding=security-to-advertising
  ads::upload(d.number());  // clean: still the empty string
  acct::Contact e(u.name, "work");
  e.setNumber(u.name);
  ads::upload(e.number());  // clean: only the name
}

void operatorsAndMembers(const acct::User& u) {
  acct::PhoneNumber p;
  p = u.phone;
  ads::upload(p);  // $ finding=security-to-advertising
  std::string converted = p;
  mail::send(converted, "offer");  // $ finding=security-to-advertising
  ads::upload(p.areaCode());  // $ finding=security-to-advertising
  ads::upload(p.kind());  // clean: kind() does not read the digits
  acct::PhoneNumber q;
  q = u.name;
  ads::upload(q);  // clean: holds the name only

  acct::Token t(u.phone, "issued");
  acct::Token copy(t);
  ads::upload(copy.value());  // $ finding=security-to-advertising
  ads::upload(copy.note());  // clean: the copy constructor writes "copied"
  acct::Token assigned("x", "y");
  assigned = t;
  ads::upload(assigned.value());  // clean: operator= writes "reset"
  ads::upload(assigned.note());  // clean: t's note is "issued"

  acct::Session s;
  s.bind(u);
  ads::upload(s.audienceKey());  // $ finding=security-to-advertising
  ads::upload(s.displayName());  // clean: the name only
}

void builder(const acct::User& u) {
  ads::AudienceEntry e = ads::EntryBuilder().phone(u.phone).name("x").build();
  ads::upload(e.key);  // $ finding=security-to-advertising
  ads::upload(e.name);  // clean: "x"
  ads::AudienceEntry f = ads::EntryBuilder().phone("anonymous").name(u.name).build();
  ads::upload(f.key);  // clean: "anonymous"
}

void recursion(const acct::User& u) {
  ads::upload(util::stripLeadingZeros(u.phone));  // $ finding=security-to-advertising
  ads::upload(util::oddStep(u.phone, 3));  // $ finding=security-to-advertising
  ads::upload(util::oddStep(u.name, 3));  // clean: no purpose
  ads::upload(util::bottom(u.phone, 5));  // clean: the recursion drops its argument
}

void sinksInsideHelpers(const acct::User& u) {
  ads::publish(u.phone);  // $ note="passed to 'ads::publish'"
  ads::publishNickname(u.name);  // clean: no purpose
  ads::publishNickname("guest");  // clean: a literal
  ads::track("login", u.phone);  // clean: the phone is not the argument that reaches the sink
}

void outParameters(const acct::User& u) {
  std::string a;
  util::fill(a, u);
  ads::upload(a);  // $ finding=security-to-advertising
  std::string b;
  util::fillName(b, u);
  ads::upload(b);  // clean: filled with the name
  std::string c = "x";
  util::copyTo(u.name, &c);
  ads::upload(c);  // clean: the name
  std::string d;
  util::copyTo(u.phone, &d);
  mail::send("promo@example.com", d);  // $ finding=security-to-advertising
}
