//===- MovedBody.h - A body that an edit only moved -------------*- C++ -*-===//
//
// A line added above a function moves it without changing it: its summary
// is the old one with other places. The link keeps what it found for such a
// body (LinkMemo), with the places moved, rather than follow its flows
// again, and again for every function whose summary read its: an edit near
// the top of a program's central file would otherwise redo most of the
// link.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_LINK_MOVEDBODY_H
#define PII_CORE_LINK_MOVEDBODY_H

#include "core/model/Summary.h"

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace pii {

/// A body's values in two parts: its places, in the order of its fields,
/// and a digest of all else, the same in any process (a symbol by its
/// text), its edges' steps aside but for their number. Two bodies with
/// one digest differ at most in their places and the words of their steps.
struct BodyShape {
  uint64_t Digest = 0;
  std::vector<SourceSpot> Places;
};

BodyShape shapeOf(const FunctionSummary &F);

/// Places of a body, each paired with where the same thing is now.
using PlaceMoves = std::vector<std::pair<SourceSpot, SourceSpot>>;

/// If the body of shape \p New is the body of shape \p Old but for places,
/// Old's places that moved, each with where it is in New; else none.
std::optional<PlaceMoves> placesMoved(const BodyShape &Old,
                                      const BodyShape &New);

} // namespace pii

#endif // PII_CORE_LINK_MOVEDBODY_H
