#include "core/CallGraph.h"

#include <catch2/catch.hpp>

#include <utility>

using namespace pii;

namespace {

CallSite callTo(std::string Callee, bool Virtual = false) {
  CallSite C;
  C.Callees = {std::move(Callee)};
  C.Virtual = Virtual;
  return C;
}

FunctionSummary function(std::string Usr, std::vector<CallSite> Calls = {}) {
  FunctionSummary F;
  F.Name = Usr;
  F.Usr = std::move(Usr);
  F.Calls = std::move(Calls);
  return F;
}

std::vector<std::pair<int, int>> callersOf(const CallGraph &G, int Fn) {
  std::vector<std::pair<int, int>> Callers;
  G.forEachCaller(Fn, [&](int Caller, int Site) {
    Callers.push_back({Caller, Site});
  });
  std::sort(Callers.begin(), Callers.end());
  return Callers;
}

std::vector<const FunctionSummary *>
pointers(const std::vector<FunctionSummary> &Functions) {
  std::vector<const FunctionSummary *> Result;
  for (const FunctionSummary &F : Functions)
    Result.push_back(&F);
  return Result;
}

} // namespace

TEST_CASE("a virtual call reaches the method and every override",
          "[callgraph]") {
  std::vector<FunctionSummary> Fns = {
      function("base"), function("derived1"), function("derived2"),
      function("caller1", {callTo("base", true), callTo("opaque")}),
      function("caller2", {callTo("base", true), callTo("base")})};
  Fns[1].Overrides = {"base"};
  Fns[2].Overrides = {"base"};
  CallGraph G(pointers(Fns));

  CHECK(G.targets(3, 0) == std::vector<int>{0, 1, 2});
  CHECK(G.targets(4, 0) == std::vector<int>{0, 1, 2});
  CHECK(G.targets(3, 1).empty());
  // A non-virtual call of the same method reaches it alone.
  CHECK(G.targets(4, 1) == std::vector<int>{0});
  CHECK(callersOf(G, 0) ==
        std::vector<std::pair<int, int>>{{3, 0}, {4, 0}, {4, 1}});
  CHECK(callersOf(G, 2) == std::vector<std::pair<int, int>>{{3, 0}, {4, 0}});
}

TEST_CASE("a callback parameter calls what each caller passes, passed on",
          "[callgraph]") {
  CallSite Invoke;
  Invoke.CalleeParam = 0;
  CallSite Forward = callTo("apply");
  Forward.Args.emplace_back().ForwardedParam = 0;
  CallSite Pass = callTo("relay");
  Pass.Args.emplace_back().Functions = {FunctionRef{"lambda", "lambda", {}}};

  std::vector<FunctionSummary> Fns = {
      function("apply", {Invoke}), function("relay", {Forward}),
      function("main", {Pass}), function("lambda"),
      function("other", {callTo("apply")})};
  CallGraph G(pointers(Fns));

  CHECK(G.targets(0, 0) == std::vector<int>{3});
  CHECK(G.passed(0, 0).size() == 1);
  CHECK(callersOf(G, 3) == std::vector<std::pair<int, int>>{{0, 0}});
  // The callback's targets stay its own: a plain call of `apply` elsewhere
  // still reaches `apply` only.
  CHECK(G.targets(4, 0) == std::vector<int>{0});
  CHECK(G.targets(1, 0) == std::vector<int>{0});
}
