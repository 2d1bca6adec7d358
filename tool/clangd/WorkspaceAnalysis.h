//===- WorkspaceAnalysis.h - The whole program, for one edit ----*- C++ -*-===//
//
// On didOpen and didSave pii-clangd analyzes the program the file belongs
// to: the compile_commands.json found the way clangd finds it (in the file's
// directory or a parent, or in their build/ subdirectory), every file in it,
// with the summary cache under that build directory. Unchanged files come
// from the cache (a `pii-flow -p` run fills it as well), so an edit costs
// the parse of the file that changed, and the link.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CLANGD_WORKSPACEANALYSIS_H
#define PII_CLANGD_WORKSPACEANALYSIS_H

#include "core/Policy.h"

#include "llvm/Support/Error.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>

namespace pii {

/// The directory holding the compile_commands.json for \p File.
std::optional<std::string> findBuildDirectory(llvm::StringRef File);

/// pii-flow's diagnostics for the program in \p BuildDir, by file URI.
llvm::Expected<std::map<std::string, nlohmann::json>>
analyzeWorkspace(const std::string &BuildDir, const Policy &P,
                 bool RelatedInformation);

} // namespace pii

#endif // PII_CLANGD_WORKSPACEANALYSIS_H
