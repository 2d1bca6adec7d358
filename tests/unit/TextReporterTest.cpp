#include "report/TextReporter.h"

#include <catch2/catch.hpp>

TEST_CASE("findings print in clang's format, notes source first", "[report]") {
  pii::Finding F;
  F.RuleId = "security-to-advertising";
  F.Purpose = "security";
  F.SourceName = "acct::User::phone";
  F.SinkName = "ads::upload";
  F.SinkKind = "advertising";
  F.Where = {"/src/sync.cpp", 21, 18};
  F.Steps.push_back(pii::FlowStep::at(pii::FlowStepKind::ReadSource,
                                      {"/src/sync.cpp", 19, 45},
                                      "acct::User::phone"));
  F.Steps[0].Purpose = "security";
  F.Steps.push_back(pii::FlowStep::at(pii::FlowStepKind::Assign,
                                      {"/src/sync.cpp", 20, 15}, "key"));
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  pii::printFindings(OS, {F});
  CHECK(Out == "/src/sync.cpp:21:18: error: value with purpose 'security' from "
               "'acct::User::phone' reaches advertising sink 'ads::upload' "
               "[security-to-advertising]\n"
               "/src/sync.cpp:19:45: note: 'acct::User::phone' (purpose "
               "'security') is read here\n"
               "/src/sync.cpp:20:15: note: flows into 'key'\n");
}
