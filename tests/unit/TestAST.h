//===- TestAST.h - In-memory translation units for unit tests --*- C++ -*-===//

#ifndef PII_TESTS_UNIT_TESTAST_H
#define PII_TESTS_UNIT_TESTAST_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Frontend/ASTUnit.h"

#include <memory>
#include <string>

namespace pii::test {

/// A C++17 translation unit parsed from \p Code with <pii/annotations.h> on
/// the include path; no standard library, so tests stay fast.
class TestAST {
public:
  explicit TestAST(const std::string &Code);

  clang::ASTContext &context() { return Unit->getASTContext(); }
  /// The only declaration named \p QualifiedName (e.g. "ads::Client::upload")
  /// of type T; fails the test if there is none.
  template <typename T> const T &get(const std::string &QualifiedName) {
    return *llvm::cast<T>(find(QualifiedName));
  }

private:
  const clang::NamedDecl *find(const std::string &QualifiedName);
  std::unique_ptr<clang::ASTUnit> Unit;
};

} // namespace pii::test

#endif // PII_TESTS_UNIT_TESTAST_H
