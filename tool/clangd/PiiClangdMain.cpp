//===- PiiClangdMain.cpp - clangd with pii-flow's findings ----------------===//
//
// A drop-in clangd for editors. Stock clangd loads no plugins, so pii-clangd
// starts the real clangd with the editor's arguments and sits between them:
//
//   editor --stdin--> pii-clangd --> clangd      every message unchanged
//   editor <-stdout-- pii-clangd <-- clangd      publishDiagnostics merged
//
// The editor's document notifications also go to the analysis queue, which
// analyzes in the background and publishes pii-flow's diagnostics together
// with clangd's. If the analysis fails, clangd's diagnostics keep flowing and
// the failure goes to the log (stderr).
//
//   pii-clangd [--clangd PATH] [--policy FILE] [clangd arguments...]
//
//===----------------------------------------------------------------------===//

#include "clangd/AnalysisQueue.h"
#include "clangd/ClangdProcess.h"
#include "clangd/DiagnosticMerger.h"
#include "clangd/DocumentTexts.h"
#include "clangd/LspChannel.h"
#include "cli/PolicyLoading.h"
#include "report/JsonText.h"
#include "report/Uri.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/raw_ostream.h"

#include <csignal>
#include <cstdlib>
#include <optional>
#include <thread>
#include <unistd.h>

using Json = nlohmann::json;

namespace pii {
namespace {

/// pii-clangd's own options, printed before clangd's --help.
constexpr llvm::StringLiteral PiiClangdHelp =
    R"(pii-clangd: clangd with pii-flow's findings among its diagnostics

USAGE: pii-clangd [pii-clangd options] [clangd options]

PII-CLANGD OPTIONS:
  --clangd=<path>   The clangd to run (default: clangd-19)
  --policy=<file>   A pii-flow policy file (see pii-flow --help); given several
                    times, the files add up. An invalid file turns pii-flow's
                    diagnostics off, and is reported in the log.

Every other option is clangd's, and passed to it; pii-clangd also follows
--compile-commands-dir. clangd's own options follow.

)";

/// The analysis a document notification calls for, if any.
std::optional<AnalysisQueue::Event> eventOf(llvm::StringRef Method) {
  return llvm::StringSwitch<std::optional<AnalysisQueue::Event>>(Method)
      .Case("textDocument/didOpen", AnalysisQueue::Event::Open)
      .Case("textDocument/didSave", AnalysisQueue::Event::Save)
      .Case("textDocument/didChange", AnalysisQueue::Event::Change)
      .Default(std::nullopt);
}

/// Follows the editor's documents in \p Content, a message from the
/// editor: their texts, and the analyses their changes call for.
void followDocuments(const std::string &Content, DocumentTexts &Texts,
                     AnalysisQueue *Analysis) {
  Json Message = Json::parse(Content, nullptr, /*allow_exceptions=*/false);
  std::string Method =
      Message.is_object() ? Message.value("method", "") : std::string();
  const Json &Params =
      Message.is_object() ? Message.value("params", Json()) : Json();
  if (Method == "initialize" && Analysis) {
    Json Capabilities = Params.value("capabilities", Json::object());
    Analysis->setRelatedInformation(Capabilities.value(
        "/textDocument/publishDiagnostics/relatedInformation"_json_pointer,
        false));
  } else if (llvm::StringRef(Method).starts_with("textDocument/did")) {
    Texts.update(Method, Params);
    std::optional<AnalysisQueue::Event> What = eventOf(Method);
    if (Analysis && What)
      Analysis->request(pathOfFileUri(Params["textDocument"].value("uri", "")),
                        *What);
  }
}

/// Editor to clangd: every message forwarded as it came; the document
/// notifications are also followed here, and given to \p Analysis if there
/// is one.
void forwardToClangd(LspReader &Editor, LspWriter &Clangd, DocumentTexts &Texts,
                     AnalysisQueue *Analysis) {
  while (std::optional<std::string> Content = Editor.read()) {
    // Whatever the message holds, clangd gets it as it came.
    try {
      followDocuments(*Content, Texts, Analysis);
    } catch (const std::exception &E) {
      llvm::errs() << "pii-clangd: cannot follow a message from the editor: "
                   << E.what() << '\n';
    }
    if (!Clangd.write(*Content))
      break;
  }
}

/// \p Content, a message from clangd, with pii-flow's diagnostics merged
/// in if it publishes diagnostics; "" if it does not.
std::string mergedDiagnostics(const std::string &Content,
                              DiagnosticMerger &Merger) {
  Json Message = Json::parse(Content, nullptr, /*allow_exceptions=*/false);
  if (!Message.is_object() ||
      Message.value("method", "") != "textDocument/publishDiagnostics")
    return "";
  Message["params"] = Merger.fromClangd(Message["params"]);
  return jsonText(Message);
}

/// clangd to editor: diagnostics merged, everything else unchanged.
void forwardToEditor(LspReader &Clangd, LspWriter &Editor,
                     DiagnosticMerger &Merger) {
  while (std::optional<std::string> Content = Clangd.read()) {
    // A message we cannot merge goes to the editor as clangd sent it.
    std::string Merged;
    try {
      Merged = mergedDiagnostics(*Content, Merger);
    } catch (const std::exception &E) {
      llvm::errs() << "pii-clangd: cannot merge a message from clangd: "
                   << E.what() << '\n';
    }
    Editor.write(Merged.empty() ? *Content : Merged);
  }
}

int run(int argc, char **argv) {
  std::string Clangd = "clangd-19";
  std::vector<std::string> Args;
  std::vector<std::string> PolicyPaths;
  std::optional<std::string> BuildDir;
  for (int I = 1; I < argc; ++I) {
    llvm::StringRef Arg(argv[I]);
    // Our own options, which clangd does not see.
    auto Take = [&](llvm::StringRef Name, std::string &Value) {
      if (Arg == Name && I + 1 < argc)
        Value = argv[++I];
      else if (Arg.consume_front(Name) && Arg.consume_front("="))
        Value = Arg.str();
      else
        return false;
      return true;
    };
    if (Take("--clangd", Clangd))
      continue;
    if (std::string Policy; Take("--policy", Policy)) {
      PolicyPaths.push_back(std::move(Policy));
      continue;
    }
    // clangd's own option, which it keeps; the analysis follows it too.
    if (Arg.consume_front("--compile-commands-dir="))
      BuildDir = Arg.str();
    Args.push_back(argv[I]);
  }
  // --version and --help are clangd's: editors parse its version line.
  for (const std::string &Arg : Args)
    if (Arg == "--version" || Arg == "-version" || Arg == "--help" ||
        Arg == "-help") {
      if (Arg != "--version" && Arg != "-version") {
        llvm::outs() << PiiClangdHelp;
        llvm::outs().flush();
      }
      std::vector<char *> Argv{const_cast<char *>(Clangd.c_str())};
      for (std::string &A : Args)
        Argv.push_back(A.data());
      Argv.push_back(nullptr);
      execvp(Clangd.c_str(), Argv.data());
      llvm::errs() << "pii-clangd: cannot start '" << Clangd << "'\n";
      return 1;
    }

  // An invalid policy is the user's to fix, in the log; clangd still runs.
  std::optional<LoadedPolicy> P = loadPolicy(PolicyPaths);
  if (!P)
    llvm::errs() << "pii-clangd: pii-flow's diagnostics are off until the "
                    "policy is fixed and the editor restarts pii-clangd\n";

  // A client gone mid-write must not kill us before clangd is reaped.
  signal(SIGPIPE, SIG_IGN);
  llvm::Expected<ClangdProcess> Process = ClangdProcess::start(Clangd, Args);
  if (!Process) {
    llvm::errs() << "pii-clangd: " << llvm::toString(Process.takeError())
                 << " (choose it with --clangd PATH)\n";
    return 1;
  }
  DocumentTexts Texts;
  DiagnosticMerger Merger(Texts);
  LspReader FromEditor(STDIN_FILENO), FromClangd(Process->output());
  LspWriter ToEditor(STDOUT_FILENO), ToClangd(Process->input());
  std::optional<AnalysisQueue> Analysis;
  if (P)
    Analysis.emplace(Merger, Texts, ToEditor, BuildDir, std::move(P->Rules));
  std::thread Outbound([&] {
    forwardToClangd(FromEditor, ToClangd, Texts,
                    Analysis ? &*Analysis : nullptr);
  });
  forwardToEditor(FromClangd, ToEditor, Merger);
  // clangd has exited (after "exit", or a crash): nothing more to send it,
  // and the editor side ends when the editor closes our input.
  int Status = Process->finish();
  // The analysis may be in a parse, which cannot be interrupted, or loading
  // a large program: the process ends without waiting for it. What it
  // writes to the cache is written atomically, so nothing is left half
  // done, and everything sent to the editor went out unbuffered.
  std::_Exit(Status);
}

} // namespace
} // namespace pii

int main(int argc, char **argv) { return pii::run(argc, argv); }
