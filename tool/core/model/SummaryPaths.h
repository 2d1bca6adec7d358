//===- SummaryPaths.h - Summaries that move between machines ----*- C++ -*-===//
//
// A summary made by a remote build action must not name the absolute paths
// of the machine that made it. Paths under a source root are stored
// relative to it and resolved against the source root of the machine that
// links; paths elsewhere (system headers never appear; generated files
// might) are kept as they are.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_MODEL_SUMMARYPATHS_H
#define PII_CORE_MODEL_SUMMARYPATHS_H

#include "core/model/Summary.h"

#include "llvm/ADT/StringRef.h"

namespace pii {

/// \p Path relative to \p Root when it lies below it, else unchanged.
std::string relativeToRoot(llvm::StringRef Path, llvm::StringRef Root);

/// Rewrites the absolute paths under \p Root in \p Summary as relative.
void relativizePaths(TranslationUnitSummary &Summary, llvm::StringRef Root);

/// Resolves the relative paths in \p Summary against \p Root.
void resolvePaths(TranslationUnitSummary &Summary, llvm::StringRef Root);
/// The same for \p Summary's own fields, not its functions': those a
/// reader resolves once each (resolvePaths for a function), as it decodes
/// them once for all the units that hold them.
void resolveUnitPaths(TranslationUnitSummary &Summary, llvm::StringRef Root);
void resolvePaths(FunctionSummary &F, llvm::StringRef Root);

} // namespace pii

#endif // PII_CORE_MODEL_SUMMARYPATHS_H
