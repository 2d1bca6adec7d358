#include "core/analysis/TaintSet.h"

#include <catch2/catch.hpp>

using pii::TaintSet;

TEST_CASE("a join keeps the witness it already had", "[taint]") {
  TaintSet A, B;
  CHECK(A.add(7, /*Via=*/1));
  CHECK_FALSE(A.add(7, 2));
  B.add(7, 3);
  B.add(4, 5);
  CHECK(A.join(B));
  std::vector<TaintSet::Entry> Entries(A.begin(), A.end());
  CHECK(Entries == std::vector<TaintSet::Entry>{{4, 5}, {7, 1}});
}

TEST_CASE("labels compare without their witnesses", "[taint]") {
  TaintSet A, B;
  A.add(1, 10);
  B.add(1, 20);
  CHECK(A.sameLabels(B));
  B.add(2, 0);
  CHECK_FALSE(A.sameLabels(B));
}

TEST_CASE("through() extends every witness", "[taint]") {
  TaintSet A;
  A.add(1, 10);
  A.add(2, 20);
  TaintSet B = A.through([](pii::StepId S) { return S + 1; });
  std::vector<TaintSet::Entry> Entries(B.begin(), B.end());
  CHECK(Entries == std::vector<TaintSet::Entry>{{1, 11}, {2, 21}});
}
