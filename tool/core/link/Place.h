//===- Place.h - Where a value is below a port ------------------*- C++ -*-===//
//
// The link follows a value through a function's edges by its place: the
// port it is at (Summary.h), and the field path below it. Places are
// interned, so that the facts holding them copy, compare and hash as
// pointers. An edge that moves an enclosing object carries the rest of the
// value's path below its target.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_LINK_PLACE_H
#define PII_CORE_LINK_PLACE_H

#include "core/model/Summary.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/Hashing.h"

#include <tuple>
#include <unordered_set>

namespace pii {

/// Where a value is below a port: its fields, from outer to inner, and
/// whether the place is *open*: it goes on with fields that a summary
/// leaves to whoever asked for it. A summary asked for a value at
/// `this->db_`, open, holds for every value below `db_` the function never
/// looks into: a method called on an object is summarized once per field
/// it is told apart by, not once per field path a caller holds a value at.
struct Place {
  FieldPath Fields;
  bool Open = false;

  friend bool operator==(const Place &A, const Place &B) {
    return A.Open == B.Open && A.Fields == B.Fields;
  }
};

/// A place, interned by a PathTable: equal places are one pointer, so
/// facts are copied, compared for equality and hashed without their paths'
/// elements; only the order reads them.
class PathRef {
public:
  PathRef() : P(&closedEmpty()) {}
  const FieldPath &operator*() const { return P->Fields; }
  bool open() const { return P->Open; }
  /// The place's identity, for a key: equal places, equal identities.
  const void *identity() const { return P; }
  friend bool operator==(PathRef A, PathRef B) { return A.P == B.P; }
  friend bool operator<(PathRef A, PathRef B) {
    return A.P != B.P &&
           std::tie(A.P->Fields, A.P->Open) < std::tie(B.P->Fields, B.P->Open);
  }
  friend llvm::hash_code hash_value(PathRef R) {
    return llvm::hash_value(static_cast<const void *>(R.P));
  }

private:
  friend class PathTable;
  explicit PathRef(const Place *P) : P(P) {}
  static const Place &closedEmpty() {
    static const Place Empty;
    return Empty;
  }
  const Place *P;
};

struct PlaceHash {
  size_t operator()(const Place &P) const {
    return llvm::hash_combine(
        llvm::hash_combine_range(P.Fields.begin(), P.Fields.end()), P.Open);
  }
};

class PathTable {
public:
  /// \p Fields, open or not, cut to MaxPathFields. A place at the limit is
  /// closed: whatever went on below it is cut off.
  PathRef intern(FieldPath Fields, bool Open = false) {
    cutCycles(Fields);
    if (Fields.size() >= MaxPathFields) {
      Fields.resize(MaxPathFields);
      Open = false;
    }
    if (Fields.empty() && !Open)
      return PathRef();
    return PathRef(&*Places.insert(Place{std::move(Fields), Open}).first);
  }

  /// The class \p Field is a member of, or an empty symbol where its USR
  /// does not say (ClassHierarchy::classOfField); each USR is read once.
  Symbol classOf(Symbol Field);

private:
  /// Where a path passes through an object of a class and then names a
  /// field of that class again, the object contains itself (the next node
  /// of a list, a manager's pointer back at the object that owns it): the
  /// fields between are cut, as the value is in the object itself.
  /// Otherwise every way around the cycle would be a place of its own,
  /// their number growing with the fields of the object to the power of
  /// MaxPathFields.
  void cutCycles(FieldPath &Fields);

  /// Node-based: an element stays in place as others are added.
  std::unordered_set<Place, PlaceHash> Places;
  llvm::DenseMap<Symbol, Symbol> Classes;
};

/// What an edge does with a value at a place.
enum class Followed {
  /// The edge moves the value, or an object enclosing it.
  Moves,
  /// The edge moves another part of the object.
  Elsewhere,
  /// The edge moves a part below an open place: whether the value is in
  /// it depends on the fields the place leaves to the caller.
  DependsOnRest,
};

/// Where \p E takes a value that is at \p At: into \p To, the edge's
/// target with the rest of At's place below it when the edge moves an
/// enclosing object (and open if At is).
Followed follow(const Edge &E, PathRef At, FieldPath &To, bool &Open);

} // namespace pii

#endif // PII_CORE_LINK_PLACE_H
