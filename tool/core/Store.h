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
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_STORE_H
#define PII_CORE_STORE_H

#include "core/TaintSet.h"

#include "llvm/ADT/SmallVector.h"

#include <map>

namespace clang {
class FieldDecl;
class ValueDecl;
} // namespace clang

namespace pii {

struct AccessPath {
  static constexpr unsigned MaxFields = 4;

  /// The variable or parameter; nullptr names the object `this` points to.
  const clang::ValueDecl *Root = nullptr;
  llvm::SmallVector<const clang::FieldDecl *, 2> Fields;

  /// Appends \p F; returns false (leaving the path as it is) at the limit.
  bool extend(const clang::FieldDecl *F);
  bool isPrefixOf(const AccessPath &Other) const;

  friend bool operator<(const AccessPath &A, const AccessPath &B);
  friend bool operator==(const AccessPath &A, const AccessPath &B) {
    return A.Root == B.Root && A.Fields == B.Fields;
  }
};

class Store {
public:
  TaintSet read(const AccessPath &P) const;
  /// Strong update: \p P and everything below it now hold exactly \p T.
  void assign(const AccessPath &P, TaintSet T);
  /// Weak update: \p P may now also hold \p T.
  void add(const AccessPath &P, const TaintSet &T);

  /// Joins \p Other into this store; returns true if any label was new.
  bool join(const Store &Other);

private:
  /// The entries whose root is \p Root, which the ordering keeps together.
  template <typename Fn> void forEachWithRoot(const AccessPath &P, Fn F) const;

  std::map<AccessPath, TaintSet> Facts;
};

} // namespace pii

#endif // PII_CORE_STORE_H
