//===- Spelling.cpp -------------------------------------------------------===//

#include "core/policy/Spelling.h"

#include <algorithm>

namespace pii {

std::optional<std::string>
closestSpelling(llvm::StringRef Unknown,
                llvm::ArrayRef<llvm::StringRef> Known) {
  std::optional<std::string> Best;
  // At most a third of the letters wrong (rounded up: a swapped pair in a
  // short name is two).
  unsigned Bound = (Unknown.size() + 2) / 3 + 1;
  for (llvm::StringRef Name : Known) {
    unsigned Distance =
        Unknown.edit_distance(Name, /*AllowReplacements=*/true, Bound);
    if (Distance < Bound && Name != Unknown) {
      Bound = Distance;
      Best = Name.str();
    }
  }
  return Best;
}

std::string didYouMean(llvm::StringRef Unknown,
                       llvm::ArrayRef<llvm::StringRef> Known) {
  std::optional<std::string> Best = closestSpelling(Unknown, Known);
  return Best ? " (did you mean \"" + *Best + "\"?)" : "";
}

} // namespace pii
