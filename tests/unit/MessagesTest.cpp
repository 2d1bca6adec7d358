//===- MessagesTest.cpp - The words of findings and steps -----------------===//

#include "report/Messages.h"

#include <catch2/catch.hpp>

using namespace pii;

TEST_CASE("the message names purpose, source and sink", "[messages]") {
  Finding F;
  F.Purpose = "security";
  F.SourceName = "acct::User::phone";
  F.SinkName = "ads::upload";
  F.SinkKind = "advertising";
  CHECK(findingMessage(F) ==
        "value with purpose 'security' from 'acct::User::phone' reaches "
        "advertising sink 'ads::upload'");
}

TEST_CASE("each kind of step has its words", "[messages]") {
  auto Say = [](FlowStepKind Kind, Symbol Subject, Symbol Detail = {},
                unsigned Arg = 0) {
    FlowStep S = FlowStep::at(Kind, {"a.cpp", 1, 1}, Subject, Arg);
    S.Detail = Detail;
    S.Purpose = "security";
    return stepMessage(S);
  };
  CHECK(Say(FlowStepKind::ReadSource, "User::phone") ==
        "'User::phone' (purpose 'security') is read here");
  CHECK(Say(FlowStepKind::DeclaredSource, "pin") ==
        "'pin' is declared with purpose 'security'");
  CHECK(Say(FlowStepKind::ReturnSource, "otp") ==
        "'otp' returns a value with purpose 'security'");
  CHECK(Say(FlowStepKind::ContainedField, "User::phone") ==
        "the object passed here contains 'User::phone' (purpose 'security')");
  CHECK(Say(FlowStepKind::ReadGlobal, "g") == "'g' is read here");
  CHECK(Say(FlowStepKind::Returned, "normalize") == "returned by 'normalize'");
  CHECK(Say(FlowStepKind::Assign, "digits") == "flows into 'digits'");
  CHECK(Say(FlowStepKind::Assign, "u", "phone") == "flows into 'u.phone'");
  // No subject is the object a member function works on.
  CHECK(Say(FlowStepKind::Assign, {}, "phone") == "flows into 'phone'");
  CHECK(Say(FlowStepKind::Assign, {}) == "flows into 'this'");
  CHECK(Say(FlowStepKind::CallResult, "trim") ==
        "flows through a call to 'trim'");
  CHECK(Say(FlowStepKind::CallOutput, "copy", "out") ==
        "flows into 'out' through a call to 'copy'");
  CHECK(Say(FlowStepKind::CallOutput, "copy") ==
        "flows into an output of 'copy'");
  CHECK(Say(FlowStepKind::PassedAsArgument, "share", {}, 1) ==
        "passed to 'share' as argument 2");
  CHECK(Say(FlowStepKind::CalledOn, "Audience::add") ==
        "'Audience::add' is called on it");
  CHECK(Say(FlowStepKind::CallReturns, "lookup") ==
        "the call to 'lookup' returns it");
}

TEST_CASE("approximations are named and said as --stats shows them",
          "[messages]") {
  CHECK(approximationName(ApproximationKind::IndirectCall) == "indirect-call");
  CHECK(approximationName(ApproximationKind::UnresolvedCallback) ==
        "indirect-call");
  CHECK(approximationName(ApproximationKind::NoCfg) == "no-cfg");
  CHECK(approximationName(ApproximationKind::LinkBudget) == "budget");
  CHECK(
      approximationMessage({ApproximationKind::UnmodelledCall, {}, "crc32"}) ==
      "'crc32' has no body in the program; a value with a purpose passed to "
      "it is assumed to reach its result and outputs");
  CHECK(approximationMessage(
            {ApproximationKind::LinkBudget, {}, "User::phone", 250}) ==
        "the link stopped at its budget of 250 steps while following the "
        "flows of 'User::phone'; flows from it and from the sources after it "
        "may be missing");
  CHECK(approximationMessage({ApproximationKind::Budget, {}, "parse"}) ==
        "the analysis of 'parse' stopped early");
}
