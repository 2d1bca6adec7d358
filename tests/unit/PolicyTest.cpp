#include "core/policy/Policy.h"

#include <catch2/catch.hpp>

using pii::Policy;

TEST_CASE("the built-in policy keeps security data from ads", "[policy]") {
  Policy P = Policy::builtin();
  REQUIRE(P.Rules.size() == 1);
  CHECK(P.Rules[0].Id == "security-to-advertising");
  CHECK(P.rulesBrokenBy("security", "advertising").size() == 1);
  CHECK(P.rulesBrokenBy("security", "marketing").size() == 1);
  CHECK(P.rulesBrokenBy("security", "security").empty());
  CHECK(P.rulesBrokenBy("marketing", "advertising").empty());
  CHECK(P.rulesBrokenBy("fraud", "advertising").empty());
}
