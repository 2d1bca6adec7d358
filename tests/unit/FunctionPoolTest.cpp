//===- FunctionPoolTest.cpp - Each distinct summary held once -------------===//

#include "core/link/ProgramIndex.h"
#include "driver/FunctionPool.h"
#include "store/SummaryFile.h"

#include <catch2/catch.hpp>

using namespace pii;

namespace {

/// An inline function of a header as one unit summarizes it; \p Line
/// stands for whatever makes two units' summaries differ.
SharedFunction inlineFunction(unsigned Line) {
  FunctionSummary F;
  F.Usr = F.Name = "c:@F@normalize#";
  F.Where = {"util.h", Line, 1};
  return share(std::move(F));
}

TranslationUnitSummary unitWith(SharedFunction F) {
  TranslationUnitSummary U;
  U.Functions.push_back(std::move(F));
  return U;
}

/// A pool that counts the summaries decoded into it.
class CountingPool : public FunctionPool {
public:
  SharedFunction keep(uint64_t Digest, SharedFunction F) override {
    ++Decoded;
    return FunctionPool::keep(Digest, std::move(F));
  }
  unsigned Decoded = 0;
};

} // namespace

TEST_CASE("units share the summaries that are equal", "[functionpool]") {
  FunctionPool Pool;
  TranslationUnitSummary A = unitWith(inlineFunction(3));
  TranslationUnitSummary B = unitWith(inlineFunction(3));
  TranslationUnitSummary Other = unitWith(inlineFunction(4));
  const FunctionSummary *First = A.Functions[0].get();
  Pool.intern(A);
  Pool.intern(B);
  Pool.intern(Other);
  CHECK(A.Functions[0].get() == First);
  CHECK(B.Functions[0].get() == First);
  CHECK(Other.Functions[0].get() != First);
  CHECK(Pool.size() == 2);

  // The index meets a shared body once, and counts the one that differs.
  ProgramIndex Index;
  Index.add(A, 0);
  Index.add(B, 1);
  CHECK(Index.differingDefinitions() == 0);
  Index.add(Other, 2);
  CHECK(Index.differingDefinitions() == 1);
  CHECK(Index.definition("c:@F@normalize#") == First);
}

TEST_CASE("a summary no unit holds is forgotten", "[functionpool]") {
  FunctionPool Pool;
  auto Kept = std::make_unique<TranslationUnitSummary>(
      unitWith(inlineFunction(3)));
  auto Replaced = std::make_unique<TranslationUnitSummary>(
      unitWith(inlineFunction(4)));
  Pool.intern(*Kept);
  Pool.intern(*Replaced);
  Replaced.reset();
  Pool.prune();
  CHECK(Pool.size() == 1);
  // The one kept is still the one a unit reading it again shares.
  TranslationUnitSummary Again = unitWith(inlineFunction(3));
  Pool.intern(Again);
  CHECK(Again.Functions[0].get() == Kept->Functions[0].get());
}

TEST_CASE("a unit read through the pool decodes only the summaries it has not",
          "[functionpool]") {
  CountingPool Pool;
  TranslationUnitSummary Made = unitWith(inlineFunction(3));
  Made.Functions.push_back(inlineFunction(9));
  Pool.intern(Made);
  Pool.Decoded = 0;
  // Another unit's file, holding one of the two and one of its own.
  TranslationUnitSummary Other = unitWith(inlineFunction(3));
  Other.Functions.push_back(inlineFunction(4));
  auto Read = decodeSummaries(encodeSummaries({Other}), "b.summary", &Pool);
  REQUIRE(static_cast<bool>(Read));
  const std::vector<SharedFunction> &Functions = (*Read)[0].Functions;
  REQUIRE(Functions.size() == 2);
  CHECK(Functions[0].get() == Made.Functions[0].get());
  CHECK(Pool.Decoded == 1);
  CHECK(Functions[1]->Where.Line == 4);
  // Read again, it decodes nothing.
  auto Again = decodeSummaries(encodeSummaries({Other}), "b.summary", &Pool);
  REQUIRE(static_cast<bool>(Again));
  CHECK((*Again)[0].Functions[1].get() == Functions[1].get());
  CHECK(Pool.Decoded == 1);
  CHECK(Pool.size() == 3);
}
