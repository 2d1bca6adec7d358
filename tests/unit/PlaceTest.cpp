//===- PlaceTest.cpp - Field paths as the link keeps them -----------------===//

#include "core/link/Place.h"

#include <catch2/catch.hpp>

using namespace pii;

namespace {

const Symbol Auth = "c:@S@Service@FI@auth_";
const Symbol Phone = "c:@S@AuthManager@FI@phone_";
const Symbol Manager0 = "c:@S@Service@FI@m0_";
const Symbol Manager1 = "c:@S@Service@FI@m1_";
const Symbol Next = "c:@S@Node@FI@next";
const Symbol Value = "c:@S@Node@FI@value";

} // namespace

TEST_CASE("a place that goes around an object back into it is the object's",
          "[place]") {
  PathTable Paths;
  // The Service's managers point back at it: the phone reached through
  // them is the Service's own.
  CHECK(*Paths.intern({Manager1, Manager0, Auth, Phone}) ==
        FieldPath{Auth, Phone});
  CHECK(*Paths.intern({Manager0, Auth, Phone}) == FieldPath{Auth, Phone});
  CHECK(Paths.intern({Manager1, Auth, Phone}, /*Open=*/true) ==
        Paths.intern({Auth, Phone}, /*Open=*/true));
  // A list's later node stands for the list.
  CHECK(*Paths.intern({Next, Next, Value}) == FieldPath{Value});
  // Paths through other classes are kept whole.
  CHECK(*Paths.intern({Auth, Phone}) == FieldPath{Auth, Phone});
  // A field USR that names no class is kept.
  CHECK(*Paths.intern({"pii:unnamed@a.h:1:2@Field#0", Auth}) ==
        FieldPath{"pii:unnamed@a.h:1:2@Field#0", Auth});
}
