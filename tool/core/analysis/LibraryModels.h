//===- LibraryModels.h - Standard types modelled ----------------*- C++ -*-===//
//
// Most of the standard library is modelled by the opaque-call rule (inputs
// reach outputs). std::pair is modelled exactly, because code keeps a
// security value and a harmless one side by side in pairs (map entries,
// structured bindings), and merging them would report the harmless one.
// These functions only recognise the constructs; Transfer gives them
// meaning.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_ANALYSIS_LIBRARYMODELS_H
#define PII_CORE_ANALYSIS_LIBRARYMODELS_H

#include "clang/AST/Type.h"

#include <array>
#include <optional>

namespace clang {
class CallExpr;
class Expr;
class FieldDecl;
} // namespace clang

namespace pii {

/// The two element expressions of a pair being made from them:
/// std::pair<A, B>{a, b}, std::pair(a, b), std::make_pair(a, b).
std::optional<std::array<const clang::Expr *, 2>>
pairElements(const clang::Expr *E);

/// The field `first` (\p Index 0) or `second` (1) of std::pair type \p T.
const clang::FieldDecl *pairField(clang::QualType T, unsigned Index);

/// For std::get<I>(p) on a std::pair: the pair argument and I.
std::optional<std::pair<const clang::Expr *, unsigned>>
pairGet(const clang::CallExpr *C);

} // namespace pii

#endif // PII_CORE_ANALYSIS_LIBRARYMODELS_H
