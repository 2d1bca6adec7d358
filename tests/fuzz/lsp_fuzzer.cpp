//===- lsp_fuzzer.cpp - libFuzzer target for pii-clangd's messages --------===//
//
// pii-clangd reads whatever the editor and clangd send it; a message it does
// not understand must be forwarded as it came, never end the process (the
// editor loses every diagnostic, clangd's too). Each input is a byte stream,
// read through a pipe by LspReader as pii-clangd reads its standard input
// and clangd's output: first by the editor side (forwardToClangd with an
// analysis queue, as when the policy loads: the initialize capabilities,
// DocumentTexts::update, pathOfFileUri), then by the clangd side
// (forwardToEditor: DiagnosticMerger::fromClangd), which sees the documents
// the first opened. Nothing is caught here that pii-clangd does not catch.
// Built and run by scripts/fuzz.sh, not part of CI.
//
//===----------------------------------------------------------------------===//

#include "clangd/AnalysisQueue.h"
#include "clangd/DiagnosticMerger.h"
#include "clangd/DocumentTexts.h"
#include "clangd/LspChannel.h"
#include "clangd/MessageForwarding.h"

#include "llvm/Support/FileSystem.h"

#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fcntl.h>
#include <thread>
#include <unistd.h>

namespace {

int DevNull = -1;
/// A build directory without compile_commands.json: the queue's analyses
/// end at once, reading no program.
std::string NoProgram;

/// Reads \p Bytes as \p Forward's stream would come from a pipe.
template <typename ForwardFn>
void readThroughPipe(llvm::StringRef Bytes, ForwardFn Forward) {
  int Fds[2];
  if (pipe(Fds) != 0)
    std::abort();
  std::thread Writer([&] {
    for (size_t Done = 0; Done < Bytes.size();) {
      ssize_t N = ::write(Fds[1], Bytes.data() + Done, Bytes.size() - Done);
      if (N <= 0)
        break; // the reader stopped early and closed its end
      Done += N;
    }
    close(Fds[1]);
  });
  pii::LspReader Reader(Fds[0]);
  Forward(Reader);
  close(Fds[0]);
  Writer.join();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  // As pii-clangd: a reader gone mid-write is not the end.
  signal(SIGPIPE, SIG_IGN);
  DevNull = open("/dev/null", O_WRONLY);
  llvm::SmallString<128> Path;
  if (DevNull < 0 ||
      llvm::sys::fs::createUniqueDirectory("pii-lsp-fuzzer", Path))
    std::abort();
  NoProgram = Path.str().str();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Bytes(reinterpret_cast<const char *>(Data), Size);
  pii::DocumentTexts Texts;
  pii::DiagnosticMerger Merger(Texts);
  pii::LspWriter ToEditor(DevNull), ToClangd(DevNull);
  {
    pii::AnalysisQueue Analysis(Merger, Texts, ToEditor, NoProgram,
                                pii::Policy::builtin());
    readThroughPipe(Bytes, [&](pii::LspReader &FromEditor) {
      pii::forwardToClangd(FromEditor, ToClangd, Texts, &Analysis);
    });
  }
  readThroughPipe(Bytes, [&](pii::LspReader &FromClangd) {
    pii::forwardToEditor(FromClangd, ToEditor, Merger);
  });
  return 0;
}
