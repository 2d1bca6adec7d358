//===- summary_fuzzer.cpp - libFuzzer target for summary files ------------===//
//
// `pii-flow link` reads summaries written anywhere (another machine, another
// build), so decodeSummaries must answer every input with summaries or an
// error: no crash, no hang, no unbounded memory. Each input is tried twice:
// as a whole file, which the checksum on its first line almost always
// refuses, and as the archive behind a valid seal, so that the decoder proper
// sees the mutations. The seeds are real summaries (pii-flow extract on the
// e2e cases and the example; tests/fuzz/make-seeds.sh writes them again
// after a format change); their archive is what follows the first line.
// Built and run by scripts/fuzz.sh, not part of CI.
//
//===----------------------------------------------------------------------===//

#include "store/SummaryFile.h"

#include <cstddef>
#include <cstdint>

static void decode(llvm::StringRef Data) {
  if (auto Units = pii::decodeSummaries(Data, "fuzz.summary"); !Units)
    llvm::consumeError(Units.takeError());
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  decode(Text);
  // A seed's first line is its seal; anything else is all archive.
  llvm::StringRef Archive = Text;
  if (Text.starts_with("pii-flow "))
    Archive = Text.split('\n').second;
  decode(pii::seal("summary", Archive));
  return 0;
}
