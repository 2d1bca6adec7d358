//===- Scheduler.h - The files of a program, on every core ------*- C++ -*-===//
//
// Extraction runs each file on its own (FileParse.h), as many at a time as
// asked, taking unchanged files from the cache. Summaries are held packed
// until every file is done, then unpacked on every core; with a cache, the
// files taken from it are unpacked while others parse, and the preambles of
// the few files parsed again (those being edited) are built on the cores
// the parses leave idle.
//
//===----------------------------------------------------------------------===//

#ifndef PII_DRIVER_SCHEDULER_H
#define PII_DRIVER_SCHEDULER_H

#include "core/link/ProgramIndex.h"
#include "driver/CompilerDiagnostics.h"
#include "driver/FileParse.h"
#include "driver/FunctionPool.h"
#include "driver/Progress.h"
#include "store/Caches.h"

#include "llvm/ADT/STLFunctionalExtras.h"

#include <mutex>
#include <vector>

namespace llvm {
class ThreadPoolInterface;
}

namespace pii {

/// Unpacks the files of a program, each once, and indexes their summaries
/// for the link as they come. Files taken from the cache are unpacked while
/// other files parse: a parse holds a core for a second or more, and
/// unpacking a large program in the meantime, on the cores the parse leaves
/// idle, takes it off the time between the parse and the findings. Until a
/// file that changed is parsed, nothing is unpacked: a run that parses
/// nothing, or only files that failed before (failures are not kept, and
/// so are tried again), most likely finds its link result in the cache.
class ProgramUnpacking {
public:
  ProgramUnpacking(std::vector<FileAnalysis> &PerFile,
                   const clang::tooling::CompilationDatabase &Commands,
                   const std::vector<CompileJob> &Jobs, const Policy &P,
                   const Caches *Cache, FunctionPool &Functions)
      : PerFile(PerFile), Commands(Commands), Jobs(Jobs), P(P), Cache(Cache),
        Functions(Functions) {}

  /// From \p Pool: file \p I was taken from the cache.
  void foundCached(size_t I);

  /// From \p Pool: a file that changed is about to be parsed.
  void parsing(llvm::ThreadPoolInterface &Pool);

  /// Unpacks the files not unpacked yet, \p Threads at a time.
  void finish(unsigned Threads);

  /// Once finished: the index of the program's units, ranked by file and
  /// then by compile command.
  const ProgramIndex &index() const { return Index; }

private:
  void unpackAndIndex(size_t I);
  void addToIndex(size_t I);

  std::vector<FileAnalysis> &PerFile;
  const clang::tooling::CompilationDatabase &Commands;
  const std::vector<CompileJob> &Jobs;
  const Policy &P;
  const Caches *Cache;
  FunctionPool &Functions;
  std::mutex Lock;
  bool Parsing = false;
  std::vector<size_t> Waiting;
  std::mutex IndexLock;
  ProgramIndex Index;
};

/// Decodes the summaries of every file not unpacked yet, \p Threads files
/// at a time, their functions shared through \p Functions, and calls
/// \p Unpacked with each file's index once it is done.
void unpackSummaries(std::vector<FileAnalysis> &PerFile,
                     const clang::tooling::CompilationDatabase &Commands,
                     const std::vector<CompileJob> &Jobs, const Policy &P,
                     unsigned Threads, const Caches *Cache,
                     FunctionPool &Functions,
                     llvm::function_ref<void(size_t)> Unpacked = nullptr);

/// Analyzes each of \p Jobs into \p PerFile, or takes it from \p Cache,
/// \p Threads at a time; with \p Unpacking, unpacks cached files meanwhile;
/// with \p Show, shows their diagnostics as they come; with \p Progress,
/// counts the files done.
void scheduleExtraction(std::vector<FileAnalysis> &PerFile,
                        const clang::tooling::CompilationDatabase &Commands,
                        const std::vector<CompileJob> &Jobs, const Policy &P,
                        unsigned Threads, const Caches *Cache,
                        ProgramUnpacking *Unpacking = nullptr,
                        const DiagnosticsShower &Show = nullptr,
                        ProgressObserver *Progress = nullptr);

} // namespace pii

#endif // PII_DRIVER_SCHEDULER_H
