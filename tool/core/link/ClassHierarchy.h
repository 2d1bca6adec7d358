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

#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <cstdint>
#include <optional>
#include <vector>

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
  /// A digest of the classes an object that is an \p A may also be, the
  /// same in every process: where it is unchanged, mayBeBoth answers every
  /// question about \p A as before.
  uint64_t relatedDigest(Symbol A) const;
  /// Calls \p Visit(A) for each class mayBeBoth has been asked about as
  /// its first, so far.
  template <typename VisitFn> void forEachAsked(VisitFn Visit) const {
    for (const auto &[A, Classes] : Related)
      Visit(A);
  }

  /// The class whose member \p Field (a field's USR) is, if its USR says.
  static std::optional<Symbol> classOfField(Symbol Field);
  /// The class whose member \p Method (a function's USR) is, if its USR
  /// says.
  static std::optional<Symbol> classOfMethod(Symbol Method);

private:
  /// The number of \p Class among the classes with bases or derived ones.
  std::optional<unsigned> idOf(Symbol Class) const;
  /// The classes (by number) an object that is an \p A may also be: the
  /// bases of every class derived from it, at any depth, itself included.
  const llvm::BitVector &related(Symbol A) const;

  llvm::DenseMap<Symbol, llvm::SmallVector<Symbol, 2>> Bases;
  llvm::DenseMap<Symbol, llvm::SmallVector<Symbol, 2>> Derived;
  /// Every class with bases or derived ones, numbered.
  llvm::DenseMap<Symbol, unsigned> Ids;
  std::vector<Symbol> Classes;
  /// By the class asked about. On tdlib, millions of questions are asked
  /// of a few thousand classes: a set of bits each holds the answers to
  /// all of them in a fraction of the table of pairs it replaced.
  mutable llvm::DenseMap<Symbol, llvm::BitVector> Related;
  /// The sum of a hash of each (class, direct base) pair.
  uint64_t Digest = 0;
};

} // namespace pii

#endif // PII_CORE_LINK_CLASSHIERARCHY_H
