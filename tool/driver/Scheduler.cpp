//===- Scheduler.cpp ------------------------------------------------------===//

#include "driver/Scheduler.h"
#include "driver/FreedMemory.h"
#include "store/InputFile.h"
#include "store/SummaryFile.h"

#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"

#include <atomic>

using namespace clang;

namespace pii {
namespace {

/// Holds \p F's summaries packed, as a file of the program is until every
/// file is done (see FileAnalysis).
FileAnalysis packed(FileAnalysis F) {
  F.Result.PackedSummaries = encodeSummaries(F.Summaries);
  F.SummaryHash = hashContent(F.Result.PackedSummaries);
  F.Summaries = {};
  return F;
}

/// Whether parsing the file again would fail as \p Failed did, as long as
/// the files it read are unchanged: nothing it could not find is among the
/// causes (a missing header stops the parse; a missing file is the
/// driver's error, which has no place), and it read files. A build with a
/// few files its compiler takes and Clang does not (oatpp has four) then
/// pays their parses once, not on every run.
bool failsAlike(const FileAnalysis &Failed) {
  return !Failed.StoppedShort && !Failed.Result.Inputs.empty() &&
         llvm::none_of(
             Failed.Result.Diagnostics, [](const CompilerDiagnostic &D) {
               return D.Level == DiagnosticLevel::Error && D.Where.File.empty();
             });
}

/// Analyzes \p Job's file and keeps the result in \p Cache, replacing an
/// unusable entry. \p Problem, if any, says why the entry was not used.
FileAnalysis analyzeAndStore(const tooling::CompilationDatabase &Commands,
                             const CompileJob &Job, const Policy &P,
                             const Caches &Cache, std::string Problem) {
  FileAnalysis Out =
      packed(parseAndSummarize(Commands, Job, P, {}, &Cache.Preambles));
  // A crash, or a failure that may not repeat, is worth retrying.
  llvm::Error Stored = llvm::Error::success();
  if (!Out.Crashed && (Out.Analyzed || failsAlike(Out)))
    Stored = Cache.Summaries.store(Job.File, Job.Key, Out.Result);
  // The first problem met is the one said.
  if (!Problem.empty())
    Out.CacheProblem = std::move(Problem);
  if (Stored && Out.CacheProblem.empty())
    Out.CacheProblem = llvm::toString(std::move(Stored));
  llvm::consumeError(std::move(Stored));
  return Out;
}

/// \p Job's analysis, from \p Cache if it has it; when it has not, calls
/// \p BeforeParse before parsing, telling it whether the file changed
/// since the cache's entry (or the entry is unusable) rather than has
/// none.
template <typename BeforeParseFn>
FileAnalysis analyzeOrReuse(const tooling::CompilationDatabase &Commands,
                            const CompileJob &Job, const Policy &P,
                            const Caches *Cache, BeforeParseFn BeforeParse) {
  if (!Cache)
    return packed(parseAndSummarize(Commands, Job, P));
  auto Hit = Cache->Summaries.lookup(Job.File, Job.Key);
  if (!Hit || !Hit->Result) {
    BeforeParse(/*Changed=*/!Hit || Hit->Stale);
    return analyzeAndStore(Commands, Job, P, *Cache,
                           Hit ? "" : llvm::toString(Hit.takeError()));
  }
  FileAnalysis Out;
  Out.FromCache = true;
  Out.Result = std::move(*Hit->Result);
  // A file that failed to compile counts no translation unit.
  Out.Analyzed = Out.Result.TranslationUnits > 0;
  Out.SummaryHash = hashContent(Out.Result.PackedSummaries);
  return Out;
}

/// Decodes \p F's summaries. A cache entry is sealed with a checksum, so one
/// that does not decode was written by a broken pii-flow, or by hand: the
/// file is analyzed again, as for any unusable entry.
void unpack(FileAnalysis &F, const tooling::CompilationDatabase &Commands,
            const CompileJob &Job, const Policy &P, const Caches *Cache,
            FunctionPool &Functions) {
  auto Units = decodeSummaries(F.Result.PackedSummaries, Job.File, &Functions);
  if (!Units) {
    // Fresh summaries always decode; only a cached entry can be broken.
    assert(F.FromCache && Cache && "fresh summaries that do not decode");
    F = analyzeAndStore(Commands, Job, P, *Cache,
                        "cache entry for '" + Job.File + "' is unusable (" +
                            llvm::toString(Units.takeError()) +
                            "); analyzing the file again");
    Units = decodeSummaries(F.Result.PackedSummaries, Job.File, &Functions);
  }
  F.Summaries = llvm::cantFail(std::move(Units));
  F.Unpacked = true;
  std::string().swap(F.Result.PackedSummaries);
}

/// Builds the preambles (Preamble.h) of the files a run parses again while
/// it takes the others from the cache, when they are few: files being
/// edited, which the next run will likely parse again. They are built on
/// the cores those parses leave idle. A run that parses many files (a
/// header edited, a first run) builds none: a PCH takes megabytes, and
/// each file has its own.
class PreambleBuilds {
public:
  PreambleBuilds(const tooling::CompilationDatabase &Commands,
                 const std::vector<CompileJob> &Jobs,
                 const PreambleStore &Preambles, unsigned Threads)
      : Commands(Commands), Jobs(Jobs), Preambles(Preambles), Threads(Threads) {
  }

  /// From \p Pool: file \p I was looked up in the cache, and is to be
  /// \p Parsed again or not.
  void lookedUp(size_t I, bool Parsed, llvm::ThreadPoolInterface &Pool) {
    std::vector<size_t> Build;
    {
      std::lock_guard<std::mutex> Guard(Lock);
      if (Parsed)
        ToParse.push_back(I);
      if (++LookedUp < Jobs.size())
        return;
      bool Few = ToParse.size() <= std::max(1u, Threads - 1);
      if (ToParse.size() < Jobs.size() && Few)
        Build = ToParse;
    }
    for (size_t File : Build)
      Pool.async([this, File] {
        llvm::Error Problem =
            preparePreamble(Commands, Jobs[File], {}, Preambles);
        std::lock_guard<std::mutex> Guard(Lock);
        if (Problem)
          Problems.emplace_back(File, llvm::toString(std::move(Problem)));
      });
  }

  /// Once the pool is done: what went wrong with the preamble entries, by
  /// file.
  std::vector<std::pair<size_t, std::string>> Problems;

private:
  const tooling::CompilationDatabase &Commands;
  const std::vector<CompileJob> &Jobs;
  const PreambleStore &Preambles;
  unsigned Threads;
  std::mutex Lock;
  size_t LookedUp = 0;
  std::vector<size_t> ToParse;
};

} // namespace

void ProgramUnpacking::foundCached(size_t I) {
  {
    std::lock_guard<std::mutex> Guard(Lock);
    if (!Parsing) {
      Waiting.push_back(I);
      return;
    }
  }
  unpackAndIndex(I);
}

void ProgramUnpacking::parsing(llvm::ThreadPoolInterface &Pool) {
  std::vector<size_t> Now;
  {
    std::lock_guard<std::mutex> Guard(Lock);
    Parsing = true;
    Now.swap(Waiting);
  }
  for (size_t I : Now)
    Pool.async([this, I] { unpackAndIndex(I); });
}

void ProgramUnpacking::finish(unsigned Threads) {
  unpackSummaries(PerFile, Commands, Jobs, P, Threads, Cache, Functions,
                  [this](size_t I) { addToIndex(I); });
}

void ProgramUnpacking::unpackAndIndex(size_t I) {
  unpack(PerFile[I], Commands, Jobs[I], P, Cache, Functions);
  addToIndex(I);
}

void ProgramUnpacking::addToIndex(size_t I) {
  const FileAnalysis &F = PerFile[I];
  std::lock_guard<std::mutex> Guard(IndexLock);
  // Ranked by file, then by compile command: the order of Program::units().
  for (size_t U = 0; U < F.Summaries.size(); ++U)
    Index.add(F.Summaries[U], (uint64_t(I) << 32) | U);
}

void unpackSummaries(std::vector<FileAnalysis> &PerFile,
                     const tooling::CompilationDatabase &Commands,
                     const std::vector<CompileJob> &Jobs, const Policy &P,
                     unsigned Threads, const Caches *Cache,
                     FunctionPool &Functions,
                     llvm::function_ref<void(size_t)> Unpacked) {
  llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Threads));
  for (size_t I = 0; I < Jobs.size(); ++I)
    if (!PerFile[I].Unpacked)
      Pool.async([&, I] {
        unpack(PerFile[I], Commands, Jobs[I], P, Cache, Functions);
        if (Unpacked)
          Unpacked(I);
      });
  Pool.wait();
}

void scheduleExtraction(std::vector<FileAnalysis> &PerFile,
                        const tooling::CompilationDatabase &Commands,
                        const std::vector<CompileJob> &Jobs, const Policy &P,
                        unsigned Threads, const Caches *Cache,
                        ProgramUnpacking *Unpacking,
                        const DiagnosticsShower &Show,
                        ProgressObserver *Progress) {
  std::optional<DiagnosticsInFileOrder> Shown;
  if (Show)
    Shown.emplace(Jobs.size(), Show);
  llvm::ThreadPoolStrategy Strategy = llvm::hardware_concurrency(Threads);
  llvm::DefaultThreadPool Pool(Strategy);
  std::optional<PreambleBuilds> Preambles;
  if (Cache)
    Preambles.emplace(Commands, Jobs, Cache->Preambles,
                      Strategy.compute_thread_count());
  std::atomic<size_t> Done = 0;
  for (size_t I = 0; I < Jobs.size(); ++I)
    Pool.async([&, I] {
      PerFile[I] =
          analyzeOrReuse(Commands, Jobs[I], P, Cache, [&](bool Changed) {
            Preambles->lookedUp(I, /*Parsed=*/true, Pool);
            if (Unpacking && Changed)
              Unpacking->parsing(Pool);
          });
      if (PerFile[I].FromCache) {
        Preambles->lookedUp(I, /*Parsed=*/false, Pool);
        if (Unpacking)
          Unpacking->foundCached(I);
      }
      if (Shown)
        Shown->done(I, PerFile[I].Result.Diagnostics);
      if (Progress)
        Progress->extracted(++Done, Jobs.size());
    });
  Pool.wait();
  // The parses' memory, in their threads' arenas, before the link's.
  releaseFreedMemory();
  if (Preambles)
    for (auto &[I, Problem] : Preambles->Problems)
      if (PerFile[I].CacheProblem.empty())
        PerFile[I].CacheProblem = std::move(Problem);
}

} // namespace pii
