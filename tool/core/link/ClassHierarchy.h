//===- ClassHierarchy.h - Which classes derive from which -------*- C++ -*-===//
//
// A virtual call reaches every override of its callee in the program, but a
// value held in a field of one class can only reach the overrides of a class
// the same object may also be: one that derives from the field's class, is
// one of its bases, or shares a class derived from both. Without this, a
// value in a field of one iterator follows every sibling iterator's methods,
// which neither the program nor its readers would call possible.
//
// Classes are known by USR, as the units' summaries list them; the class of
// a field or a method is the prefix of its USR that names its parent. A
// member of a class local to a function has a USR that begins with its own
// place, so its class is not known, and its calls are not told apart.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_LINK_CLASSHIERARCHY_H
#define PII_CORE_LINK_CLASSHIERARCHY_H

#include "core/model/Summary.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <optional>

namespace pii {

class ClassHierarchy {
public:
  /// Adds \p Class and its bases; a class several units define is added
  /// once for each, to the same effect.
  void add(const ClassInfo &Class);

  /// Whether one object of the program may be both a \p A and a \p B.
  bool mayBeBoth(Symbol A, Symbol B) const;
  /// A digest of which class derives directly from which, the same in
  /// every process for the same classes, whatever order they came in:
  /// where it is unchanged, mayBeBoth answers every question as before.
  uint64_t digest() const { return Digest; }
  /// Calls \p Visit(A, B, MayBeBoth) for each question mayBeBoth has
  /// answered (and kept) so far.
  template <typename VisitFn> void forEachAnswer(VisitFn Visit) const {
    for (const auto &[Asked, Answer] : Answers)
      Visit(Asked.first, Asked.second, Answer);
  }

  /// The class whose member \p Field (a field's USR) is, if its USR says.
  static std::optional<Symbol> classOfField(Symbol Field);
  /// The class whose member \p Method (a function's USR) is, if its USR
  /// says.
  static std::optional<Symbol> classOfMethod(Symbol Method);

private:
  /// Whether \p Base is \p Class or one of its bases, at any depth.
  bool derivesFrom(Symbol Class, Symbol Base) const;

  llvm::DenseMap<Symbol, llvm::SmallVector<Symbol, 2>> Bases;
  llvm::DenseMap<Symbol, llvm::SmallVector<Symbol, 2>> Derived;
  mutable llvm::DenseMap<std::pair<Symbol, Symbol>, bool> Answers;
  /// The sum of a hash of each (class, direct base) pair.
  uint64_t Digest = 0;
};

} // namespace pii

#endif // PII_CORE_LINK_CLASSHIERARCHY_H
