#include "store/SummaryFile.h"
#include "TestAST.h"
#include "core/analysis/Analyze.h"
#include "core/link/Link.h"
#include "core/model/SummaryFields.h"
#include "store/Archive.h"

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

std::string errorOf(llvm::StringRef Data) {
  auto Read = decodeSummaries(Data, "s.summary");
  REQUIRE_FALSE(static_cast<bool>(Read));
  return llvm::toString(Read.takeError());
}

} // namespace

TEST_CASE("a summary survives the round trip through a file", "[summaryfile]") {
  TranslationUnitSummary Original = extracted();
  REQUIRE(Original.Functions.size() == 2);
  std::string Data = encodeSummaries({Original});
  auto Read = decodeSummaries(Data, "s.summary");
  REQUIRE(static_cast<bool>(Read));
  REQUIRE(Read->size() == 1);
  CHECK(encodeSummaries(*Read) == Data);

  // And it means the same: the link finds the same flow in both.
  auto Before = link({Original}, Policy::builtin()).Findings;
  auto After = link(*Read, Policy::builtin()).Findings;
  REQUIRE(Before.size() == 1);
  REQUIRE(After.size() == 1);
  CHECK(After[0].identity() == Before[0].identity());
  CHECK(After[0].Steps == Before[0].Steps);
}

TEST_CASE("a bad summary file is an error that says what is wrong",
          "[summaryfile]") {
  CHECK(errorOf("{\"format\": 1}") == "s.summary: not a pii-flow summary");
  CHECK(errorOf("") == "s.summary: not a pii-flow summary");

  std::string Good = encodeSummaries({extracted()});
  std::string OtherVersion = Good;
  std::string Version = " " + std::to_string(SummaryFormatVersion) + " ";
  OtherVersion.replace(Good.find(Version), Version.size(), " 1 ");
  CHECK(errorOf(OtherVersion) ==
        "s.summary: a pii-flow summary of format 1; this pii-flow reads "
        "format " +
            std::to_string(SummaryFormatVersion));
  for (size_t Kept : {Good.size() - 1, Good.size() / 2, Good.find('\n') + 1})
    CHECK(errorOf(Good.substr(0, Kept)) ==
          "s.summary: a truncated or corrupt pii-flow summary (checksum "
          "mismatch)");
  std::string Flipped = Good;
  Flipped[Good.size() / 2] ^= 0x20;
  CHECK_THAT(errorOf(Flipped), Catch::Contains("checksum mismatch"));
}

TEST_CASE("a sealed summary that does not hold together is refused",
          "[summaryfile]") {
  TranslationUnitSummary Unit = extracted();
  edit(Unit.Functions[1]).Edges[0].To.Kind = PortKind::CallArg;
  edit(Unit.Functions[1]).Edges[0].To.Index = 42;
  CHECK(errorOf(encodeSummaries({Unit})) ==
        "s.summary: not a valid pii-flow summary: function 1: edge refers to "
        "call site 42 of 2");

  Unit = extracted();
  edit(Unit.Functions[1]).Edges[0].From.Kind = static_cast<PortKind>(70);
  CHECK_THAT(errorOf(encodeSummaries({Unit})),
             Catch::Contains("function 1: unknown port kind 70"));

  Unit = extracted();
  edit(Unit.Functions[1]).Edges[0].To.Kind = PortKind::CallArg;
  edit(Unit.Functions[1]).Edges[0].To.Index = 0;
  edit(Unit.Functions[1]).Edges[0].To.Arg = 5;
  CHECK_THAT(errorOf(encodeSummaries({Unit})),
             Catch::Contains("function 1: edge refers to argument 5 of a call "
                             "with 1"));

  // The link looks edges up by the port they leave from.
  Unit = extracted();
  REQUIRE(edit(Unit.Functions[1]).Edges.size() >= 2);
  std::swap(edit(Unit.Functions[1]).Edges.front(),
            edit(Unit.Functions[1]).Edges.back());
  CHECK_THAT(errorOf(encodeSummaries({Unit})),
             Catch::Contains("function 1: edges out of canonical order"));
}

TEST_CASE("an archive reader stays safe on any bytes", "[summaryfile]") {
  ArchiveWriter Writer;
  Writer(std::vector<TranslationUnitSummary>{extracted()});
  std::string Good = Writer.finish();
  // Every truncation and every single-byte change either reads or fails;
  // none crashes or allocates without bound (run under ASan by the fuzzer).
  for (size_t Kept = 0; Kept < Good.size(); ++Kept) {
    ArchiveReader Reader(llvm::StringRef(Good).take_front(Kept));
    std::vector<TranslationUnitSummary> Units;
    Reader(Units);
    CHECK_FALSE(Reader.done());
  }
  for (size_t At = 0; At < Good.size(); ++At) {
    std::string Changed = Good;
    Changed[At] = static_cast<char>(0xff);
    ArchiveReader Reader(Changed);
    std::vector<TranslationUnitSummary> Units;
    Reader(Units);
  }
  ArchiveReader Reader(Good);
  std::vector<TranslationUnitSummary> Units;
  Reader(Units);
  CHECK(Reader.done());
}

TEST_CASE("a forged count or number in a sealed summary is refused",
          "[summaryfile]") {
  // More bytes than any number takes: LLVM's decoders would shift past 64
  // bits before they reached the last (found by fuzzing).
  for (std::string Overlong :
       {std::string(10, '\x80') + '\0', std::string(16, '\xff') + '\x01'})
    CHECK_THAT(errorOf(seal("summary", Overlong)),
               Catch::Contains("not a valid pii-flow summary"));
  // A count of a million units in a few bytes is refused as the bytes run
  // out, without allocating for the million first.
  ArchiveWriter Writer;
  Writer(uint64_t(1) << 20);
  CHECK_THAT(errorOf(seal("summary", Writer.finish())),
             Catch::Contains("not a valid pii-flow summary"));
}
