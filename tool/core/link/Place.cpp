//===- Place.cpp ----------------------------------------------------------===//

#include "core/link/Place.h"
#include "core/link/ClassHierarchy.h"

#include <algorithm>

namespace pii {

Symbol PathTable::classOf(Symbol Field) {
  auto [It, New] = Classes.try_emplace(Field);
  if (New)
    It->second = ClassHierarchy::classOfField(Field).value_or(Symbol());
  return It->second;
}

void PathTable::cutCycles(FieldPath &Fields) {
  for (size_t Later = 1; Later < Fields.size(); ++Later) {
    Symbol Class = classOf(Fields[Later]);
    if (Class.empty())
      continue;
    for (size_t Earlier = 0; Earlier < Later; ++Earlier)
      if (classOf(Fields[Earlier]) == Class) {
        Fields.erase(Fields.begin() + Earlier, Fields.begin() + Later);
        Later = Earlier;
        break;
      }
  }
}

static bool isPrefix(const FieldPath &A, const FieldPath &B) {
  return A.size() <= B.size() && std::equal(A.begin(), A.end(), B.begin());
}

/// Where \p E takes a value that is at \p At: into \p To, the edge's
/// target with the rest of At's place below it when the edge moves an
/// enclosing object (and open if At is).
Followed follow(const Edge &E, PathRef At, FieldPath &To, bool &Open) {
  const FieldPath &Fields = *At;
  if (isPrefix(E.From.Path, Fields)) {
    To = E.To.Path;
    To.insert(To.end(), Fields.begin() + E.From.Path.size(), Fields.end());
    Open = At.open();
    return Followed::Moves;
  }
  if (!isPrefix(Fields, E.From.Path))
    return Followed::Elsewhere;
  if (At.open())
    return Followed::DependsOnRest;
  To = E.To.Path; // a part of the value moves
  Open = false;
  return Followed::Moves;
}

} // namespace pii
