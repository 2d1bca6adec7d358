//===- IsolatedRun.cpp ----------------------------------------------------===//

#include "core/IsolatedRun.h"

#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/thread.h"

#include <csignal>
#include <memory>
#include <mutex>
#include <optional>

namespace pii {
namespace {

/// Enables LLVM's crash recovery, with its handlers of the signals a stack
/// overflow raises moved to the alternate signal stack: LLVM installs them
/// without SA_ONSTACK, and a handler cannot run on the stack that ran out.
void enableCrashRecovery() {
  static std::once_flag Once;
  std::call_once(Once, [] {
    llvm::CrashRecoveryContext::Enable();
    for (int Signal : {SIGSEGV, SIGBUS}) {
      struct sigaction Action;
      if (sigaction(Signal, nullptr, &Action) == 0) {
        Action.sa_flags |= SA_ONSTACK;
        sigaction(Signal, &Action, nullptr);
      }
    }
  });
}

/// An alternate signal stack for the calling thread while it lives.
class AlternateSignalStack {
public:
  AlternateSignalStack() : Memory(new char[Bytes]) {
    stack_t Stack{};
    Stack.ss_sp = Memory.get();
    Stack.ss_size = Bytes;
    Installed = sigaltstack(&Stack, &Previous) == 0;
  }
  ~AlternateSignalStack() {
    if (Installed)
      sigaltstack(&Previous, nullptr);
  }
  AlternateSignalStack(const AlternateSignalStack &) = delete;
  AlternateSignalStack &operator=(const AlternateSignalStack &) = delete;

private:
  // LLVM's handler formats no stack trace here; a few pages are plenty.
  static constexpr size_t Bytes = 64 << 10;
  std::unique_ptr<char[]> Memory;
  stack_t Previous{};
  bool Installed = false;
};

} // namespace

bool runIsolated(llvm::function_ref<void()> Work) {
  enableCrashRecovery();
  bool Completed = false;
  llvm::thread Thread(std::optional<unsigned>(IsolatedStackBytes), [&] {
    AlternateSignalStack SignalStack;
    llvm::CrashRecoveryContext Recovery;
    Completed = Recovery.RunSafely(Work);
  });
  Thread.join();
  return Completed;
}

} // namespace pii
