//===- AnalysisQueue.cpp --------------------------------------------------===//

#include "clangd/AnalysisQueue.h"
#include "report/JsonText.h"
#include "report/Uri.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <sys/resource.h>
#include <unistd.h>

namespace pii {

static double secondsSince(AnalysisQueue::Clock::time_point Start) {
  return std::chrono::duration<double>(AnalysisQueue::Clock::now() - Start)
      .count();
}

AnalysisQueue::AnalysisQueue(DiagnosticMerger &Merger, DocumentTexts &Texts,
                             LspWriter &Editor,
                             std::optional<std::string> BuildDir, Policy P)
    : Merger(Merger), Texts(Texts), Editor(Editor),
      BuildDir(std::move(BuildDir)), P(std::move(P)),
      Worker([this] { run(); }) {}

AnalysisQueue::~AnalysisQueue() {
  {
    std::lock_guard<std::mutex> Guard(Lock);
    Stopping = true;
  }
  Wake.notify_one();
  Worker.join();
}

void AnalysisQueue::request(const std::string &File, Event What) {
  Clock::time_point Due = Clock::now();
  if (What == Event::Change)
    Due += ChangeDelay;
  {
    std::lock_guard<std::mutex> Guard(Lock);
    Requests[File] = Due;
  }
  Wake.notify_one();
}

bool AnalysisQueue::cancelled(const std::string &File) {
  std::lock_guard<std::mutex> Guard(Lock);
  return Stopping || Requests.count(File);
}

void AnalysisQueue::run() {
  // clangd's own diagnostics come first: the analysis, and the threads it
  // starts (which inherit this), yield the processor to it.
  setpriority(PRIO_PROCESS, gettid(), 10);
  std::unique_lock<std::mutex> Guard(Lock);
  while (!Stopping) {
    auto Next = std::min_element(
        Requests.begin(), Requests.end(),
        [](const auto &A, const auto &B) { return A.second < B.second; });
    if (Next == Requests.end()) {
      Wake.wait(Guard);
      continue;
    }
    if (Next->second > Clock::now()) {
      Wake.wait_until(Guard, Next->second);
      continue;
    }
    std::string File = Next->first;
    Requests.erase(Next);
    Guard.unlock();
    // A bug of ours must not take the editor's clangd down with it.
    try {
      analyze(File);
    } catch (const std::exception &E) {
      llvm::errs() << "pii-clangd: internal error while analyzing '" << File
                   << "': " << E.what() << '\n';
    }
    Guard.lock();
  }
}

Workspace *AnalysisQueue::workspaceOf(const std::string &File) {
  CommandSource Source = BuildDir
                             ? CommandSource{CommandSource::Database, *BuildDir}
                             : findCommandSource(File, /*InBuild=*/true);
  std::unique_ptr<Workspace> &W =
      Workspaces[std::to_string(Source.Kind) + Source.Directory];
  if (W)
    return W.get();
  auto Start = Clock::now();
  auto Loaded = Workspace::load(Source, P);
  if (!Loaded) {
    std::string Problem = llvm::toString(Loaded.takeError());
    tellOnce(Source.Directory, MessageType::Error,
             "pii-flow cannot analyze the files of '" + Source.Directory +
                 "': " + Problem);
    Workspaces.erase(std::to_string(Source.Kind) + Source.Directory);
    return nullptr;
  }
  W = std::move(*Loaded);
  llvm::errs() << "pii-clangd: loaded the program in '" << Source.Directory
               << "' in " << llvm::format("%.2f", secondsSince(Start))
               << " s\n";
  publish(*W);
  return W.get();
}

void AnalysisQueue::tellOnce(const std::string &Key, MessageType Type,
                             const std::string &Message) {
  llvm::errs() << "pii-clangd: " << Message << '\n';
  if (!Told.insert(Key).second)
    return;
  Editor.write(jsonText(nlohmann::json{
      {"jsonrpc", "2.0"},
      {"method", "window/showMessage"},
      {"params", {{"type", static_cast<int>(Type)}, {"message", Message}}}}));
}

/// What the editor is told when \p File is analyzed as a unit of its own in
/// \p W, if anything.
static std::optional<std::string> adoptionNote(const Workspace &W,
                                               const std::string &File) {
  switch (W.source().Kind) {
  case CommandSource::Database:
    return "pii-flow: '" + File + "' is not in " + W.source().Directory +
           "/compile_commands.json; it is analyzed with the command of a "
           "neighbouring file, as clangd does";
  case CommandSource::FlagsFile:
    return std::nullopt; // what compile_flags.txt is for
  case CommandSource::Defaults:
    return "pii-flow: no compile_commands.json or compile_flags.txt was "
           "found above '" +
           File + "'; it is analyzed alone, with the compiler's defaults";
  }
  return std::nullopt;
}

void AnalysisQueue::analyze(const std::string &File) {
  Workspace *W = workspaceOf(File);
  if (!W)
    return;
  std::vector<std::string> Units = W->readersOf(File);
  if (Units.empty()) {
    Units = {File};
    if (std::optional<std::string> Note = adoptionNote(*W, File))
      tellOnce(File, MessageType::Info, *Note);
  }
  FileOverlay Overlay = overlay();
  auto Start = Clock::now();
  if (!W->update(Units, Overlay, [&] { return cancelled(File); }))
    return;
  const ProgramAnalysis &Linked = W->linked();
  llvm::errs() << "pii-clangd: analyzed '" << File << "' in "
               << llvm::format("%.2f", secondsSince(Start)) << " s ("
               << W->preambleParses() << " of " << Units.size()
               << " parsed with a preamble; link "
               << llvm::format("%.2f", Linked.LinkSeconds) << " s, "
               << Linked.Link.KeptFlows << " of " << Linked.Link.Flows
               << " flows kept from the last)\n";
  for (const std::string &Error : W->internalErrors())
    tellOnce(Error, MessageType::Error,
             "pii-flow: " + Error + " (please report this)");
  publish(*W);
  // The file is likely edited next: its next analysis parses its own text
  // and loads its headers.
  W->preparePreambles(Units, Overlay, [&] { return cancelled(File); });
}

FileOverlay AnalysisQueue::overlay() const {
  FileOverlay Overlay;
  for (auto &[Uri, Text] : Texts.texts())
    Overlay[pathOfFileUri(Uri)] = std::move(Text);
  return Overlay;
}

void AnalysisQueue::publish(const Workspace &W) {
  for (nlohmann::json &Params :
       Merger.fromAnalysis(W.diagnostics(RelatedInformation, overlay())))
    Editor.write(
        jsonText(nlohmann::json{{"jsonrpc", "2.0"},
                                {"method", "textDocument/publishDiagnostics"},
                                {"params", std::move(Params)}}));
}

} // namespace pii
