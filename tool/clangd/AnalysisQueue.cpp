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
  std::optional<std::string> Dir =
      BuildDir ? BuildDir : findBuildDirectory(File);
  if (!Dir) {
    llvm::errs() << "pii-clangd: no compile_commands.json for '" << File
                 << "'; pii-flow does not analyze it\n";
    return nullptr;
  }
  std::unique_ptr<Workspace> &W = Workspaces[*Dir];
  if (W)
    return W.get();
  auto Start = Clock::now();
  auto Loaded = Workspace::load(*Dir, P);
  if (!Loaded) {
    llvm::errs() << "pii-clangd: cannot analyze the program in '" << *Dir
                 << "': " << llvm::toString(Loaded.takeError()) << '\n';
    Workspaces.erase(*Dir);
    return nullptr;
  }
  W = std::move(*Loaded);
  llvm::errs() << "pii-clangd: loaded the program in '" << *Dir << "' in "
               << llvm::format("%.2f", secondsSince(Start)) << " s\n";
  publish(*W);
  return W.get();
}

void AnalysisQueue::analyze(const std::string &File) {
  Workspace *W = workspaceOf(File);
  if (!W)
    return;
  std::vector<std::string> Units = W->readersOf(File);
  if (Units.empty())
    return; // not part of the program
  FileOverlay Overlay;
  for (auto &[Uri, Text] : Texts.texts())
    Overlay[pathOfFileUri(Uri)] = std::move(Text);
  auto Start = Clock::now();
  if (!W->update(Units, Overlay, [&] { return cancelled(File); }))
    return;
  llvm::errs() << "pii-clangd: analyzed '" << File << "' in "
               << llvm::format("%.2f", secondsSince(Start)) << " s\n";
  publish(*W);
  // The file is likely edited next: its next analysis parses its own text
  // and loads its headers.
  W->preparePreambles(Units, Overlay, [&] { return cancelled(File); });
}

void AnalysisQueue::publish(const Workspace &W) {
  for (nlohmann::json &Params :
       Merger.fromAnalysis(W.diagnostics(RelatedInformation)))
    Editor.write(
        jsonText(nlohmann::json{{"jsonrpc", "2.0"},
                                {"method", "textDocument/publishDiagnostics"},
                                {"params", std::move(Params)}}));
}

} // namespace pii
