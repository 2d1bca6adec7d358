//===- Workspace.cpp ------------------------------------------------------===//

#include "clangd/Workspace.h"
#include "driver/FileParse.h"
#include "driver/IsolatedRun.h"
#include "report/FindingPipeline.h"
#include "report/LspReporter.h"
#include "report/Uri.h"
#include "store/Caches.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <set>

namespace pii {

/// \p Path absolute, without dots: as inputs are recorded.
static std::string normalized(llvm::StringRef Path) {
  llvm::SmallString<256> Result(Path);
  llvm::sys::fs::make_absolute(Result);
  llvm::sys::path::remove_dots(Result, /*remove_dot_dot=*/false);
  return Result.str().str();
}

/// The program \p Source describes: its files (none but a database's), and
/// the commands for any file.
static llvm::Expected<Inputs> inputsFrom(const CommandSource &Source) {
  if (Source.Kind == CommandSource::Database)
    return chooseInputs({}, Source.Directory, nullptr);
  Inputs In;
  auto Commands = loadCommands(Source);
  if (!Commands)
    return Commands.takeError();
  In.Commands = std::move(*Commands);
  return In;
}

llvm::Expected<std::unique_ptr<Workspace>>
Workspace::load(const CommandSource &Source, const Policy &P) {
  llvm::Expected<Inputs> In = inputsFrom(Source);
  if (!In)
    return In.takeError();
  // With a database, the directory `pii-flow -p BUILD_DIR` uses (entries
  // are keyed by the binary, so each tool reuses its own); otherwise one in
  // the user's cache, not in the sources.
  llvm::SmallString<256> CacheDir(Source.Directory);
  if (Source.Kind != CommandSource::Database &&
      llvm::sys::path::cache_directory(CacheDir))
    llvm::sys::path::append(CacheDir, "pii-flow",
                            llvm::utohexstr(hashContent(Source.Directory)));
  llvm::sys::path::append(CacheDir, "pii-flow-cache");
  Caches Cache(
      CacheDirectory(CacheDir.str().str(), CacheDirectory::saltFor(P)));
  // One core is left to clangd.
  unsigned Jobs =
      std::max(1u, llvm::hardware_concurrency().compute_thread_count() - 1);
  std::unique_ptr<Workspace> W(
      new Workspace(Source, std::move(*In), P, Cache.Preambles));
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

void Workspace::adopt(const std::string &File) {
  if (!llvm::is_contained(In.Files, File))
    In.Files.push_back(File);
}

std::vector<std::string> Workspace::internalErrors() const {
  std::vector<std::string> Errors;
  for (const auto &[Unit, Extraction] : Units)
    if (Extraction.Crashed)
      Errors.push_back("internal error while analyzing '" + Unit +
                       "'; its flows are not shown");
  if (LinkCrashed)
    Errors.push_back("internal error in the whole-program link; flows it had "
                     "not found are not shown");
  return Errors;
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
    if (llvm::Error Problem = preparePreamble(
            *In.Commands, compileJob(*In.Commands, Unit), Overlay, Preambles))
      llvm::errs() << "pii-clangd: " << llvm::toString(std::move(Problem))
                   << '\n';
  }
}

void Workspace::link() {
  std::vector<const TranslationUnitSummary *> Summaries;
  for (const auto &[File, Extraction] : Units)
    for (const TranslationUnitSummary &Summary : Extraction.Summaries)
      Summaries.push_back(&Summary);
  LinkResult Linked;
  LinkCrashed = !runIsolated([&] { Linked = pii::link(Summaries, P); });
  Findings = std::move(Linked.Findings);
  Suppressions = std::move(Linked.Suppressions);
}

std::map<std::string, nlohmann::json>
Workspace::diagnostics(bool RelatedInformation,
                       const FileOverlay &Texts) const {
  SourceLines Lines(&Texts);
  // What the team accepted is not shown in the editor; what is wrong with
  // a suppression is.
  PreparedFindings Prepared =
      prepareFindings(Findings, Suppressions, {&P, "", nullptr}, Lines);
  std::map<std::string, nlohmann::json> ByUri;
  auto Add = [&](llvm::StringRef File, nlohmann::json Diagnostic) {
    nlohmann::json &List = ByUri[fileUri(File)];
    if (List.is_null())
      List = nlohmann::json::array();
    List.push_back(std::move(Diagnostic));
  };
  for (const Finding &F : Prepared.Open)
    Add(F.Where.File, lspDiagnostic(F, RelatedInformation, Lines));
  // Every unit that includes a header finds the header's problems.
  std::set<PlacedProblem> Problems(Prepared.SuppressionProblems.begin(),
                                   Prepared.SuppressionProblems.end());
  for (const auto &[File, Extraction] : Units)
    Problems.insert(Extraction.AnnotationProblems.begin(),
                    Extraction.AnnotationProblems.end());
  for (const PlacedProblem &Problem : Problems)
    Add(Problem.Where.File, lspDiagnostic(Problem, Lines));
  return ByUri;
}

} // namespace pii
