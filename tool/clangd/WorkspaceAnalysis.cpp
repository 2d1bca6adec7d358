//===- WorkspaceAnalysis.cpp ----------------------------------------------===//

#include "clangd/WorkspaceAnalysis.h"
#include "cli/Inputs.h"
#include "core/ProgramAnalysis.h"
#include "core/SummaryCache.h"
#include "core/Suppressions.h"
#include "report/LspReporter.h"
#include "report/Uri.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Threading.h"

#include <algorithm>

namespace pii {

std::optional<std::string> findBuildDirectory(llvm::StringRef File) {
  for (llvm::StringRef Dir = llvm::sys::path::parent_path(File); !Dir.empty();
       Dir = llvm::sys::path::parent_path(Dir)) {
    for (llvm::StringRef Sub : {"", "build"}) {
      llvm::SmallString<256> Candidate(Dir);
      llvm::sys::path::append(Candidate, Sub, "compile_commands.json");
      if (llvm::sys::fs::exists(Candidate))
        return llvm::sys::path::parent_path(Candidate).str();
    }
  }
  return std::nullopt;
}

llvm::Expected<std::map<std::string, nlohmann::json>>
analyzeWorkspace(const std::string &BuildDir, const Policy &P,
                 bool RelatedInformation) {
  llvm::Expected<Inputs> In = chooseInputs({}, BuildDir, nullptr);
  if (!In)
    return In.takeError();
  llvm::SmallString<256> CacheDir(BuildDir);
  llvm::sys::path::append(CacheDir, "pii-flow-cache");
  // The directory `pii-flow -p BUILD_DIR` uses; entries are keyed by the
  // binary, so each tool reuses its own.
  SummaryCache Cache(CacheDir.str().str(), SummaryCache::saltFor(P));
  // One core is left to clangd.
  unsigned Jobs =
      std::max(1u, llvm::hardware_concurrency().compute_thread_count() - 1);
  ProgramAnalysis Result =
      analyzeProgram(*In->Commands, In->Files, P, Jobs, &Cache);
  // What the team accepted on the sink line is not shown in the editor.
  SourceLines Lines;
  applySuppressions(Result.Findings, Lines);
  std::map<std::string, nlohmann::json> ByUri;
  for (const Finding &F : Result.Findings) {
    if (F.Justification)
      continue;
    nlohmann::json &List = ByUri[fileUri(F.Where.File)];
    if (List.is_null())
      List = nlohmann::json::array();
    List.push_back(lspDiagnostic(F, RelatedInformation));
  }
  return ByUri;
}

} // namespace pii
