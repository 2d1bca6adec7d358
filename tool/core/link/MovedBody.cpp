//===- MovedBody.cpp ------------------------------------------------------===//

#include "core/link/MovedBody.h"
#include "core/model/SummaryFields.h"

#include <cstdint>
#include <type_traits>

namespace pii {
namespace {

/// A summary's values in two lists, walked field by field: its places, and
/// all else as numbers (a symbol by its identity), so that two summaries
/// are the same but for places when the second lists are equal.
class PlacesAside {
public:
  template <typename... T> void operator()(const T &...Values) {
    (put(Values), ...);
  }

  std::vector<SourceSpot> Places;
  std::vector<uint64_t> Others;

private:
  void put(const SourceSpot &S) { Places.push_back(S); }
  void put(Symbol S) {
    Others.push_back(reinterpret_cast<uintptr_t>(S.text().data()));
  }
  template <typename T> void put(const std::vector<T> &V) {
    Others.push_back(V.size());
    for (const T &Element : V)
      put(Element);
  }
  template <typename T> void put(const std::optional<T> &O) {
    Others.push_back(O.has_value());
    if (O)
      put(*O);
  }
  template <typename T> void put(const T &Value) {
    if constexpr (std::is_enum_v<T> || std::is_integral_v<T>)
      Others.push_back(static_cast<uint64_t>(Value));
    else
      // Walking only reads the value; one field list serves every walk.
      fields(*this, const_cast<T &>(Value));
  }
};

PlacesAside walk(const FunctionSummary &F) {
  PlacesAside Walk;
  Walk(F);
  return Walk;
}

} // namespace

std::optional<PlaceMoves> placesMoved(const FunctionSummary &Old,
                                      const FunctionSummary &New) {
  PlacesAside Before = walk(Old), After = walk(New);
  // Equal values have their places at the same positions of the walk.
  if (Before.Others != After.Others)
    return std::nullopt;
  PlaceMoves Moves;
  for (size_t I = 0; I < Before.Places.size(); ++I)
    if (!(Before.Places[I] == After.Places[I]))
      Moves.emplace_back(Before.Places[I], After.Places[I]);
  return Moves;
}

} // namespace pii
