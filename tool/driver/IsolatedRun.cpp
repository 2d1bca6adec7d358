//===- IsolatedRun.cpp ----------------------------------------------------===//

#include "driver/IsolatedRun.h"

#include "llvm/Support/CrashRecoveryContext.h"

#include <csignal>
#include <memory>
#include <mutex>
#include <pthread.h>

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

/// Work and its outcome, for the thread that runs it.
struct IsolatedWork {
  llvm::function_ref<void()> Work;
  bool Completed = false;
};

void *runSafely(void *Argument) {
  auto &Job = *static_cast<IsolatedWork *>(Argument);
  AlternateSignalStack SignalStack;
  llvm::CrashRecoveryContext Recovery;
  Job.Completed = Recovery.RunSafely(Job.Work);
  return nullptr;
}

/// Runs \p Job on a new thread with \p StackBytes of stack, and waits for
/// it; false if no such thread could be made.
bool runOnThread(IsolatedWork &Job, size_t StackBytes) {
  pthread_attr_t Attributes;
  if (pthread_attr_init(&Attributes))
    return false;
  pthread_t Thread;
  bool Started = !pthread_attr_setstacksize(&Attributes, StackBytes) &&
                 !pthread_create(&Thread, &Attributes, runSafely, &Job);
  pthread_attr_destroy(&Attributes);
  if (Started)
    pthread_join(Thread, nullptr);
  return Started;
}

} // namespace

bool runIsolated(llvm::function_ref<void()> Work) {
  enableCrashRecovery();
  IsolatedWork Job{Work};
  // Under a limit on address space (ulimit -v) a large stack may not be
  // had: a smaller one, or this thread's, is still under crash recovery.
  if (!runOnThread(Job, IsolatedStackBytes) &&
      !runOnThread(Job, FallbackStackBytes))
    runSafely(&Job);
  return Job.Completed;
}

} // namespace pii
