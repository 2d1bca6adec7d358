//===- ReturnedReference.h - What a returned reference is -------*- C++ -*-===//
//
// A call to a function returning a reference is storage the caller may write
// through: `b.setName(x).setPhone(p)` (return *this), `r.key() = p` (return
// key_), `slot(v, 0) = p` (return v[i]), `instance().set(p)` (a static).
// When the callee's body is in the translation unit, this reads what its
// returns refer to, so the caller's writes land there.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_ANALYSIS_RETURNEDREFERENCE_H
#define PII_CORE_ANALYSIS_RETURNEDREFERENCE_H

#include "llvm/ADT/SmallVector.h"

#include <optional>

namespace clang {
class FieldDecl;
class FunctionDecl;
class VarDecl;
} // namespace clang

namespace pii {

struct Referent {
  enum KindT {
    Object,    ///< the object the function is called on
    Parameter, ///< what parameter Param refers (or points) to
    Static,    ///< a variable with static storage
  } Kind;
  unsigned Param = 0;
  const clang::VarDecl *Variable = nullptr;
  /// Fields below it.
  llvm::SmallVector<const clang::FieldDecl *, 2> Path;
};

/// What every return of \p F refers to, if \p F returns a reference, its
/// body is available, and all its returns agree.
std::optional<Referent> returnedReferent(const clang::FunctionDecl *F);

} // namespace pii

#endif // PII_CORE_ANALYSIS_RETURNEDREFERENCE_H
