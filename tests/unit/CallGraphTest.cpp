#include "core/link/CallGraph.h"

#include "llvm/ADT/STLExtras.h"

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

TranslationUnitSummary unit(std::vector<FunctionSummary> Functions) {
  TranslationUnitSummary U;
  for (FunctionSummary &F : Functions)
    U.Functions.push_back(share(std::move(F)));
  return U;
}

/// A call graph over units, asked by function name and answering in names.
class Graph {
public:
  explicit Graph(std::vector<TranslationUnitSummary> Program)
      : Units(std::move(Program)) {
    for (size_t U = 0; U < Units.size(); ++U)
      Index.add(Units[U], U);
    G.emplace(Index);
  }

  int id(const std::string &Usr) { return G->idOf(*Index.definition(Usr)); }

  std::vector<std::string> targets(const std::string &Caller, int Site) {
    std::vector<std::string> Names;
    for (int Target : G->targets(id(Caller), Site))
      Names.push_back(G->summary(Target).Usr);
    // In an order of their own: only the set is the program's.
    llvm::sort(Names);
    return Names;
  }

  std::vector<std::pair<std::string, int>> callers(const std::string &Fn) {
    std::vector<std::pair<std::string, int>> Callers;
    G->forEachCaller(id(Fn), [&](int Caller, int Site) {
      Callers.push_back({G->summary(Caller).Usr, Site});
    });
    return Callers;
  }

  std::vector<TranslationUnitSummary> Units;
  ProgramIndex Index;
  std::optional<CallGraph> G;
};

using Sites = std::vector<std::pair<std::string, int>>;
using Names = std::vector<std::string>;

} // namespace

TEST_CASE("a virtual call reaches the method and every override",
          "[callgraph]") {
  std::vector<FunctionSummary> Fns = {
      function("base"), function("derived1"), function("derived2"),
      function("caller1", {callTo("base", true), callTo("opaque")}),
      function("caller2", {callTo("base", true), callTo("base")})};
  Fns[1].Overrides = {"base"};
  Fns[2].Overrides = {"base"};
  Graph G({unit(Fns)});

  CHECK(G.targets("caller1", 0) == Names{"base", "derived1", "derived2"});
  CHECK(G.targets("caller2", 0) == Names{"base", "derived1", "derived2"});
  CHECK(G.targets("caller1", 1).empty());
  // A non-virtual call of the same method reaches it alone.
  CHECK(G.targets("caller2", 1) == Names{"base"});
  CHECK(G.callers("base") ==
        Sites{{"caller1", 0}, {"caller2", 0}, {"caller2", 1}});
  CHECK(G.callers("derived2") == Sites{{"caller1", 0}, {"caller2", 0}});
  CHECK(G.G->opaqueSites() == 1);
}

TEST_CASE("a callback parameter calls what each caller passes, passed on",
          "[callgraph]") {
  CallSite Invoke;
  Invoke.CalleeParam = 0;
  CallSite Forward = callTo("apply");
  Forward.Args.emplace_back().ForwardedParam = 0;
  CallSite Pass = callTo("relay");
  Pass.Args.emplace_back().Functions = {FunctionRef{"lambda", "lambda", {}}};

  Graph G({unit({function("apply", {Invoke}), function("relay", {Forward}),
                 function("main", {Pass}), function("lambda"),
                 function("other", {callTo("apply")})})});

  CHECK(G.targets("apply", 0) == Names{"lambda"});
  CHECK(G.G->passed(G.id("apply"), 0).size() == 1);
  CHECK(G.callers("lambda") == Sites{{"apply", 0}});
  // The callback's targets stay its own: a plain call of `apply` elsewhere
  // still reaches `apply` only.
  CHECK(G.targets("other", 0) == Names{"apply"});
  CHECK(G.targets("relay", 0) == Names{"apply"});
}

TEST_CASE("a function defined in several units is the first unit's",
          "[callgraph]") {
  // An inline function of a header: each unit has a body, and a call from
  // the second unit's copy is not a second caller.
  Graph G({unit({function("inline", {callTo("helper")}), function("helper")}),
           unit({function("inline", {callTo("helper")}), function("main")})});
  const std::vector<TranslationUnitSummary> &Units = G.Units;
  CHECK(G.Index.definition("inline") == Units[0].Functions[0].get());
  CHECK(G.callers("helper") == Sites{{"inline", 0}});

  // Added in the other order, with the same ranks: the same body.
  ProgramIndex Reversed;
  Reversed.add(Units[1], 1);
  Reversed.add(Units[0], 0);
  CHECK(Reversed.definition("inline") == Units[0].Functions[0].get());
}

TEST_CASE("functions are numbered by content, not by the order of units",
          "[callgraph]") {
  std::vector<TranslationUnitSummary> Units = {
      unit({function("zeta", {callTo("alpha"), callTo("mid")})}),
      unit({function("mid"), function("alpha")})};
  Graph Forward(Units);
  ProgramIndex Index;
  Index.add(Units[1], 1);
  Index.add(Units[0], 0);
  CallGraph Backward(Index);

  int ForwardZeta = Forward.id("zeta");
  int BackwardZeta = Backward.idOf(*Index.definition("zeta"));
  CHECK(ForwardZeta == BackwardZeta);
  for (int Site : {1, 0})
    CHECK(Forward.G->targets(ForwardZeta, Site) ==
          Backward.targets(BackwardZeta, Site));
  CHECK(Forward.G->summary(Forward.G->targets(ForwardZeta, 1).front()).Usr ==
        Symbol("mid"));
}
