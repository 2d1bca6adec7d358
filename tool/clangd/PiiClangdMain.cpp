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
#include "clangd/ClangdOptions.h"
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

/// Runs clangd in place of this process, to answer --help or --version.
int execClangd(const ClangdOptions &Options) {
  if (Options.PrintOwnHelp) {
    llvm::outs() << PiiClangdHelp;
    llvm::outs().flush();
  }
  std::vector<char *> Argv{const_cast<char *>(Options.Clangd.c_str())};
  for (const std::string &A : Options.ClangdArgs)
    Argv.push_back(const_cast<char *>(A.c_str()));
  Argv.push_back(nullptr);
  execvp(Options.Clangd.c_str(), Argv.data());
  llvm::errs() << "pii-clangd: cannot start '" << Options.Clangd << "'\n";
  return 1;
}

int run(int argc, char **argv) {
  const ClangdOptions Options =
      parseClangdOptions(llvm::ArrayRef<const char *>(argv + 1, argv + argc));
  if (Options.ClangdAnswersAlone)
    return execClangd(Options);

  // An invalid policy is the user's to fix, in the log; clangd still runs.
  std::optional<LoadedPolicy> P = loadPolicy(Options.PolicyPaths);
  if (!P)
    llvm::errs() << "pii-clangd: pii-flow's diagnostics are off until the "
                    "policy is fixed and the editor restarts pii-clangd\n";

  // A client gone mid-write must not kill us before clangd is reaped.
  signal(SIGPIPE, SIG_IGN);
  llvm::Expected<ClangdProcess> Process =
      ClangdProcess::start(Options.Clangd, Options.ClangdArgs);
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
    Analysis.emplace(Merger, Texts, ToEditor, Options.BuildDir,
                     std::move(P->Rules));
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
