//===- AnalysisQueue.h - pii-flow's side of pii-clangd ----------*- C++ -*-===//
//
// Analyzes in the background what the editor's notifications ask for, one
// analysis at a time, and publishes the diagnostics through the merger:
//
//   didOpen, didSave   the translation units that read the file are
//                      extracted again, with the open buffers' texts, and
//                      the program linked again (loaded from the summary
//                      cache and published first, the first time)
//   didChange          the same, once typing has paused for ChangeDelay
//
// A newer request for a file supersedes the one pending, and cancels the one
// running at its next step (between files, before the link), so that the
// editor is shown its latest text, not a backlog.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CLANGD_ANALYSISQUEUE_H
#define PII_CLANGD_ANALYSISQUEUE_H

#include "clangd/DiagnosticMerger.h"
#include "clangd/DocumentTexts.h"
#include "clangd/LspChannel.h"
#include "clangd/Workspace.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>

namespace pii {

class AnalysisQueue {
public:
  enum class Event { Open, Save, Change };
  using Clock = std::chrono::steady_clock;
  /// How long typing must pause before an unsaved buffer is analyzed.
  static constexpr std::chrono::milliseconds ChangeDelay{400};

  /// \p BuildDir: clangd's --compile-commands-dir, if given; otherwise the
  /// database is looked for above each file, as clangd does.
  AnalysisQueue(DiagnosticMerger &Merger, DocumentTexts &Texts,
                LspWriter &Editor, std::optional<std::string> BuildDir,
                Policy P);
  /// Cancels the running analysis and waits for it to stop.
  ~AnalysisQueue();

  /// Asks for the analysis \p What of \p File calls for.
  void request(const std::string &File, Event What);

  void setRelatedInformation(bool Supported) { RelatedInformation = Supported; }

private:
  void run();
  void analyze(const std::string &File);
  /// The workspace \p File belongs to, loaded and published the first time.
  Workspace *workspaceOf(const std::string &File);
  /// LSP's MessageType.
  enum class MessageType { Error = 1, Warning = 2, Info = 3 };
  /// Logs \p Message, and shows it in the editor the first time \p Key
  /// (a file, a directory) comes with one: what pii-flow cannot do must be
  /// said, but not at every keystroke.
  void tellOnce(const std::string &Key, MessageType Type,
                const std::string &Message);
  void publish(const Workspace &W);
  /// The editor's buffers, by path.
  FileOverlay overlay() const;
  /// Whether the analysis of \p File should stop: a newer request for it
  /// came, or pii-clangd is exiting.
  bool cancelled(const std::string &File);

  DiagnosticMerger &Merger;
  DocumentTexts &Texts;
  LspWriter &Editor;
  std::optional<std::string> BuildDir;
  Policy P;
  /// By command source; used by the worker only, as is Told.
  std::map<std::string, std::unique_ptr<Workspace>> Workspaces;
  std::set<std::string> Told;
  std::mutex Lock;
  std::condition_variable Wake;
  /// When each requested file is due.
  std::map<std::string, Clock::time_point> Requests;
  bool Stopping = false;
  /// Set by the editor side, read by the worker.
  std::atomic<bool> RelatedInformation = false;
  std::thread Worker;
};

} // namespace pii

#endif // PII_CLANGD_ANALYSISQUEUE_H
