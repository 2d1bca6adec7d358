#include "core/analysis/Annotations.h"
#include "TestAST.h"

#include "clang/AST/DeclCXX.h"

#include <catch2/catch.hpp>

using namespace clang;
using pii::AnnotationIndex;

static const pii::Policy BuiltinPolicy = pii::Policy::builtin();
using pii::test::TestAST;

TEST_CASE("both spellings give the same purposes", "[annotations]") {
  TestAST AST(R"cpp(
    #include <pii/annotations.h>
    struct User {
      [[pii::purpose("security")]] int phone;
      PII_PURPOSE("security", "fraud") int email;
      int name;
    };
  )cpp");
  AnnotationIndex Index(BuiltinPolicy);
  using List = pii::PurposeList;
  CHECK(Index.purposesOf(&AST.get<FieldDecl>("User::phone")) ==
        List{"security"});
  CHECK(Index.purposesOf(&AST.get<FieldDecl>("User::email")) ==
        List{"security", "fraud"});
  CHECK(Index.purposesOf(&AST.get<FieldDecl>("User::name")).empty());
}

TEST_CASE("the unscoped [[purpose]] spelling is not ours", "[annotations]") {
  TestAST AST(R"cpp(
    #pragma clang diagnostic ignored "-Wunknown-attributes"
    struct User { [[purpose("security")]] int phone; };
  )cpp");
  AnnotationIndex Index(BuiltinPolicy);
  CHECK(Index.purposesOf(&AST.get<FieldDecl>("User::phone")).empty());
}

TEST_CASE("a parameter's purpose may sit on another declaration",
          "[annotations]") {
  TestAST AST(R"cpp(
    #include <pii/annotations.h>
    void send(PII_PURPOSE("security") int phone);
    void send(int phone) { (void)phone; }
  )cpp");
  const auto &Definition = AST.get<FunctionDecl>("send");
  const FunctionDecl *WithBody = Definition.getDefinition();
  REQUIRE(WithBody);
  AnnotationIndex Index(BuiltinPolicy);
  CHECK(Index.purposesOf(WithBody->getParamDecl(0)) ==
        pii::PurposeList{"security"});
}

TEST_CASE("sinks: function, parameter, class, and overrides", "[annotations]") {
  TestAST AST(R"cpp(
    #include <pii/annotations.h>
    namespace ads {
    PII_SINK("advertising") void track(int a, int b);
    void upload(PII_SINK("advertising") int id, int campaign);
    class PII_SINK("marketing") Mailer {
    public:
      Mailer(int list);
      Mailer(const Mailer &);
      void send(int to);
    };
    struct Base { PII_SINK("advertising") virtual void show(int) = 0; };
    struct Derived : Base { void show(int) override; };
    void plain(int);
    }
  )cpp");
  AnnotationIndex Index(BuiltinPolicy);
  auto Kind = [&](const char *Name, unsigned Arg) {
    return Index.sinkKindOf(&AST.get<FunctionDecl>(Name), Arg);
  };
  CHECK(Kind("ads::track", 0) == "advertising");
  CHECK(Kind("ads::track", 1) == "advertising");
  CHECK(Kind("ads::upload", 0) == "advertising");
  CHECK_FALSE(Kind("ads::upload", 1));
  CHECK(Kind("ads::Mailer::send", 0) == "marketing");
  CHECK(Kind("ads::Derived::show", 0) == "advertising");
  CHECK_FALSE(Kind("ads::plain", 0));

  const auto &Mailer = AST.get<CXXRecordDecl>("ads::Mailer");
  for (const CXXConstructorDecl *Ctor : Mailer.ctors())
    CHECK(Index.sinkKindOf(Ctor, 0).has_value() ==
          !Ctor->isCopyOrMoveConstructor());
}

TEST_CASE("return purposes and declassifiers follow overrides",
          "[annotations]") {
  TestAST AST(R"cpp(
    #include <pii/annotations.h>
    struct Store { PII_PURPOSE("security") virtual int phone() const; };
    struct Cache : Store { int phone() const override; };
    struct Stats { PII_DECLASSIFY("aggregate count") virtual int count(int); };
    struct Fast : Stats { int count(int) override; };
    PII_DECLASSIFY("") int empty(int);
  )cpp");
  AnnotationIndex Index(BuiltinPolicy);
  CHECK(Index.returnPurposesOf(&AST.get<FunctionDecl>("Cache::phone")) ==
        pii::PurposeList{"security"});
  CHECK(Index.isDeclassifier(&AST.get<FunctionDecl>("Fast::count")));
  // An empty reason is a misuse (reported elsewhere), never a declassifier.
  CHECK_FALSE(Index.isDeclassifier(&AST.get<FunctionDecl>("empty")));
}
