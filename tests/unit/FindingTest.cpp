#include "core/model/Finding.h"

#include <catch2/catch.hpp>

using pii::Finding;

namespace {
Finding at(std::string File, unsigned Line, std::string Source) {
  Finding F;
  F.RuleId = "security-to-advertising";
  F.Purpose = "security";
  F.SourceName = std::move(Source);
  F.SinkName = "ads::upload";
  F.SinkKind = "advertising";
  F.Where = {std::move(File), Line, 3};
  return F;
}
} // namespace

TEST_CASE("findings sort by place and lose duplicates", "[finding]") {
  Finding First = at("b.cpp", 2, "x");
  First.Steps.push_back(
      pii::FlowStep::at(pii::FlowStepKind::Assign, {"b.cpp", 1, 1}, "first"));
  Finding Again = at("b.cpp", 2, "x");
  Again.Steps.push_back(
      pii::FlowStep::at(pii::FlowStepKind::Assign, {"b.cpp", 1, 1}, "second"));
  std::vector<Finding> All = {First, at("a.cpp", 9, "x"), Again,
                              at("b.cpp", 2, "y")};
  pii::sortAndUnique(All);
  REQUIRE(All.size() == 3);
  CHECK(All[0].Where.File == "a.cpp");
  CHECK(All[1].SourceName == "x");
  CHECK(All[1].Steps[0].Subject == "first"); // stable: first one kept
  CHECK(All[2].SourceName == "y");
}
