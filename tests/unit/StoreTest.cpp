#include "core/analysis/Store.h"
#include "TestAST.h"

#include <catch2/catch.hpp>

using namespace clang;
using pii::AccessPath;
using pii::Store;
using pii::TaintSet;
using pii::test::TestAST;

namespace {

struct Fixture {
  TestAST AST{R"cpp(
    struct Contact { int number; int kind; };
    struct User { Contact primary; Contact backup; };
    void f(User u, User v);
  )cpp"};
  const FunctionDecl &F = AST.get<FunctionDecl>("f");
  const ValueDecl *U = F.getParamDecl(0);
  const ValueDecl *V = F.getParamDecl(1);
  const FieldDecl *Primary = &AST.get<FieldDecl>("User::primary");
  const FieldDecl *Backup = &AST.get<FieldDecl>("User::backup");
  const FieldDecl *Number = &AST.get<FieldDecl>("Contact::number");

  AccessPath path(const ValueDecl *Root,
                  std::initializer_list<const FieldDecl *> Fields) {
    AccessPath P{Root, {}};
    for (const FieldDecl *Field : Fields)
      REQUIRE(P.extend(Field));
    return P;
  }
};

TaintSet labels(std::initializer_list<pii::LabelId> Ids) {
  TaintSet T;
  for (pii::LabelId Id : Ids)
    T.add(Id, /*Via=*/0);
  return T;
}

bool holds(const TaintSet &T, std::initializer_list<pii::LabelId> Ids) {
  return T.sameLabels(labels(Ids));
}

} // namespace

TEST_CASE_METHOD(Fixture, "reads see prefixes and extensions", "[store]") {
  Store S;
  S.add(path(U, {Primary, Number}), labels({1}));
  CHECK(holds(S.read(path(U, {Primary, Number})), {1}));
  CHECK(holds(S.read(path(U, {Primary})), {1}));        // a part is tainted
  CHECK(holds(S.read(path(U, {})), {1}));               // so is the whole
  CHECK(holds(S.read(path(U, {Backup, Number})), {}));  // a sibling is not
  CHECK(holds(S.read(path(V, {Primary, Number})), {})); // nor another root

  S.add(path(V, {}), labels({2}));
  CHECK(holds(S.read(path(V, {Backup, Number})), {2})); // whole object tainted
}

TEST_CASE_METHOD(Fixture, "strong updates replace what lies below", "[store]") {
  Store S;
  S.add(path(U, {Primary, Number}), labels({1}));
  S.add(path(U, {Backup}), labels({2}));
  S.assign(path(U, {Primary}), TaintSet());
  CHECK(holds(S.read(path(U, {Primary, Number})), {}));
  CHECK(holds(S.read(path(U, {})), {2}));
  S.assign(path(U, {}), labels({3}));
  CHECK(holds(S.read(path(U, {Backup})), {3}));
}

TEST_CASE_METHOD(Fixture, "weak updates and joins accumulate", "[store]") {
  Store A, B;
  A.add(path(U, {}), labels({1}));
  A.add(path(U, {}), labels({2}));
  B.add(path(U, {}), labels({3}));
  CHECK(A.join(B));
  CHECK_FALSE(A.join(B)); // nothing new the second time
  CHECK(holds(A.read(path(U, {})), {1, 2, 3}));
}

TEST_CASE_METHOD(Fixture, "paths stop growing at the limit", "[store]") {
  AccessPath P{U, {}};
  for (unsigned I = 0; I < AccessPath::MaxFields; ++I)
    CHECK(P.extend(Primary));
  CHECK_FALSE(P.extend(Number));
  CHECK(P.Fields.size() == AccessPath::MaxFields);
}
