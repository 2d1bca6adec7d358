#include "core/analysis/DeclaredPolicyNames.h"
#include "TestAST.h"

#include <catch2/catch.hpp>

using pii::DeclarationKind;
using pii::PolicyName;
using pii::test::TestAST;

namespace {

/// What the unit \p Code declares of \p Names.
std::vector<PolicyName> declared(const std::string &Code,
                                 std::vector<PolicyName> Names) {
  TestAST AST(Code);
  pii::Policy P;
  P.NamedInFiles = std::move(Names);
  std::sort(P.NamedInFiles.begin(), P.NamedInFiles.end());
  return pii::declaredPolicyNames(AST.context(), P);
}

constexpr auto Field = DeclarationKind::Field;
constexpr auto Variable = DeclarationKind::Variable;
constexpr auto Function = DeclarationKind::Function;

const char *const Account = R"cpp(
  namespace acct {
  struct User { int handle; int phone; static int lastPhone; };
  inline namespace v1 { void audit(int); }
  namespace { struct Hidden { int secret; }; }
  template <class T> struct Box { T value; void put(const T &); };
  struct Stream {
    Stream();
    ~Stream();
    Stream &operator<<(int);
    operator bool() const;
  };
  int twoFactorPhone();
  int g_recovery;
  void withLocal() { struct Local { int x; }; }
  }
)cpp";

} // namespace

TEST_CASE("a policy's names are looked up as qualified names are",
          "[policy-names]") {
  std::vector<PolicyName> Names = {
      {Field, "acct::User::phone"},
      {Variable, "acct::User::lastPhone"},
      {Variable, "acct::g_recovery"},
      {Function, "acct::twoFactorPhone"},
      // policyName leaves inline namespaces out, and names the anonymous
      // one so.
      {Function, "acct::audit"},
      {Field, "acct::(anonymous namespace)::Hidden::secret"},
      // A template's members, as every specialization names them.
      {Field, "acct::Box::value"},
      {Function, "acct::Box::put"},
      // Constructors, destructors and operators, as policyName spells them.
      {Function, "acct::Stream::Stream"},
      {Function, "acct::Stream::~Stream"},
      {Function, "acct::Stream::operator<<"},
  };
  CHECK(declared(Account, Names) == [&] {
    std::sort(Names.begin(), Names.end());
    return Names;
  }());
}

TEST_CASE("a name declared as another kind says what it is", "[policy-names]") {
  CHECK(declared(Account, {{Field, "acct::twoFactorPhone"}}) ==
        std::vector<PolicyName>{{Function, "acct::twoFactorPhone"}});
  CHECK(declared(Account, {{Function, "acct::User::phone"}}) ==
        std::vector<PolicyName>{{Field, "acct::User::phone"}});
}

TEST_CASE("a class's member misspelled brings the closest member",
          "[policy-names]") {
  CHECK(declared(Account, {{Field, "acct::User::phon"}}) ==
        std::vector<PolicyName>{{Field, "acct::User::phone"}});
  // Nothing close: nothing said.
  CHECK(declared(Account, {{Field, "acct::User::birthday"}}).empty());
  // A class or namespace that is not there: nothing below it is.
  CHECK(declared(Account, {{Field, "acct::Usr::phone"}}).empty());
  CHECK(declared(Account, {{Function, "ads::upload"}}).empty());
  CHECK(declared(Account, {{Function, "acct::upload"}}).empty());
}

TEST_CASE("names that cannot be looked up are trusted", "[policy-names]") {
  // A conversion operator's name, and a member of a function's local
  // class: policyName prints them, but no lookup finds them by that text.
  std::vector<PolicyName> Names = {{Function, "acct::Stream::operator bool"},
                                   {Field, "acct::withLocal::Local::x"}};
  CHECK(declared(Account, Names).size() == 2);
}
