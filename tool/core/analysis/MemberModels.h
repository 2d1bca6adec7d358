//===- MemberModels.h - Calls that build or read one member -----*- C++ -*-===//
//
// The propagation table can say that a function builds an object member by
// member from its arguments, or reads one member of its argument
// (Propagation::Members: std::make_pair, std::get). These functions find
// where such a model fits a call, and the members it names; Transfer keeps
// the members apart as it would for `p.first`.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_ANALYSIS_MEMBERMODELS_H
#define PII_CORE_ANALYSIS_MEMBERMODELS_H

#include "llvm/ADT/SmallVector.h"

#include <optional>

namespace clang {
class CallExpr;
class Expr;
class FieldDecl;
} // namespace clang

namespace pii {

class AnnotationIndex;

/// One member of an object built member-wise, and the expression it is
/// built from.
struct BuiltMember {
  const clang::FieldDecl *Field;
  const clang::Expr *From;
};

/// The members \p E builds, when it calls a function modelled as building
/// its result member-wise and the model fits: std::pair<A, B>{a, b},
/// std::pair(a, b), std::make_pair(a, b).
std::optional<llvm::SmallVector<BuiltMember, 2>>
membersBuilt(const clang::Expr *E, AnnotationIndex &Annotations);

/// One member of an object, read by a call.
struct ReadMember {
  const clang::Expr *Object;
  const clang::FieldDecl *Field;
};

/// The member \p C reads, when it calls a function modelled as reading one
/// and the model fits: std::get<1>(p) of a pair reads p.second.
std::optional<ReadMember> memberRead(const clang::CallExpr *C,
                                     AnnotationIndex &Annotations);

} // namespace pii

#endif // PII_CORE_ANALYSIS_MEMBERMODELS_H
