#include "core/SummaryJson.h"
#include "TestAST.h"
#include "core/Analyze.h"
#include "core/Link.h"

#include <catch2/catch.hpp>

using namespace pii;

namespace {

TranslationUnitSummary extracted() {
  test::TestAST AST(R"cpp(
    #include <pii/annotations.h>
    struct User { PII_PURPOSE("security") const char *phone; };
    PII_SINK("advertising") void upload(const char *key);
    const char *pass(const char *p) { return p; }
    void sync(const User &u) { upload(pass(u.phone)); }
  )cpp");
  return summarizeTranslationUnit(AST.context(), Policy::builtin()).Summary;
}

std::string errorOf(llvm::StringRef Text) {
  auto Read = summariesFromJson(Text, "s.json");
  REQUIRE_FALSE(static_cast<bool>(Read));
  return llvm::toString(Read.takeError());
}

} // namespace

TEST_CASE("a summary survives the round trip through JSON", "[json]") {
  TranslationUnitSummary Original = extracted();
  REQUIRE(Original.Functions.size() == 2);
  std::string Text = summariesToJson({Original});
  auto Read = summariesFromJson(Text, "s.json");
  REQUIRE(static_cast<bool>(Read));
  REQUIRE(Read->size() == 1);
  CHECK(summariesToJson(*Read) == Text);

  // And it means the same: the link finds the same flow in both.
  auto Before = link({Original}, Policy::builtin()).Findings;
  auto After = link(*Read, Policy::builtin()).Findings;
  REQUIRE(Before.size() == 1);
  REQUIRE(After.size() == 1);
  CHECK(After[0].message() == Before[0].message());
  CHECK(After[0].Steps.size() == Before[0].Steps.size());
}

TEST_CASE("a bad summary is an error that names the file and entry", "[json]") {
  CHECK(errorOf("{\"format\": 1, \"file\"") ==
        "s.json: not a valid pii-flow summary: malformed JSON");
  CHECK(errorOf(R"({"format": 99})") ==
        "s.json: not a valid pii-flow summary: format 99, expected 1");

  std::string Good = summariesToJson({extracted()});
  auto Corrupt = [&](const std::string &From, const std::string &To) {
    std::string Text = Good;
    size_t At = Text.find(From);
    REQUIRE(At != std::string::npos);
    return Text.replace(At, From.size(), To);
  };
  // An edge pointing at a call site that is not there.
  CHECK_THAT(errorOf(Corrupt("[7,1,0,", "[7,42,0,")),
             Catch::Contains("function 1: edge refers to call site 42 of 2"));
  // A port kind that does not exist.
  CHECK_THAT(errorOf(Corrupt("[7,1,0,", "[70,1,0,")),
             Catch::Contains("function 1: unknown port kind 70"));
  CHECK_THAT(errorOf(Corrupt("\"Name\":\"sync\"", "\"Name\":7")),
             Catch::Contains("function 1:"));
}
