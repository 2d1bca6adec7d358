//===- input_fuzzer.cpp - libFuzzer target for what users hand in ---------===//
//
// Policy files and baselines come from anywhere; their readers must answer
// every input with a result or an error: no crash, no hang, no unbounded
// memory. Built and run by scripts/fuzz.sh, not part of CI.
//
//===----------------------------------------------------------------------===//

#include "core/policy/PolicyFile.h"
#include "report/SarifBaseline.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  if (auto Policy = pii::parsePolicy(Text); !Policy)
    llvm::consumeError(Policy.takeError());
  if (auto Baseline = pii::parseBaseline(Text); !Baseline)
    llvm::consumeError(Baseline.takeError());
  return 0;
}
