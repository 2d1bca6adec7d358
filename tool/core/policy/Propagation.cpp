//===- Propagation.cpp ----------------------------------------------------===//

#include "core/policy/Propagation.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

namespace pii {

bool Propagation::takes(unsigned Arg) const {
  return !FromArgs || llvm::is_contained(*FromArgs, Arg);
}

/// \p Args as "0,2", or \p All when absent.
static std::string indexes(const std::optional<std::vector<unsigned>> &Args,
                           llvm::StringRef All) {
  if (!Args)
    return All.str();
  return llvm::join(
      llvm::map_range(*Args, [](unsigned A) { return std::to_string(A); }),
      ",");
}

std::string Propagation::fingerprint() const {
  return "from " + indexes(FromArgs, "all") + (FromObject ? " this" : "") +
         " to " + indexes(ToArgs, "written") + (ToResult ? " return" : "") +
         (!ToObject   ? " this-if-mutable"
          : *ToObject ? " this"
                      : "") +
         (ProjectsThroughCallable ? " projects" : "") +
         (SystemLibraryOnly ? " system-only" : "") +
         (Members == MemberWise::No               ? ""
          : Members == MemberWise::BuildsFromArgs ? " builds "
                                                  : " reads ") +
         llvm::join(MemberNames, ",");
}

} // namespace pii
