//===- SummaryPaths.cpp ---------------------------------------------------===//

#include "core/SummaryPaths.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

namespace pii {

/// Every path a summary holds.
static void forEachPath(TranslationUnitSummary &Summary,
                        llvm::function_ref<void(std::string &)> Visit) {
  auto Spot = [&](SourceSpot &S) { Visit(S.File); };
  Visit(Summary.File);
  for (SourceInfo &Source : Summary.Sources)
    Spot(Source.OriginSpot);
  for (Approximation &A : Summary.Approximations)
    Spot(A.Where);
  for (FunctionSummary &F : Summary.Functions) {
    Spot(F.Where);
    for (CallSite &Call : F.Calls) {
      Spot(Call.Where);
      for (SourceSpot &Arg : Call.ArgSpots)
        Spot(Arg);
    }
    for (Edge &E : F.Edges)
      for (FlowStep &Step : E.Steps)
        Spot(Step.Where);
  }
}

void relativizePaths(TranslationUnitSummary &Summary, llvm::StringRef Root) {
  llvm::SmallString<256> Prefix(Root);
  llvm::sys::path::remove_dots(Prefix, /*remove_dot_dot=*/true);
  if (!llvm::sys::path::is_separator(Prefix.back()))
    Prefix += llvm::sys::path::get_separator();
  forEachPath(Summary, [&](std::string &Path) {
    if (llvm::StringRef(Path).starts_with(Prefix))
      Path = Path.substr(Prefix.size());
  });
}

void resolvePaths(TranslationUnitSummary &Summary, llvm::StringRef Root) {
  forEachPath(Summary, [&](std::string &Path) {
    if (Path.empty() || llvm::sys::path::is_absolute(Path))
      return;
    llvm::SmallString<256> Full(Root);
    llvm::sys::path::append(Full, Path);
    llvm::sys::path::remove_dots(Full, /*remove_dot_dot=*/true);
    Path = Full.str().str();
  });
}

} // namespace pii
