//===- SummaryPaths.cpp ---------------------------------------------------===//

#include "core/model/SummaryPaths.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/Path.h"

#include <map>

namespace pii {

using PathMap = llvm::function_ref<Symbol(llvm::StringRef)>;

/// Replaces every path a function's summary holds with \p Map of it.
static void mapPaths(FunctionSummary &F, PathMap Map) {
  auto Spot = [&](SourceSpot &S) { S.File = Map(S.File); };
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

/// The same for a unit's own fields, not its functions'.
static void mapUnitPaths(TranslationUnitSummary &Summary, PathMap Map) {
  auto Spot = [&](SourceSpot &S) { S.File = Map(S.File); };
  Summary.File = Map(Summary.File);
  for (SourceInfo &Source : Summary.Sources)
    Spot(Source.OriginSpot);
  for (Approximation &A : Summary.Approximations)
    Spot(A.Where);
  for (SuppressionComment &C : Summary.Suppressions)
    Spot(C.Where);
}

/// The same for a unit's own fields and its functions'.
static void mapPaths(TranslationUnitSummary &Summary, PathMap Map) {
  mapUnitPaths(Summary, Map);
  for (SharedFunction &Shared : Summary.Functions)
    mapPaths(edit(Shared), Map);
}

/// \p Map with each distinct path mapped once.
template <typename MapFn> auto onceEach(MapFn Map) {
  return [Map, Mapped = std::map<Symbol, Symbol>()](
             llvm::StringRef Path) mutable -> Symbol {
    auto [It, New] = Mapped.try_emplace(Path);
    if (New)
      It->second = Map(Path);
    return It->second;
  };
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
  auto Relative = onceEach([&](llvm::StringRef Path) -> Symbol {
    return Path.starts_with(Prefix) ? Path.drop_front(Prefix.size()) : Path;
  });
  mapPaths(Summary, Relative);
}

/// Resolves each relative path against \p Root, each distinct one once.
static auto resolver(llvm::StringRef Root) {
  return onceEach([Root](llvm::StringRef Path) -> Symbol {
    if (Path.empty() || llvm::sys::path::is_absolute(Path))
      return Path;
    llvm::SmallString<256> Full(Root);
    llvm::sys::path::append(Full, Path);
    llvm::sys::path::remove_dots(Full, /*remove_dot_dot=*/true);
    return Full.str();
  });
}

void resolvePaths(TranslationUnitSummary &Summary, llvm::StringRef Root) {
  auto Resolve = resolver(Root);
  mapPaths(Summary, Resolve);
}

void resolveUnitPaths(TranslationUnitSummary &Summary, llvm::StringRef Root) {
  auto Resolve = resolver(Root);
  mapUnitPaths(Summary, Resolve);
}

void resolvePaths(FunctionSummary &F, llvm::StringRef Root) {
  auto Resolve = resolver(Root);
  mapPaths(F, Resolve);
}

} // namespace pii
