#include "core/analysis/AnnotationChecks.h"
#include "TestAST.h"

#include "clang/Basic/SourceManager.h"

#include <catch2/catch.hpp>

using pii::test::TestAST;

namespace {

/// "line: message" for each problem, in source order ("line: warning:
/// message" for warnings).
std::vector<std::string>
problemsIn(const std::string &Code,
           const pii::Policy &Policy = pii::Policy::builtin()) {
  TestAST AST(Code);
  std::vector<std::string> Lines;
  const clang::SourceManager &SM = AST.context().getSourceManager();
  for (const pii::AnnotationProblem &P :
       pii::checkAnnotations(AST.context(), Policy))
    Lines.push_back(std::to_string(SM.getPresumedLineNumber(P.Loc)) + ": " +
                    (P.Warning ? "warning: " : "") + P.Message);
  return Lines;
}

} // namespace

TEST_CASE("well-formed annotations raise nothing", "[checks]") {
  CHECK(problemsIn(R"cpp(
    #include <pii/annotations.h>
    struct PII_SINK("advertising") Client { void upload(int); };
    struct User { PII_PURPOSE("security") int phone; };
    PII_PURPOSE("security") int g;
    PII_DECLASSIFY("aggregate") int count(PII_PURPOSE("security") int p);
    void f(PII_SINK("marketing") int to);
  )cpp")
            .empty());
}

TEST_CASE("each misuse names the annotation and the problem", "[checks]") {
  CHECK(problemsIn(R"cpp(#include <pii/annotations.h>
PII_PURPOSE() int a;
PII_PURPOSE(42) int b;
PII_SINK("advertising", "marketing") void c(int);
PII_DECLASSIFY("") int d(int);
PII_SINK("advertising") int e;
struct F { PII_DECLASSIFY("because") int f; };
struct PII_PURPOSE("security") G {};
[[clang::annotate("pii::porpose", "x")]] int h;
PII_PURPOSE("") int i;
)cpp") == std::vector<std::string>{
              "2: 'pii::purpose' needs at least one string argument naming "
              "a purpose, got 0",
              "3: the arguments of 'pii::purpose' must be string literals "
              "naming a purpose",
              "4: 'pii::sink' needs exactly one string argument naming the "
              "sink kind, got 2",
              "5: 'pii::declassify' needs a non-empty string naming the "
              "reason",
              "6: 'pii::sink' cannot be applied to a variable; it applies "
              "to functions, parameters and classes",
              "7: 'pii::declassify' cannot be applied to a data member; it "
              "applies to functions",
              "8: 'pii::purpose' cannot be applied to a class; it applies "
              "to data members, variables, parameters and functions",
              "9: unknown annotation 'pii::porpose' (did you mean "
              "\"pii::purpose\"?); pii-flow knows "
              "'pii::purpose', 'pii::sink' and 'pii::declassify'",
              "10: 'pii::purpose' needs a non-empty string naming a purpose",
          });
}

TEST_CASE("a purpose or sink kind no rule names is a warning with a "
          "likely spelling",
          "[checks]") {
  CHECK(problemsIn(R"cpp(#include <pii/annotations.h>
struct User { PII_PURPOSE("securty") int phone; };
PII_SINK("advertsing") void show(int);
PII_SINK("billing") void charge(int);
)cpp") == std::vector<std::string>{
              "2: warning: no rule of the policy names the purpose "
              "'securty' (did you mean \"security\"?); values with it are "
              "not checked",
              "3: warning: no rule of the policy names the sink kind "
              "'advertsing' (did you mean \"advertising\"?); nothing "
              "reaching it is checked",
              "4: warning: no rule of the policy names the sink kind "
              "'billing'; nothing reaching it is checked",
          });
}
