#include "TestAST.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Tooling/Tooling.h"

#include <catch2/catch.hpp>

namespace pii::test {
namespace {

struct Finder : clang::RecursiveASTVisitor<Finder> {
  std::string Wanted;
  const clang::NamedDecl *Found = nullptr;
  bool VisitNamedDecl(clang::NamedDecl *D) {
    if (!Found && D->getQualifiedNameAsString() == Wanted)
      Found = D;
    return true;
  }
};

} // namespace

TestAST::TestAST(const std::string &Code)
    : Unit(clang::tooling::buildASTFromCodeWithArgs(
          Code, {"-std=c++17", "-I" PII_ANNOTATIONS_DIR}, "input.cpp")) {
  REQUIRE(Unit);
  REQUIRE_FALSE(Unit->getDiagnostics().hasErrorOccurred());
}

const clang::NamedDecl *TestAST::find(const std::string &QualifiedName) {
  Finder F;
  F.Wanted = QualifiedName;
  F.TraverseAST(context());
  INFO("declaration " << QualifiedName);
  REQUIRE(F.Found);
  return F.Found;
}

} // namespace pii::test
