//===- PolicyLoading.cpp --------------------------------------------------===//

#include "cli/PolicyLoading.h"
#include "core/JsonDocument.h"
#include "core/PolicyFile.h"

#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace pii {

void printFileError(Error E, StringRef Path) {
  handleAllErrors(
      std::move(E),
      [&](const PositionedError &P) {
        errs() << Path << ':' << P.where().Line << ':' << P.where().Column
               << ": error: " << P.text() << '\n';
      },
      [](const ErrorInfoBase &Other) {
        errs() << "pii-flow: error: " << Other.message() << '\n';
      });
}

std::optional<Policy> loadPolicy(StringRef PolicyPath) {
  if (PolicyPath.empty())
    return Policy::builtin();
  Expected<PolicyFile> Read = readPolicyFile(PolicyPath);
  if (!Read) {
    printFileError(Read.takeError(), PolicyPath);
    errs() << "pii-flow: error: the policy file is not valid; nothing was "
              "analyzed\n";
    return std::nullopt;
  }
  for (const PolicyWarning &W : Read->Warnings)
    errs() << PolicyPath << ':' << W.Where.Line << ':' << W.Where.Column
           << ": warning: " << W.Message << '\n';
  return std::move(Read->Rules);
}

} // namespace pii
