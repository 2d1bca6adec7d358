#include "core/link/Link.h"
#include "TestAST.h"
#include "core/analysis/Analyze.h"
#include "report/Messages.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace pii;

namespace {

Port port(PortKind Kind, int Index = 0, int Arg = 0, FieldPath Path = {}) {
  Port P;
  P.Kind = Kind;
  P.Index = Index;
  P.Arg = Arg;
  P.Path = std::move(Path);
  return P;
}

/// An edge with one step inside its function, named \p Step: an Assign
/// step, whose subject describe() prints as it is.
Edge edge(Port From, Port To, const std::string &Step, unsigned Line) {
  Edge E;
  E.From = std::move(From);
  E.To = std::move(To);
  E.Steps.push_back(
      FlowStep::at(FlowStepKind::Assign, {"f.cpp", Line, 1}, Step));
  return E;
}

CallSite call(std::vector<Symbol> Callees, unsigned Args,
              std::optional<Symbol> SinkKind = std::nullopt) {
  CallSite C;
  C.Callees = std::move(Callees);
  C.CalleeName = C.Callees.empty() ? Symbol("callback") : C.Callees.front();
  for (unsigned I = 0; I < Args; ++I) {
    CallArgument &Arg = C.Args.emplace_back();
    Arg.Where = {"f.cpp", 100 + I, 1};
    Arg.SinkKind = SinkKind;
  }
  return C;
}

FunctionSummary function(std::string Usr) {
  FunctionSummary F;
  F.Name = Usr;
  F.Usr = std::move(Usr);
  return F;
}

TranslationUnitSummary unit(std::vector<FunctionSummary> Functions) {
  TranslationUnitSummary U;
  U.Sources.push_back(
      {"security", "c:@S@User@FI@phone", "User::phone", {"user.h", 3, 5}});
  for (FunctionSummary &F : Functions)
    U.Functions.push_back(share(std::move(F)));
  // As extraction leaves every unit, and the link expects.
  canonicalize(U);
  return U;
}

std::vector<std::string> describe(const LinkResult &R) {
  std::vector<std::string> Lines;
  for (const Finding &F : R.Findings) {
    std::string Line = F.SinkName + "@" + std::to_string(F.Where.Line) + ":";
    // The steps the link adds, at calls, as the reporters say them.
    for (const FlowStep &S : F.Steps)
      Line +=
          " [" +
          (S.Kind == FlowStepKind::Assign ? S.Subject.str() : stepMessage(S)) +
          "]";
    Lines.push_back(Line);
  }
  return Lines;
}

const Port Source = port(PortKind::Source, 0);

} // namespace

TEST_CASE("a sink inside a callee is reached through its parameter", "[link]") {
  FunctionSummary Caller = function("caller");
  Caller.Calls.push_back(call({"share"}, 1));
  Caller.Edges.push_back(
      edge(Source, port(PortKind::CallArg, 0, 0), "read phone", 10));
  FunctionSummary Share = function("share");
  Share.Calls.push_back(call({"ads"}, 1, "advertising"));
  Share.Edges.push_back(edge(port(PortKind::Param, 0),
                             port(PortKind::CallArg, 0, 0), "into key", 20));
  LinkResult R = link({unit({Caller, Share})}, Policy::builtin());
  CHECK(describe(R) ==
        std::vector<std::string>{"ads@100: [read phone] [passed to 'share' as "
                                 "argument 1] [into key]"});
}

TEST_CASE("callee summaries keep callers apart", "[link]") {
  // identity(x) returns x; one caller passes the phone, the other a clean
  // parameter, and each sends the result to ads.
  FunctionSummary Identity = function("identity");
  Identity.Edges.push_back(
      edge(port(PortKind::Param, 0), port(PortKind::Return), "returned", 5));
  auto UseIdentity = [](std::string Usr, Port Input) {
    FunctionSummary F = function(std::move(Usr));
    F.Calls.push_back(call({"identity"}, 1));
    F.Calls.push_back(call({"ads"}, 1, "advertising"));
    F.Edges.push_back(edge(Input, port(PortKind::CallArg, 0, 0), "in", 30));
    F.Edges.push_back(edge(port(PortKind::CallResult, 0),
                           port(PortKind::CallArg, 1, 0), "out", 31));
    return F;
  };
  LinkResult R = link({unit({Identity, UseIdentity("leaks", Source),
                             UseIdentity("clean", port(PortKind::Param, 0))})},
                      Policy::builtin());
  REQUIRE(R.Findings.size() == 1);
  CHECK(R.Findings[0].Steps.front().Subject == "in");
}

TEST_CASE("field paths select what a callee returns", "[link]") {
  FunctionSummary GetName = function("getName");
  GetName.Edges.push_back(edge(port(PortKind::Param, 0, 0, {"name"}),
                               port(PortKind::Return), "return u.name", 5));
  FunctionSummary Caller = function("caller");
  Caller.Calls.push_back(call({"getName"}, 1));
  Caller.Calls.push_back(call({"ads"}, 1, "advertising"));
  // The phone is stored in the object's phone field only.
  Caller.Edges.push_back(
      edge(Source, port(PortKind::CallArg, 0, 0, {"phone"}), "u.phone", 10));
  Caller.Edges.push_back(edge(port(PortKind::CallResult, 0),
                              port(PortKind::CallArg, 1, 0), "out", 11));
  CHECK(link({unit({GetName, Caller})}, Policy::builtin()).Findings.empty());
}

TEST_CASE("recursion terminates and still finds the flow", "[link]") {
  FunctionSummary Walk = function("walk");
  Walk.Calls.push_back(call({"walk"}, 1));
  Walk.Calls.push_back(call({"ads"}, 1, "advertising"));
  Walk.Edges.push_back(edge(port(PortKind::Param, 0),
                            port(PortKind::CallArg, 0, 0), "recurse", 5));
  Walk.Edges.push_back(
      edge(port(PortKind::CallResult, 0), port(PortKind::Return), "return", 6));
  Walk.Edges.push_back(
      edge(port(PortKind::Param, 0), port(PortKind::Return), "base case", 7));
  FunctionSummary Caller = function("caller");
  Caller.Calls.push_back(call({"walk"}, 1));
  Caller.Calls.push_back(call({"ads"}, 1, "advertising"));
  Caller.Edges.push_back(edge(Source, port(PortKind::CallArg, 0, 0), "in", 10));
  Caller.Edges.push_back(edge(port(PortKind::CallResult, 0),
                              port(PortKind::CallArg, 1, 0), "out", 11));
  LinkResult R = link({unit({Walk, Caller})}, Policy::builtin());
  CHECK(R.Findings.size() == 1);
}

TEST_CASE("the result does not depend on the order of the units", "[link]") {
  FunctionSummary A = function("a");
  A.Calls.push_back(call({"b"}, 1));
  A.Edges.push_back(edge(Source, port(PortKind::CallArg, 0, 0), "in a", 1));
  FunctionSummary B = function("b");
  B.Calls.push_back(call({"ads"}, 1, "advertising"));
  B.Calls.push_back(call({"mail"}, 1, "marketing"));
  B.Edges.push_back(
      edge(port(PortKind::Param, 0), port(PortKind::CallArg, 0, 0), "b1", 2));
  B.Edges.push_back(
      edge(port(PortKind::Param, 0), port(PortKind::CallArg, 1, 0), "b2", 3));
  auto Forward = describe(link({unit({A}), unit({B})}, Policy::builtin()));
  auto Backward = describe(link({unit({B}), unit({A})}, Policy::builtin()));
  CHECK(Forward.size() == 2);
  CHECK(Forward == Backward);
}

TEST_CASE("a virtual call reaches every override", "[link]") {
  FunctionSummary Caller = function("caller");
  CallSite Virtual = call({"Base::send"}, 1);
  Virtual.Virtual = true;
  Caller.Calls.push_back(Virtual);
  Caller.Edges.push_back(edge(Source, port(PortKind::CallArg, 0, 0), "in", 1));
  FunctionSummary Leaky = function("Leaky::send");
  Leaky.Overrides.push_back("Base::send");
  Leaky.Calls.push_back(call({"ads"}, 1, "advertising"));
  Leaky.Edges.push_back(
      edge(port(PortKind::Param, 0), port(PortKind::CallArg, 0, 0), "out", 2));
  FunctionSummary Quiet = function("Quiet::send");
  Quiet.Overrides.push_back("Base::send");
  LinkResult R = link({unit({Caller, Leaky, Quiet})}, Policy::builtin());
  CHECK(R.Findings.size() == 1);
}

TEST_CASE("a callback parameter calls what callers pass", "[link]") {
  // each(cb, value) calls cb(value); the caller passes the advertising sink
  // ads, which has no body, and the phone.
  FunctionSummary Each = function("each");
  CallSite Callback = call({}, 1);
  Callback.CalleeParam = 0;
  Each.Calls.push_back(Callback);
  Each.Edges.push_back(edge(port(PortKind::Param, 1),
                            port(PortKind::CallArg, 0, 0), "cb(value)", 5));
  FunctionSummary Caller = function("caller");
  CallSite Pass = call({"each"}, 2);
  Pass.Args[0].Functions.push_back({"ads", "ads", {"advertising"}});
  Caller.Calls.push_back(Pass);
  Caller.Edges.push_back(edge(Source, port(PortKind::CallArg, 0, 1), "in", 1));
  LinkResult R = link({unit({Each, Caller})}, Policy::builtin());
  REQUIRE(R.Findings.size() == 1);
  CHECK(R.Findings[0].SinkName == "ads");
  CHECK(R.Findings[0].Where.Line == 100);
}

TEST_CASE("unresolved callbacks are reported as approximations", "[link]") {
  FunctionSummary Each = function("each");
  CallSite Callback = call({}, 1);
  Callback.CalleeParam = 0;
  Callback.Where = {"f.cpp", 7, 3};
  Each.Calls.push_back(Callback);
  LinkResult R = link({unit({Each})}, Policy::builtin());
  REQUIRE(R.Approximations.size() == 1);
  CHECK(R.Approximations[0].Kind == ApproximationKind::UnresolvedCallback);
  CHECK(R.Approximations[0].Where.Line == 7);
}

TEST_CASE("a link that reaches its budget keeps what it found and says so",
          "[link]") {
  std::string Chain = R"cpp(
    #include <pii/annotations.h>
    struct User { PII_PURPOSE("security") const char *phone; };
    PII_SINK("advertising") void upload(const char *key);
    void early(const User &u) { upload(u.phone); }
    const char *hop40(const User &u) { return u.phone; }
  )cpp";
  for (int I = 39; I >= 0; --I)
    Chain += "const char *hop" + std::to_string(I) +
             "(const User &u) { return hop" + std::to_string(I + 1) +
             "(u); }\n";
  Chain += "void late(const User &u) { upload(hop0(u)); }\n";
  test::TestAST AST(Chain);
  std::vector<TranslationUnitSummary> Units{
      summarizeTranslationUnit(AST.context(), Policy::builtin()).Summary};

  LinkResult Whole = link(Units, Policy::builtin());
  CHECK(Whole.Findings.size() == 2);
  CHECK_FALSE(Whole.Stats.BudgetExhausted);

  LinkOptions Tight;
  Tight.StepBudget = 20;
  LinkResult Cut = link(Units, Policy::builtin(), Tight);
  CHECK(Cut.Stats.BudgetExhausted);
  CHECK(Cut.Findings.size() < Whole.Findings.size());
  CHECK(std::any_of(
      Cut.Approximations.begin(), Cut.Approximations.end(),
      [](const Approximation &A) {
        return A.Kind == ApproximationKind::LinkBudget && A.Count == 20 &&
               approximationMessage(A).find("stopped at its budget of 20") !=
                   std::string::npos;
      }));
}

TEST_CASE("a running link says where it is", "[link]") {
  std::string Chain = R"cpp(
    #include <pii/annotations.h>
    struct User {
      PII_PURPOSE("security") const char *phone;
      PII_PURPOSE("security") const char *email;
    };
    PII_SINK("advertising") void upload(const char *key);
    const char *hop10(const char *s) { return s; }
  )cpp";
  for (int I = 9; I >= 0; --I)
    Chain += "const char *hop" + std::to_string(I) +
             "(const char *s) { return hop" + std::to_string(I + 1) +
             "(s); }\n";
  Chain += "void phone(const User &u) { upload(hop0(u.phone)); }\n"
           "void email(const User &u) { upload(hop0(u.email)); }\n";
  test::TestAST AST(Chain);
  std::vector<TranslationUnitSummary> Units{
      summarizeTranslationUnit(AST.context(), Policy::builtin()).Summary};

  std::vector<LinkProgress> Told;
  LinkOptions Watched;
  Watched.ProgressInterval = 1;
  Watched.Progress = [&](const LinkProgress &P) { Told.push_back(P); };
  LinkResult R = link(Units, Policy::builtin(), Watched);
  REQUIRE(R.Findings.size() == 2);
  REQUIRE(Told.size() == R.Stats.Steps);
  for (size_t I = 0; I < Told.size(); ++I) {
    CHECK(Told[I].Steps == I + 1);
    CHECK(Told[I].Sources == 2);
    CHECK(Told[I].SourcesDone < 2);
    CHECK(Told[I].Pending <= Told[I].Summaries);
  }
  CHECK(Told.front().SourcesDone == 0);
  CHECK(Told.back().SourcesDone == 1);
  CHECK(Told.back().Summaries == R.Stats.Summaries);
}
