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
#include "clangd/MessageForwarding.h"
#include "driver/PolicyLoading.h"

#include "llvm/Support/raw_ostream.h"

#include <csignal>
#include <cstdlib>
#include <optional>
#include <thread>
#include <unistd.h>

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
  LspWriter ToEditor(STDOUT_FILENO), ToClangd(Process->takeInput());
  std::optional<AnalysisQueue> Analysis;
  if (P)
    Analysis.emplace(Merger, Texts, ToEditor, BuildDir, std::move(P->Rules));
  std::thread Outbound([&] {
    forwardToClangd(FromEditor, ToClangd, Texts,
                    Analysis ? &*Analysis : nullptr);
    // The editor is gone without saying "exit" (it crashed, or sent what
    // is not LSP): clangd ends when its input does, and so do we.
    ToClangd.close();
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
