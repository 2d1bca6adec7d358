//===- PiiClangdMain.cpp - clangd with pii-flow's findings ----------------===//
//
// A drop-in clangd for editors. Stock clangd loads no plugins, so pii-clangd
// starts the real clangd with the editor's arguments and sits between them:
//
//   editor --stdin--> pii-clangd --> clangd      every message unchanged
//   editor <-stdout-- pii-clangd <-- clangd      publishDiagnostics merged
//
// On didOpen and didSave the program is analyzed in the background (the
// newest request wins; one analysis at a time) and pii-flow's diagnostics
// are published together with clangd's. If the analysis fails, clangd's
// diagnostics keep flowing and the failure goes to the log (stderr).
//
//   pii-clangd [--clangd PATH] [clangd arguments...]
//
//===----------------------------------------------------------------------===//

#include "clangd/ClangdProcess.h"
#include "clangd/DiagnosticMerger.h"
#include "clangd/DocumentTexts.h"
#include "clangd/LspChannel.h"
#include "clangd/WorkspaceAnalysis.h"
#include "report/Uri.h"

#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/raw_ostream.h"

#include <atomic>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <optional>
#include <sys/resource.h>
#include <thread>
#include <unistd.h>

using Json = nlohmann::json;

namespace pii {
namespace {

/// Runs one analysis at a time, always of the newest request.
class AnalysisQueue {
public:
  /// \p BuildDir: clangd's --compile-commands-dir, if given; otherwise the
  /// database is looked for above each file, as clangd does.
  AnalysisQueue(DiagnosticMerger &Merger, LspWriter &Editor,
                std::optional<std::string> BuildDir)
      : Merger(Merger), Editor(Editor), BuildDir(std::move(BuildDir)),
        Worker([this] { run(); }) {}
  ~AnalysisQueue() {
    {
      std::lock_guard<std::mutex> Guard(Lock);
      Stopping = true;
    }
    Wake.notify_one();
    Worker.join();
  }

  /// Requests an analysis of the program \p File belongs to.
  void request(std::string File) {
    {
      std::lock_guard<std::mutex> Guard(Lock);
      Next = std::move(File);
    }
    Wake.notify_one();
  }

  void setRelatedInformation(bool Supported) { RelatedInformation = Supported; }

private:
  void run() {
    // clangd's own diagnostics come first: the analysis, and the threads it
    // starts (which inherit this), yield the processor to it.
    setpriority(PRIO_PROCESS, gettid(), 10);
    while (true) {
      std::string File;
      {
        std::unique_lock<std::mutex> Guard(Lock);
        Wake.wait(Guard, [&] { return Stopping || Next; });
        if (Stopping)
          return;
        File = std::move(*Next);
        Next.reset();
      }
      analyze(File);
    }
  }

  void analyze(const std::string &File) {
    std::optional<std::string> Dir =
        BuildDir ? BuildDir : findBuildDirectory(File);
    if (!Dir) {
      llvm::errs() << "pii-clangd: no compile_commands.json for '" << File
                   << "'; pii-flow does not analyze it\n";
      return;
    }
    Policy P = Policy::builtin();
    auto ByUri = analyzeWorkspace(*Dir, P, RelatedInformation);
    if (!ByUri) {
      llvm::errs() << "pii-clangd: the analysis failed: "
                   << llvm::toString(ByUri.takeError()) << '\n';
      return;
    }
    for (Json &Params : Merger.fromAnalysis(std::move(*ByUri)))
      Editor.write(Json{{"jsonrpc", "2.0"},
                        {"method", "textDocument/publishDiagnostics"},
                        {"params", std::move(Params)}}
                       .dump());
  }

  DiagnosticMerger &Merger;
  LspWriter &Editor;
  std::optional<std::string> BuildDir;
  std::mutex Lock;
  std::condition_variable Wake;
  std::optional<std::string> Next;
  bool Stopping = false;
  /// Set by the editor side, read by the worker.
  std::atomic<bool> RelatedInformation = false;
  std::thread Worker;
};

/// Editor to clangd: every message forwarded as it came; the document
/// notifications are also followed here.
void forwardToClangd(LspReader &Editor, LspWriter &Clangd, DocumentTexts &Texts,
                     AnalysisQueue &Analysis) {
  while (std::optional<std::string> Content = Editor.read()) {
    Json Message = Json::parse(*Content, nullptr, /*allow_exceptions=*/false);
    std::string Method =
        Message.is_object() ? Message.value("method", "") : std::string();
    const Json &Params =
        Message.is_object() ? Message.value("params", Json()) : Json();
    if (Method == "initialize") {
      Json Capabilities = Params.value("capabilities", Json::object());
      Analysis.setRelatedInformation(Capabilities.value(
          "/textDocument/publishDiagnostics/relatedInformation"_json_pointer,
          false));
    } else if (llvm::StringRef(Method).starts_with("textDocument/did")) {
      Texts.update(Method, Params);
      if (Method == "textDocument/didOpen" || Method == "textDocument/didSave")
        Analysis.request(
            pathOfFileUri(Params["textDocument"].value("uri", "")));
    }
    if (!Clangd.write(*Content))
      break;
  }
}

/// clangd to editor: diagnostics merged, everything else unchanged.
void forwardToEditor(LspReader &Clangd, LspWriter &Editor,
                     DiagnosticMerger &Merger) {
  while (std::optional<std::string> Content = Clangd.read()) {
    Json Message = Json::parse(*Content, nullptr, /*allow_exceptions=*/false);
    if (Message.is_object() &&
        Message.value("method", "") == "textDocument/publishDiagnostics") {
      Message["params"] = Merger.fromClangd(Message["params"]);
      Editor.write(Message.dump());
      continue;
    }
    Editor.write(*Content);
  }
}

int run(int argc, char **argv) {
  std::string Clangd = "clangd-19";
  std::vector<std::string> Args;
  std::optional<std::string> BuildDir;
  for (int I = 1; I < argc; ++I) {
    llvm::StringRef Arg(argv[I]);
    if (Arg == "--clangd" && I + 1 < argc) {
      Clangd = argv[++I];
      continue;
    }
    if (Arg.consume_front("--clangd=")) {
      Clangd = Arg.str();
      continue;
    }
    // clangd's own option, which it keeps; the analysis follows it too.
    if (Arg.consume_front("--compile-commands-dir="))
      BuildDir = Arg.str();
    Args.push_back(argv[I]);
  }
  // --version and --help are clangd's: editors parse its version line.
  for (const std::string &Arg : Args)
    if (Arg == "--version" || Arg == "-version" || Arg == "--help") {
      std::vector<char *> Argv{const_cast<char *>(Clangd.c_str())};
      for (std::string &A : Args)
        Argv.push_back(A.data());
      Argv.push_back(nullptr);
      execvp(Clangd.c_str(), Argv.data());
      llvm::errs() << "pii-clangd: cannot start '" << Clangd << "'\n";
      return 1;
    }

  // A client gone mid-write must not kill us before clangd is reaped.
  signal(SIGPIPE, SIG_IGN);
  llvm::Expected<ClangdProcess> Process = ClangdProcess::start(Clangd, Args);
  if (!Process) {
    llvm::errs() << "pii-clangd: " << llvm::toString(Process.takeError())
                 << " (choose it with --clangd PATH)\n";
    return 1;
  }
  llvm::CrashRecoveryContext::Enable();
  DocumentTexts Texts;
  DiagnosticMerger Merger(Texts);
  LspReader FromEditor(STDIN_FILENO), FromClangd(Process->output());
  LspWriter ToEditor(STDOUT_FILENO), ToClangd(Process->input());
  int Status = 0;
  {
    AnalysisQueue Analysis(Merger, ToEditor, BuildDir);
    std::thread Outbound(
        [&] { forwardToClangd(FromEditor, ToClangd, Texts, Analysis); });
    forwardToEditor(FromClangd, ToEditor, Merger);
    // clangd has exited (after "exit", or a crash): nothing more to send it.
    Status = Process->finish();
    // The editor side ends when the editor closes our input.
    Outbound.detach();
  }
  return Status;
}

} // namespace
} // namespace pii

int main(int argc, char **argv) { return pii::run(argc, argv); }
