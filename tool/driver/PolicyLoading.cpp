//===- PolicyLoading.cpp --------------------------------------------------===//

#include "driver/PolicyLoading.h"
#include "core/policy/JsonDocument.h"
#include "core/policy/PolicyFile.h"

#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace pii {

void printFileError(Error E, StringRef Path) {
  handleAllErrors(
      std::move(E),
      [&](const PositionedError &P) {
        errs() << (P.file().empty() ? Path : StringRef(P.file())) << ':'
               << P.where().Line << ':' << P.where().Column
               << ": error: " << P.text() << '\n';
      },
      [](const ErrorInfoBase &Other) {
        errs() << "pii-flow: error: " << Other.message() << '\n';
      });
}

std::optional<LoadedPolicy> loadPolicy(ArrayRef<std::string> Paths,
                                       bool UnknownNamesAreErrors) {
  PolicyBuilder Builder;
  for (const std::string &Path : Paths)
    if (Error E = Builder.addFile(Path)) {
      printFileError(std::move(E), Path);
      errs() << "pii-flow: error: the policy file is not valid; nothing was "
                "analyzed\n";
      return std::nullopt;
    }
  PolicyFile Read = std::move(Builder).finish();
  LoadedPolicy Loaded;
  Loaded.Rules = std::move(Read.Rules);
  Loaded.Names = std::move(Read.Names);
  Loaded.Rules.UnknownNamesAreErrors = UnknownNamesAreErrors;
  RuleLevel Level =
      UnknownNamesAreErrors ? RuleLevel::Error : RuleLevel::Warning;
  for (const PolicyWarning &W : Read.Warnings) {
    errs() << W.File << ':' << W.Where.Line << ':' << W.Where.Column << ": "
           << toString(Level) << ": " << W.Message << '\n';
    Loaded.Problems.push_back(
        {Level, W.Message, SourceSpot{W.File, W.Where.Line, W.Where.Column}});
  }
  return Loaded;
}

} // namespace pii
