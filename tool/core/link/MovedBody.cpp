//===- MovedBody.cpp ------------------------------------------------------===//

#include "core/link/MovedBody.h"
#include "core/model/StableDigest.h"
#include "core/model/SummaryFields.h"

#include <type_traits>

namespace pii {
namespace {

/// Walks a summary field by field, keeping its places and digesting all
/// else.
class PlacesAside {
public:
  template <typename... T> void operator()(const T &...Values) {
    (put(Values), ...);
  }

  std::vector<SourceSpot> Places;
  StableDigest Others;

private:
  void put(const SourceSpot &S) { Places.push_back(S); }
  /// An edge's steps are what a user reads of it, nothing the link
  /// follows; a body kept takes its new edges' steps along. So they may
  /// differ too: a name a macro made of the line it is on
  /// (`r_code##__LINE__`) moves with the body.
  void put(const Edge &E) {
    put(E.From);
    put(E.To);
    put(E.Steps.size());
  }
  void put(Symbol S) { Others.add(S); }
  template <typename T> void put(const std::vector<T> &V) {
    put(V.size());
    for (const T &Element : V)
      put(Element);
  }
  template <typename T> void put(const std::optional<T> &O) {
    put(O.has_value());
    if (O)
      put(*O);
  }
  template <typename T> void put(const T &Value) {
    if constexpr (std::is_enum_v<T> || std::is_integral_v<T>) {
      Others.add(static_cast<uint64_t>(Value));
    } else {
      // Walking only reads the value; one field list serves every walk.
      fields(*this, const_cast<T &>(Value));
    }
  }
};

} // namespace

BodyShape shapeOf(const FunctionSummary &F) {
  PlacesAside Walk;
  Walk(F);
  return {Walk.Others.finish(), std::move(Walk.Places)};
}

std::optional<PlaceMoves> placesMoved(const BodyShape &Old,
                                      const BodyShape &New) {
  // Equal values have their places at the same positions of the walk.
  if (Old.Digest != New.Digest || Old.Places.size() != New.Places.size())
    return std::nullopt;
  PlaceMoves Moves;
  for (size_t I = 0; I < Old.Places.size(); ++I)
    if (!(Old.Places[I] == New.Places[I]))
      Moves.emplace_back(Old.Places[I], New.Places[I]);
  return Moves;
}

} // namespace pii
