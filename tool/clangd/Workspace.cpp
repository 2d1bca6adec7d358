//===- Workspace.cpp ------------------------------------------------------===//

#include "clangd/Workspace.h"
#include "core/SummaryCache.h"
#include "core/Suppressions.h"
#include "report/LspReporter.h"
#include "report/Uri.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <set>

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

/// \p Path absolute, without dots: as inputs are recorded.
static std::string normalized(llvm::StringRef Path) {
  llvm::SmallString<256> Result(Path);
  llvm::sys::fs::make_absolute(Result);
  llvm::sys::path::remove_dots(Result, /*remove_dot_dot=*/false);
  return Result.str().str();
}

llvm::Expected<std::unique_ptr<Workspace>>
Workspace::load(const std::string &BuildDir, const Policy &P) {
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
  std::unique_ptr<Workspace> W(
      new Workspace(std::move(*In), P, Cache.preambles()));
  for (FileExtraction &File :
       extractFiles(*W->In.Commands, W->In.Files, P, Jobs, Cache))
    W->Units[File.File] = std::move(File);
  W->link();
  return W;
}

std::vector<std::string> Workspace::readersOf(const std::string &File) const {
  std::string Path = normalized(File);
  std::vector<std::string> Readers;
  for (const auto &[Unit, Extraction] : Units)
    if (normalized(Unit) == Path || llvm::is_contained(Extraction.Inputs, Path))
      Readers.push_back(Unit);
  return Readers;
}

bool Workspace::update(const std::vector<std::string> &Changed,
                       const FileOverlay &Overlay,
                       llvm::function_ref<bool()> Cancelled) {
  for (const std::string &Unit : Changed) {
    if (Cancelled())
      return false;
    Units[Unit] = extractFile(*In.Commands, Unit, P, Overlay, &Preambles);
  }
  if (Cancelled())
    return false;
  link();
  return true;
}

void Workspace::preparePreambles(const std::vector<std::string> &Units,
                                 const FileOverlay &Overlay,
                                 llvm::function_ref<bool()> Cancelled) const {
  for (const std::string &Unit : Units) {
    if (Cancelled())
      return;
    std::string Problem =
        preparePreamble(*In.Commands, Unit, Overlay, Preambles);
    if (!Problem.empty())
      llvm::errs() << "pii-clangd: " << Problem << '\n';
  }
}

void Workspace::link() {
  std::vector<const TranslationUnitSummary *> Summaries;
  for (const auto &[File, Extraction] : Units)
    for (const TranslationUnitSummary &Summary : Extraction.Summaries)
      Summaries.push_back(&Summary);
  LinkResult Linked = pii::link(Summaries, P);
  Findings = std::move(Linked.Findings);
  // What the team accepted is not shown in the editor; what is wrong with
  // a suppression is.
  SuppressionProblems = applySuppressions(Findings, Linked.Suppressions, P);
  llvm::erase_if(Findings, [](const Finding &F) { return F.Justification; });
}

std::map<std::string, nlohmann::json>
Workspace::diagnostics(bool RelatedInformation) const {
  std::map<std::string, nlohmann::json> ByUri;
  auto Add = [&](llvm::StringRef File, nlohmann::json Diagnostic) {
    nlohmann::json &List = ByUri[fileUri(File)];
    if (List.is_null())
      List = nlohmann::json::array();
    List.push_back(std::move(Diagnostic));
  };
  for (const Finding &F : Findings)
    Add(F.Where.File, lspDiagnostic(F, RelatedInformation));
  // Every unit that includes a header finds the header's problems.
  std::set<PlacedProblem> Problems(SuppressionProblems.begin(),
                                   SuppressionProblems.end());
  for (const auto &[File, Extraction] : Units)
    Problems.insert(Extraction.AnnotationProblems.begin(),
                    Extraction.AnnotationProblems.end());
  for (const PlacedProblem &Problem : Problems)
    Add(Problem.Where.File, lspDiagnostic(Problem));
  return ByUri;
}

} // namespace pii
