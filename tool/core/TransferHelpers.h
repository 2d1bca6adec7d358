//===- TransferHelpers.h - Small facts Transfer's parts share ---*- C++ -*-===//
//
// Private to Transfer*.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_TRANSFERHELPERS_H
#define PII_CORE_TRANSFERHELPERS_H

#include "core/Store.h"

#include "clang/AST/Decl.h"

namespace pii {

inline const clang::ValueDecl *rootDecl(const PathList &Places) {
  return Places.size() == 1 ? Places.front().Root : nullptr;
}

inline bool isGlobal(const clang::ValueDecl *D) {
  const auto *V = llvm::dyn_cast_or_null<clang::VarDecl>(D);
  return V && !V->hasLocalStorage();
}

/// The compiler's own variables (a range-for's __range1 and __begin1): steps
/// through them say nothing the loop variable's step does not.
inline bool isImplicitVariable(const clang::NamedDecl *D) {
  return D && llvm::isa<clang::VarDecl>(D) && D->isImplicit();
}

/// The suffix of \p Longer below its prefix \p Prefix.
inline llvm::ArrayRef<const clang::FieldDecl *>
suffix(const AccessPath &Longer, const AccessPath &Prefix) {
  return llvm::ArrayRef(Longer.Fields).drop_front(Prefix.Fields.size());
}

} // namespace pii

#endif // PII_CORE_TRANSFERHELPERS_H
