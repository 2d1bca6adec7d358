#include "core/link/ClassHierarchy.h"

#include <catch2/catch.hpp>

#include <memory>

using namespace pii;

namespace {

ClassInfo derived(Symbol Usr, std::vector<Symbol> Bases) {
  return {Usr, std::move(Bases)};
}

} // namespace

TEST_CASE("an object may be of its class and of every base",
          "[link][classes]") {
  ClassHierarchy H;
  H.add(derived("c:@S@Phone", {"c:@S@Iter"}));
  H.add(derived("c:@S@Label", {"c:@S@Iter"}));
  H.add(derived("c:@S@Deep", {"c:@S@Phone"}));
  CHECK(H.mayBeBoth("c:@S@Phone", "c:@S@Phone"));
  CHECK(H.mayBeBoth("c:@S@Phone", "c:@S@Iter"));
  CHECK(H.mayBeBoth("c:@S@Iter", "c:@S@Phone"));
  CHECK(H.mayBeBoth("c:@S@Iter", "c:@S@Deep"));
  CHECK(H.mayBeBoth("c:@S@Deep", "c:@S@Iter"));
  // Siblings, and classes the program relates to nothing, are never one
  // object.
  CHECK_FALSE(H.mayBeBoth("c:@S@Phone", "c:@S@Label"));
  CHECK_FALSE(H.mayBeBoth("c:@S@Deep", "c:@S@Label"));
  CHECK_FALSE(H.mayBeBoth("c:@S@Other", "c:@S@Label"));
}

TEST_CASE("a class deriving from two makes them one object",
          "[link][classes]") {
  ClassHierarchy H;
  H.add(derived("c:@S@Tagged", {}));
  H.add(derived("c:@S@Label", {"c:@S@Iter"}));
  CHECK_FALSE(H.mayBeBoth("c:@S@Tagged", "c:@S@Label"));
  H.add(derived("c:@S@Both", {"c:@S@Tagged", "c:@S@Label"}));
  CHECK(H.mayBeBoth("c:@S@Tagged", "c:@S@Label"));
  CHECK(H.mayBeBoth("c:@S@Tagged", "c:@S@Iter"));
}

TEST_CASE("the digest of the classes changes with a base, not with order",
          "[link][classes]") {
  ClassHierarchy Ordered, Reversed;
  Ordered.add(derived("c:@S@Phone", {"c:@S@Iter"}));
  Ordered.add(derived("c:@S@Both", {"c:@S@Phone", "c:@S@Tagged"}));
  Reversed.add(derived("c:@S@Both", {"c:@S@Tagged", "c:@S@Phone"}));
  Reversed.add(derived("c:@S@Phone", {"c:@S@Iter"}));
  // A unit that holds a class again, and one with no bases, add nothing.
  Reversed.add(derived("c:@S@Phone", {"c:@S@Iter"}));
  Reversed.add(derived("c:@S@Lone", {}));
  CHECK(Ordered.digest() == Reversed.digest());
  uint64_t Before = Ordered.digest();
  Ordered.add(derived("c:@S@Lone", {"c:@S@Iter"}));
  CHECK(Ordered.digest() != Before);
  // A base named as another class's is another pair.
  ClassHierarchy Swapped;
  Swapped.add(derived("c:@S@Iter", {"c:@S@Phone"}));
  Swapped.add(derived("c:@S@Both", {"c:@S@Phone", "c:@S@Tagged"}));
  CHECK(Swapped.digest() != Before);
}

TEST_CASE("what a class may also be has a digest that changes with its "
          "relatives only",
          "[link][classes]") {
  auto Build = [](std::vector<ClassInfo> Classes) {
    auto H = std::make_unique<ClassHierarchy>();
    for (const ClassInfo &C : Classes)
      H->add(C);
    return H;
  };
  auto H = Build({derived("c:@S@Phone", {"c:@S@Iter"}),
                  derived("c:@S@Label", {"c:@S@Iter"})});
  uint64_t Phone = H->relatedDigest("c:@S@Phone");
  // The same classes in another order, with an unrelated one added.
  auto Other = Build({derived("c:@S@Label", {"c:@S@Iter"}),
                      derived("c:@S@Far", {"c:@S@Away"}),
                      derived("c:@S@Phone", {"c:@S@Iter"})});
  CHECK(Other->relatedDigest("c:@S@Phone") == Phone);
  // A class deriving from Phone and another makes Phone relate to it.
  Other->add(derived("c:@S@Both", {"c:@S@Phone", "c:@S@Far"}));
  CHECK(Other->relatedDigest("c:@S@Phone") != Phone);
  CHECK(Other->mayBeBoth("c:@S@Phone", "c:@S@Away"));
  // Label's relatives are as they were.
  CHECK(Other->relatedDigest("c:@S@Label") == H->relatedDigest("c:@S@Label"));
  // The classes asked about are those asked first.
  std::vector<Symbol> Asked;
  Other->forEachAsked([&](Symbol A) { Asked.push_back(A); });
  llvm::sort(Asked);
  CHECK(Asked == std::vector<Symbol>{"c:@S@Label", "c:@S@Phone"});
}

TEST_CASE("units that disagree on bases make no endless search",
          "[link][classes]") {
  ClassHierarchy H;
  H.add(derived("c:@S@A", {"c:@S@B"}));
  H.add(derived("c:@S@B", {"c:@S@A"}));
  CHECK(H.mayBeBoth("c:@S@A", "c:@S@B"));
  CHECK_FALSE(H.mayBeBoth("c:@S@A", "c:@S@C"));
}

TEST_CASE("a member's class is the prefix of its USR", "[link][classes]") {
  CHECK(ClassHierarchy::classOfField("c:@N@db@S@Iter@FI@key_") ==
        Symbol("c:@N@db@S@Iter"));
  CHECK(ClassHierarchy::classOfMethod("c:@N@db@S@Iter@F@Next#") ==
        Symbol("c:@N@db@S@Iter"));
  // A local class's members each begin with their own place: their class
  // is not read from them.
  CHECK_FALSE(ClassHierarchy::classOfField(
      "c:a.cc@120@N@db@S@Impl@F@run#@S@Local@FI@name"));
  CHECK_FALSE(ClassHierarchy::classOfMethod(
      "c:a.cc@200@N@db@S@Impl@F@run#@S@Local@F@Report#"));
  // A class in an unnamed namespace is named by its file, not its place.
  CHECK(ClassHierarchy::classOfField("c:a.cc@N@db@aN@S@Iter@FI@key_") ==
        Symbol("c:a.cc@N@db@aN@S@Iter"));
  CHECK_FALSE(ClassHierarchy::classOfField("pii:unnamed@a.cpp:3:5#1"));
}
