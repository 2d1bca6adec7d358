//===- Workspace.cpp ------------------------------------------------------===//

#include "clangd/Workspace.h"
#include "driver/Program.h"
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
  auto Cache = std::make_unique<Caches>(
      CacheDirectory(CacheDir.str().str(), CacheDirectory::saltFor(P)));
  // One core is left to clangd.
  unsigned Threads =
      std::max(1u, llvm::hardware_concurrency().compute_thread_count() - 1);
  std::unique_ptr<Workspace> W(
      new Workspace(Source, std::move(*In), P, std::move(Cache)));
  // Every edit links the program again: most of its summaries hold.
  W->Analyzed->rememberLinks();
  W->Analyzed->extractAll(Threads);
  W->link();
  return W;
}

Workspace::Workspace(CommandSource Source, Inputs In, const Policy &P,
                     std::unique_ptr<Caches> Cache)
    : Source(std::move(Source)), In(std::move(In)), P(P),
      Cache(std::move(Cache)),
      Analyzed(std::make_unique<Program>(*this->In.Commands, this->In.Files,
                                         this->P, this->Cache.get())) {}

Workspace::~Workspace() = default;

std::vector<std::string> Workspace::readersOf(const std::string &File) const {
  return Analyzed->readersOf(File);
}

std::vector<std::string> Workspace::internalErrors() const {
  std::vector<std::string> Errors;
  for (const std::string &Unit : Linked.CrashedFiles)
    Errors.push_back("internal error while analyzing '" + Unit +
                     "'; its flows are not shown");
  if (Linked.LinkCrashed)
    Errors.push_back("internal error in the whole-program link; flows it had "
                     "not found are not shown");
  return Errors;
}

bool Workspace::update(const std::vector<std::string> &Changed,
                       const FileOverlay &Overlay,
                       llvm::function_ref<bool()> Cancelled) {
  PreambleParses = 0;
  for (const std::string &Unit : Changed) {
    if (Cancelled())
      return false;
    PreambleParses += Analyzed->update(Unit, Overlay);
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
    if (llvm::Error Problem = Analyzed->preparePreamble(Unit, Overlay))
      llvm::errs() << "pii-clangd: " << llvm::toString(std::move(Problem))
                   << '\n';
  }
}

void Workspace::link() { Linked = Analyzed->link(); }

std::map<std::string, nlohmann::json>
Workspace::diagnostics(bool RelatedInformation,
                       const FileOverlay &Texts) const {
  SourceLines Lines(&Texts);
  // What the team accepted is not shown in the editor; what is wrong with
  // a suppression is.
  PreparedFindings Prepared = prepareFindings(
      Linked.Findings, Linked.Suppressions, {&P, "", nullptr}, Lines);
  std::map<std::string, nlohmann::json> ByUri;
  auto Add = [&](llvm::StringRef File, nlohmann::json Diagnostic) {
    nlohmann::json &List = ByUri[fileUri(File)];
    if (List.is_null())
      List = nlohmann::json::array();
    List.push_back(std::move(Diagnostic));
  };
  for (const Finding &F : Prepared.Open)
    Add(F.Where.File, lspDiagnostic(F, RelatedInformation, Lines));
  // A header's problems are said once, however many units include it.
  std::set<PlacedProblem> Problems(Prepared.SuppressionProblems.begin(),
                                   Prepared.SuppressionProblems.end());
  Problems.insert(Linked.AnnotationProblems.begin(),
                  Linked.AnnotationProblems.end());
  for (const PlacedProblem &Problem : Problems)
    Add(Problem.Where.File, lspDiagnostic(Problem, Lines));
  return ByUri;
}

} // namespace pii
