//===- Fingerprint.cpp ----------------------------------------------------===//

#include "report/Fingerprint.h"
#include "core/model/SummaryPaths.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/xxhash.h"

#include <map>

namespace pii {

void assignFingerprints(std::vector<Finding> &Findings,
                        llvm::StringRef SourceRoot, SourceLines &Lines) {
  std::map<uint64_t, unsigned> Occurrences;
  for (Finding &F : Findings) {
    std::string Code;
    for (char C : Lines.line(F.Where.File, F.Where.Line))
      if (!llvm::isSpace(C))
        Code += C;
    std::string What = llvm::join(
        std::vector<std::string>{F.RuleId, F.Purpose, F.SourceName, F.SinkName,
                                 F.SinkKind, std::to_string(F.ArgIndex),
                                 relativeToRoot(F.Where.File, SourceRoot),
                                 Code},
        std::string(1, '\0'));
    uint64_t Hash = llvm::xxh3_64bits(What);
    F.Fingerprint = llvm::utohexstr(Hash, /*LowerCase=*/true, /*Width=*/16) +
                    ":" + std::to_string(++Occurrences[Hash]);
  }
}

} // namespace pii
