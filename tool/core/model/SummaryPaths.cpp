//===- SummaryPaths.cpp ---------------------------------------------------===//

#include "core/model/SummaryPaths.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

#include <map>

namespace pii {

/// Replaces every path a summary holds with \p Map of it; each distinct path
/// is mapped once.
static void mapPaths(TranslationUnitSummary &Summary,
                     llvm::function_ref<Symbol(llvm::StringRef)> Map) {
  std::map<Symbol, Symbol> Mapped;
  auto Visit = [&](Symbol &Path) {
    auto [It, New] = Mapped.try_emplace(Path);
    if (New)
      It->second = Map(Path);
    Path = It->second;
  };
  auto Spot = [&](SourceSpot &S) { Visit(S.File); };
  Visit(Summary.File);
  for (SourceInfo &Source : Summary.Sources)
    Spot(Source.OriginSpot);
  for (Approximation &A : Summary.Approximations)
    Spot(A.Where);
  for (SuppressionComment &C : Summary.Suppressions)
    Spot(C.Where);
  for (SharedFunction &Shared : Summary.Functions) {
    FunctionSummary &F = edit(Shared);
    Spot(F.Where);
    for (CallSite &Call : F.Calls) {
      Spot(Call.Where);
      for (CallArgument &Arg : Call.Args) {
        Spot(Arg.Where);
        Spot(Arg.End);
      }
    }
    for (Edge &E : F.Edges)
      for (FlowStep &Step : E.Steps)
        Spot(Step.Where);
  }
}

/// \p Root with dots removed and a trailing separator.
static llvm::SmallString<256> rootPrefix(llvm::StringRef Root) {
  llvm::SmallString<256> Prefix(Root);
  llvm::sys::path::remove_dots(Prefix, /*remove_dot_dot=*/true);
  if (Prefix.empty() || !llvm::sys::path::is_separator(Prefix.back()))
    Prefix += llvm::sys::path::get_separator();
  return Prefix;
}

std::string relativeToRoot(llvm::StringRef Path, llvm::StringRef Root) {
  llvm::SmallString<256> Prefix = rootPrefix(Root);
  return Path.starts_with(Prefix) ? Path.drop_front(Prefix.size()).str()
                                  : Path.str();
}

void relativizePaths(TranslationUnitSummary &Summary, llvm::StringRef Root) {
  llvm::SmallString<256> Prefix = rootPrefix(Root);
  mapPaths(Summary, [&](llvm::StringRef Path) -> Symbol {
    return Path.starts_with(Prefix) ? Path.drop_front(Prefix.size()) : Path;
  });
}

void resolvePaths(TranslationUnitSummary &Summary, llvm::StringRef Root) {
  mapPaths(Summary, [&](llvm::StringRef Path) -> Symbol {
    if (Path.empty() || llvm::sys::path::is_absolute(Path))
      return Path;
    llvm::SmallString<256> Full(Root);
    llvm::sys::path::append(Full, Path);
    llvm::sys::path::remove_dots(Full, /*remove_dot_dot=*/true);
    return Full.str();
  });
}

} // namespace pii
