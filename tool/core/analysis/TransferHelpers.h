//===- TransferHelpers.h - Small facts Transfer's parts share ---*- C++ -*-===//
//
// Private to Transfer*.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_ANALYSIS_TRANSFERHELPERS_H
#define PII_CORE_ANALYSIS_TRANSFERHELPERS_H

#include "core/analysis/Store.h"
#include "core/analysis/Transfer.h"

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

/// Appends \p In to \p Out with \p Prefix before each part's path, cut at
/// the access-path limit: the parts of a field, or of what a field refers
/// to, as parts of the enclosing object.
inline void appendPrefixed(Parts &Out,
                           llvm::ArrayRef<const clang::FieldDecl *> Prefix,
                           Parts In) {
  for (auto &[Path, T] : In) {
    llvm::SmallVector<const clang::FieldDecl *, 2> Full(Prefix.begin(),
                                                        Prefix.end());
    Full.append(Path.begin(), Path.end());
    Full.truncate(std::min<size_t>(Full.size(), AccessPath::MaxFields));
    Out.push_back({std::move(Full), std::move(T)});
  }
}

} // namespace pii

#endif // PII_CORE_ANALYSIS_TRANSFERHELPERS_H
