//===- TraceTest.cpp - The ropes of steps the link follows ----------------===//

#include "core/link/Trace.h"

#include <catch2/catch.hpp>

using namespace pii;

namespace {

FlowStep stepAt(unsigned Line, FlowStepKind Kind = FlowStepKind::CallReturns) {
  return FlowStep::at(Kind, {"a.cpp", Line, 1}, "f");
}

std::vector<unsigned> linesOf(Trace T) {
  std::vector<unsigned> Lines;
  for (const FlowStep &Step : flatten(T))
    Lines.push_back(Step.Where.Line);
  return Lines;
}

} // namespace

TEST_CASE("a trace reads what comes before, its steps, then what comes after",
          "[trace]") {
  TraceArena Arena;
  std::vector<FlowStep> Edge = {stepAt(2), stepAt(3)};
  Trace First = Arena.extend(Arena.extend(nullptr, stepAt(1)), Edge);
  Trace Second = Arena.extend(Arena.extend(nullptr, stepAt(4)), stepAt(5));
  CHECK(linesOf(Arena.concat(First, Second)) ==
        std::vector<unsigned>{1, 2, 3, 4, 5});
  CHECK(Arena.concat(First, nullptr) == First);
  CHECK(Arena.concat(nullptr, Second) == Second);
  // An edge with no steps adds no node.
  CHECK(Arena.extend(First, std::vector<FlowStep>()) == First);
}

TEST_CASE("a step the arena holds itself is held once", "[trace]") {
  TraceArena Arena;
  Trace A = Arena.extend(nullptr, stepAt(7));
  Trace B = Arena.extend(A, stepAt(7));
  Trace C = Arena.extend(nullptr, stepAt(7, FlowStepKind::CallResult));
  CHECK(A != B);
  CHECK(B->steps().data() == A->steps().data());
  CHECK(C->steps().data() != A->steps().data());
  // Neighbouring functions that say one step twice say it once.
  CHECK(linesOf(B) == std::vector<unsigned>{7});
}

TEST_CASE("relocating moves the arena's own steps, and keeps them apart",
          "[trace]") {
  TraceArena Arena;
  Trace Moved = Arena.extend(nullptr, stepAt(10));
  Trace Staying = Arena.extend(nullptr, stepAt(20));
  // Line 10 moves down to 20: both steps now say line 20, but each node
  // keeps its own.
  Arena.relocate(llvm::DenseMap<const FlowStep *, const FlowStep *>(),
                 [](SourceSpot &Place) {
                   if (Place.Line == 10)
                     Place.Line = 20;
                 });
  CHECK(linesOf(Moved) == std::vector<unsigned>{20});
  CHECK(linesOf(Staying) == std::vector<unsigned>{20});
  CHECK(Moved->steps().data() != Staying->steps().data());
  // A step made after is found among them.
  Trace Later = Arena.extend(nullptr, stepAt(20));
  CHECK((Later->steps().data() == Moved->steps().data() ||
         Later->steps().data() == Staying->steps().data()));
}
