//===- IsolatedRun.h - Work that may crash alone ----------------*- C++ -*-===//
//
// A bug of ours, or input deeper than Clang's own recursion can take, must
// cost one file, not the whole run (or the editor's server). Each file's
// parse and analysis therefore runs on a thread of its own with a large
// stack, under LLVM's crash recovery, with the crash signals handled on an
// alternate stack so that a stack overflow is recovered from like any other
// crash.
//
//===----------------------------------------------------------------------===//

#ifndef PII_DRIVER_ISOLATEDRUN_H
#define PII_DRIVER_ISOLATEDRUN_H

#include "llvm/ADT/STLFunctionalExtras.h"

#include <cstddef>

namespace pii {

/// The stack each isolated run gets: 32 times what Clang asks for its own
/// parse (clang::DesiredStackSize), so that input Clang compiles is never
/// too deep for us. Only the pages used are ever committed.
inline constexpr size_t IsolatedStackBytes = size_t(256) << 20;
/// What it gets when that much address space cannot be had: Clang's own.
inline constexpr size_t FallbackStackBytes = size_t(8) << 20;

/// Runs \p Work on a thread with IsolatedStackBytes of stack (or less, when
/// the process may not have that much), and waits for it. Returns false if
/// Work crashed (its effects so far stay; what it allocated is leaked, as
/// Clang does after a crash).
bool runIsolated(llvm::function_ref<void()> Work);

} // namespace pii

#endif // PII_DRIVER_ISOLATEDRUN_H
