//===- Store.h - Access paths and the labels stored at them -----*- C++ -*-===//
//
// Inside one function, storage is named by access paths: a variable (or the
// object `this` points to) followed by at most MaxFields field names, e.g.
// `u.profile.phone`. Longer paths are cut at the limit (k-limiting), which
// merges their suffixes: sound, finite, and rarely hit in real code.
//
// A read of a path sees what was stored at it, at any of its prefixes (the
// whole object was tainted) and at any extension (a part of it was).
//
// The store also knows, per path, what a pointer, reference or iterator held
// there refers to, flow-sensitively: `p = &a; p = &b;` leaves p pointing to b
// only. And it holds the labels of the exception in flight, for `catch`.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_ANALYSIS_STORE_H
#define PII_CORE_ANALYSIS_STORE_H

#include "core/analysis/TaintSet.h"
#include "core/model/Summary.h"

#include "llvm/ADT/SmallVector.h"

#include <map>

namespace clang {
class FieldDecl;
class ValueDecl;
} // namespace clang

namespace pii {

struct AccessPath {
  static constexpr unsigned MaxFields = MaxPathFields;

  /// The variable or parameter; nullptr names the object `this` points to.
  const clang::ValueDecl *Root = nullptr;
  llvm::SmallVector<const clang::FieldDecl *, 2> Fields;
  /// At the limit, the last field that a longer path named: the path stands
  /// for it, and a read still carries the purposes declared on it
  /// (`n->next->next->next->next->phone`). Not part of the path's identity.
  const clang::FieldDecl *Beyond = nullptr;

  /// Appends \p F; returns false (leaving the path as it is, but for
  /// Beyond) at the limit.
  bool extend(const clang::FieldDecl *F);
  bool isPrefixOf(const AccessPath &Other) const;

  friend bool operator<(const AccessPath &A, const AccessPath &B);
  friend bool operator==(const AccessPath &A, const AccessPath &B) {
    return A.Root == B.Root && A.Fields == B.Fields;
  }
};

using PathList = llvm::SmallVector<AccessPath, 1>;

class Store {
public:
  TaintSet read(const AccessPath &P) const;
  using FactVisitor =
      llvm::function_ref<void(const AccessPath &, const TaintSet &)>;
  /// Visits the entries at prefixes and extensions of \p P (what read(P)
  /// joins), so a caller can tell a part from the whole.
  void forEachOverlapping(const AccessPath &P, FactVisitor Visit) const;
  void forEachFact(FactVisitor Visit) const;
  /// Visits every entry to change what it holds (never to nothing: the
  /// entry stays).
  void forEachFactToChange(
      llvm::function_ref<void(const AccessPath &, TaintSet &)> Change);
  /// Strong update: \p P and everything below it now hold exactly \p T.
  void assign(const AccessPath &P, TaintSet T);
  /// Weak update: \p P may now also hold \p T.
  void add(const AccessPath &P, const TaintSet &T);
  /// Copies what is stored at and below \p From to the same places below
  /// \p To (a field-wise copy of an object). What enclosing objects of
  /// \p From hold is the caller's to copy, since it names a part of them.
  /// \p Step extends the path of every copied label.
  void copyObject(const AccessPath &From, const AccessPath &To,
                  llvm::function_ref<TaintSet(const TaintSet &)> Step);

  /// What the pointer, reference or iterator stored at \p P refers to; null
  /// when unknown.
  const PathList *targetsOf(const AccessPath &P) const;
  /// Visits the target entries at and below \p P.
  void forEachTargetBelow(
      const AccessPath &P,
      llvm::function_ref<void(const AccessPath &, const PathList &)> Visit)
      const;
  void setTargets(const AccessPath &P, const PathList &Targets);
  void addTargets(const AccessPath &P, const PathList &Targets);

  /// Drops everything stored in or below the variable \p Root, whose
  /// lifetime has ended.
  void forget(const clang::ValueDecl *Root);

  void addThrown(const TaintSet &T) { Thrown.join(T); }
  const TaintSet &thrown() const { return Thrown; }

  /// Joins \p Other into this store; returns true if anything was new.
  bool join(const Store &Other);

private:
  /// The entries whose root is \p Root, which the ordering keeps together.
  template <typename Fn> void forEachWithRoot(const AccessPath &P, Fn F) const;

  std::map<AccessPath, TaintSet> Facts;
  std::map<AccessPath, PathList> Targets;
  TaintSet Thrown;
};

} // namespace pii

#endif // PII_CORE_ANALYSIS_STORE_H
