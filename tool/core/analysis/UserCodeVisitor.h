//===- UserCodeVisitor.h - A walk of the user's declarations ----*- C++ -*-===//
//
// Nothing declared in a system header is analyzed or checked: the standard
// library is most of a translation unit, and with a preamble most of it is
// in the PCH, read only as far as it is walked. A walk of the whole AST
// skips those declarations without entering them. Code of the user's inside
// them has locations of its own: a specialization written in user code, an
// instantiation of a user template (walked from the template); and a
// declaration a system header's macro makes in user code is where it is
// expanded.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_ANALYSIS_USERCODEVISITOR_H
#define PII_CORE_ANALYSIS_USERCODEVISITOR_H

#include "clang/AST/Decl.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

namespace pii {

template <typename Derived>
class UserCodeVisitor : public clang::RecursiveASTVisitor<Derived> {
public:
  explicit UserCodeVisitor(const clang::SourceManager &SM) : SM(SM) {}

  bool TraverseDecl(clang::Decl *D) {
    if (D && !llvm::isa<clang::TranslationUnitDecl>(D) &&
        SM.isInSystemHeader(D->getLocation()))
      return true;
    return clang::RecursiveASTVisitor<Derived>::TraverseDecl(D);
  }

protected:
  const clang::SourceManager &SM;
};

} // namespace pii

#endif // PII_CORE_ANALYSIS_USERCODEVISITOR_H
