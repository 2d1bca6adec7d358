//===- Program.cpp --------------------------------------------------------===//

#include "driver/Program.h"
#include "core/link/LinkMemo.h"
#include "driver/FreedMemory.h"
#include "driver/IsolatedRun.h"
#include "driver/Scheduler.h"
#include "store/Caches.h"
#include "store/InputFile.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <chrono>
#include <future>
#include <set>

using namespace clang;

namespace pii {
namespace {

/// Seconds since \p Start.
double secondsSince(std::chrono::steady_clock::time_point Start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
      .count();
}

/// The files' results as one program, in file order, so that -j changes
/// nothing but the time.
ProgramAnalysis merge(const std::vector<FileAnalysis> &PerFile,
                      const std::vector<CompileJob> &Jobs) {
  ProgramAnalysis Result;
  SaidDiagnostics Diagnostics;
  std::set<PlacedProblem> AnnotationProblems;
  llvm::StringSet<> Inputs;
  for (size_t I = 0; I < Jobs.size(); ++I) {
    const FileAnalysis &F = PerFile[I];
    Diagnostics.appendNew(Result.Diagnostics, F.Result.Diagnostics);
    Result.TranslationUnits += F.Result.TranslationUnits;
    // A header's problems are found by every file that includes it.
    for (const PlacedProblem &Problem : F.Result.AnnotationProblems)
      if (AnnotationProblems.insert(Problem).second)
        Result.AnnotationProblems.push_back(Problem);
    Result.Stats += F.Result.Stats;
    Result.CacheHits += F.FromCache;
    Result.PreambleParses += F.WithPreamble;
    if (!F.CacheProblem.empty())
      Result.CacheProblems.push_back(F.CacheProblem);
    if (F.Crashed)
      Result.CrashedFiles.push_back(Jobs[I].File);
    else if (!F.Analyzed)
      Result.FailedFiles.push_back(Jobs[I].File);
    // Files share most of their inputs (the standard headers): each is
    // taken once, before sorting.
    for (const InputFile &Input : F.Result.Inputs)
      if (Inputs.insert(Input.Path).second)
        Result.Inputs.push_back(Input.Path);
  }
  llvm::sort(Result.Inputs);
  return Result;
}

/// Identifies the summaries a program is linked from.
uint64_t digestOf(const std::vector<FileAnalysis> &PerFile) {
  std::string Hashes;
  for (const FileAnalysis &F : PerFile)
    Hashes.append(reinterpret_cast<const char *>(&F.SummaryHash),
                  sizeof(F.SummaryHash));
  return hashContent(Hashes);
}

/// Takes \p Linked's findings, and its approximations with those of every
/// one of \p Units.
void adoptLink(ProgramAnalysis &Program, LinkResult Linked,
               llvm::ArrayRef<const TranslationUnitSummary *> Units) {
  Program.Findings = std::move(Linked.Findings);
  Program.Link = Linked.Stats;
  Program.Suppressions = std::move(Linked.Suppressions);
  Program.PolicyNamesDeclared = std::move(Linked.PolicyNamesDeclared);
  std::set<std::pair<SourceSpot, ApproximationKind>> Seen;
  auto Keep = [&](const Approximation &A) {
    if (Seen.emplace(A.Where, A.Kind).second)
      Program.Approximations.push_back(A);
  };
  for (const TranslationUnitSummary *Unit : Units)
    llvm::for_each(Unit->Approximations, Keep);
  llvm::for_each(Linked.Approximations, Keep);
  llvm::sort(Program.Approximations,
             [](const Approximation &A, const Approximation &B) {
               return std::tie(A.Where, A.Kind) < std::tie(B.Where, B.Kind);
             });
}

/// \p Path absolute, without dots: as inputs are recorded.
std::string normalized(llvm::StringRef Path) {
  llvm::SmallString<256> Result(Path);
  llvm::sys::fs::make_absolute(Result);
  llvm::sys::path::remove_dots(Result, /*remove_dot_dot=*/false);
  return Result.str().str();
}

/// \p Units indexed for the link, ranked in their order.
ProgramIndex indexOf(llvm::ArrayRef<const TranslationUnitSummary *> Units) {
  ProgramIndex Index;
  for (size_t U = 0; U < Units.size(); ++U)
    Index.add(*Units[U], U);
  return Index;
}

/// Links \p Units, with \p Index holding them already, into \p Result;
/// with \p Memo, from the summaries an earlier link left there.
void linkInto(ProgramAnalysis &Result, const ProgramIndex &Index,
              llvm::ArrayRef<const TranslationUnitSummary *> Units,
              const Policy &P, ProgressObserver *Progress, uint64_t Budget,
              LinkMemo *Memo = nullptr) {
  auto Start = std::chrono::steady_clock::now();
  LinkOptions Options;
  Options.StepBudget = Budget;
  if (Progress)
    Options.Progress = [Progress](const LinkProgress &Where) {
      Progress->linking(Where);
    };
  LinkResult Linked;
  Result.LinkCrashed =
      !runIsolated([&] { Linked = pii::link(Index, Units, P, Options, Memo); });
  Result.LinkSeconds = secondsSince(Start);
  adoptLink(Result, std::move(Linked), Units);
}

} // namespace

ProgramAnalysis linkUnits(llvm::ArrayRef<const TranslationUnitSummary *> Units,
                          const Policy &P, ProgressObserver *Progress,
                          uint64_t Budget) {
  ProgramAnalysis Result;
  linkInto(Result, indexOf(Units), Units, P, Progress, Budget);
  return Result;
}

Program::Program(const tooling::CompilationDatabase &Commands,
                 const std::vector<std::string> &Files, const Policy &P,
                 const Caches *Cache)
    : Commands(Commands), P(P), Cache(Cache),
      Jobs(compileJobs(Commands, Files)), PerFile(Jobs.size()) {}

Program::~Program() = default;

void Program::rememberLinks() {
  if (!Memo)
    Memo = std::make_unique<LinkMemo>();
}

void Program::extractAll(unsigned Threads, const DiagnosticsShower &Show) {
  auto Start = std::chrono::steady_clock::now();
  this->Threads = Threads;
  if (Cache)
    Unpacking = std::make_unique<ProgramUnpacking>(PerFile, Commands, Jobs, P,
                                                   Cache, Functions);
  scheduleExtraction(PerFile, Commands, Jobs, P, Threads, Cache,
                     Unpacking.get(), Show, Progress);
  ExtractSeconds = secondsSince(Start);
}

size_t Program::jobOf(const std::string &File) {
  for (size_t I = 0; I < Jobs.size(); ++I)
    if (Jobs[I].File == File)
      return I;
  Jobs.push_back(compileJob(Commands, File));
  PerFile.emplace_back();
  return Jobs.size() - 1;
}

bool Program::update(const std::string &File, const FileOverlay &Overlay) {
  size_t I = jobOf(File);
  // The index was built from the summaries this replaces, and holds no
  // newcomer.
  Unpacking.reset();
  Updated = true;
  // The link after it needs every file's summaries: those still packed
  // (taken from the cache, and the link with them) are unpacked while the
  // file parses, on a thread the parse leaves idle. The file's own are
  // replaced, not unpacked.
  PerFile[I].Unpacked = true;
  std::future<void> Others;
  if (llvm::any_of(PerFile, [](const FileAnalysis &F) { return !F.Unpacked; }))
    Others = std::async(std::launch::async, [this] {
      unpackSummaries(PerFile, Commands, Jobs, P, Threads, Cache, Functions);
    });
  FileAnalysis Parsed = parseAndSummarize(Commands, Jobs[I], P, Overlay,
                                          Cache ? &Cache->Preambles : nullptr);
  if (Others.valid())
    Others.wait();
  PerFile[I] = std::move(Parsed);
  PerFile[I].Unpacked = true;
  // The summaries replaced may have been the last to hold some functions.
  Functions.prune();
  for (TranslationUnitSummary &Unit : PerFile[I].Summaries)
    Functions.intern(Unit);
  return PerFile[I].WithPreamble;
}

llvm::Error Program::preparePreamble(const std::string &File,
                                     const FileOverlay &Overlay) const {
  if (!Cache)
    return llvm::Error::success();
  return pii::preparePreamble(Commands, compileJob(Commands, File), Overlay,
                              Cache->Preambles);
}

std::vector<const TranslationUnitSummary *> Program::units() const {
  std::vector<const TranslationUnitSummary *> Units;
  for (const FileAnalysis &F : PerFile)
    for (const TranslationUnitSummary &Unit : F.Summaries)
      Units.push_back(&Unit);
  return Units;
}

std::vector<std::string> Program::readersOf(const std::string &File) const {
  std::string Path = normalized(File);
  std::vector<std::string> Readers;
  for (size_t I = 0; I < Jobs.size(); ++I)
    if (normalized(Jobs[I].File) == Path ||
        llvm::any_of(PerFile[I].Result.Inputs, [&](const InputFile &Input) {
          return Input.Path == Path;
        }))
      Readers.push_back(Jobs[I].File);
  return Readers;
}

ProgramAnalysis Program::merged() const {
  ProgramAnalysis Result = merge(PerFile, Jobs);
  Result.ExtractSeconds = ExtractSeconds;
  return Result;
}

ProgramAnalysis Program::extraction() {
  // Unpacking the summaries counts as extraction, as decoding them would
  // in a run that never held them packed.
  auto Start = std::chrono::steady_clock::now();
  if (Unpacking)
    Unpacking->finish(Threads);
  else
    unpackSummaries(PerFile, Commands, Jobs, P, Threads, Cache, Functions);
  ExtractSeconds += secondsSince(Start);
  return merged();
}

ProgramAnalysis Program::link() {
  std::vector<std::string> Files;
  for (const CompileJob &Job : Jobs)
    Files.push_back(Job.File);
  // Summaries of texts that need not be on disk are keyed by nothing in the
  // cache, and neither is their link.
  bool Cached = Cache && !Updated;
  uint64_t Digest = 0;
  std::string LinkProblem;
  if (Cached) {
    Digest = digestOf(PerFile);
    auto Linked = Cache->Summaries.lookupLink(Files, Digest);
    if (!Linked) {
      LinkProblem = llvm::toString(Linked.takeError());
    } else if (*Linked) {
      ProgramAnalysis Result = merged();
      Result.Findings = std::move((*Linked)->Findings);
      Result.Link = (*Linked)->Stats;
      Result.Approximations = std::move((*Linked)->Approximations);
      Result.Suppressions = std::move((*Linked)->Suppressions);
      Result.PolicyNamesDeclared = std::move((*Linked)->PolicyNamesDeclared);
      Result.LinkFromCache = true;
      return Result;
    }
  }
  ProgramAnalysis Result = extraction();
  // A cache entry that did not decode was analyzed again: the link is
  // stored under the summaries it was made from.
  if (Cached)
    Digest = digestOf(PerFile);
  // The last run's link's summaries are taken from the cache by every link
  // of the command line, whose program is not kept for the next, and by
  // the editor's first link (after an edit, as the first is most often
  // the cache's), whose memo is empty yet. Those of a link of the files
  // on disk are kept there for the next run.
  std::unique_ptr<LinkMemo> ForNextRun;
  if (Cached && !Memo)
    ForNextRun = std::make_unique<LinkMemo>();
  LinkMemo *Memory = Memo ? Memo.get() : ForNextRun.get();
  bool TakesMemo = Cache && Memory && Memory->summaries() == 0;
  bool StoresMemo = Cached && TakesMemo;
  bool MemoAdopted = false;
  if (TakesMemo) {
    auto Last = Cache->Summaries.lookupMemo(Files);
    if (!Last) {
      Result.CacheProblems.push_back(llvm::toString(Last.takeError()));
    } else if (*Last) {
      Memory->adopt(std::move(**Last));
      MemoAdopted = true;
    }
  }
  std::vector<const TranslationUnitSummary *> Units = units();
  // The files taken from the cache were indexed while others parsed.
  if (Unpacking)
    linkInto(Result, Unpacking->index(), Units, P, Progress, LinkBudget,
             Memory);
  else
    linkInto(Result, indexOf(Units), Units, P, Progress, LinkBudget, Memory);
  Unpacking.reset();
  // What a link that crashed left in the memo need not hold, nor be safe
  // to take apart: it is leaked, as what the crash allocated is.
  if (Result.LinkCrashed) {
    (void)ForNextRun.release();
    if (Memo) {
      (void)Memo.release();
      Memo = std::make_unique<LinkMemo>();
    }
  }
  if (!LinkProblem.empty())
    Result.CacheProblems.push_back(std::move(LinkProblem));
  // A link stopped at its budget is not kept: the next run, perhaps with a
  // larger one, links again.
  if (!Cached || Result.LinkCrashed || Result.Link.BudgetExhausted)
    return Result;
  auto Keep = [&](llvm::Error Stored) {
    if (Stored)
      Result.CacheProblems.push_back(llvm::toString(std::move(Stored)));
  };
  Keep(Cache->Summaries.storeLink(Files, Digest,
                                  {Result.Findings, Result.Link,
                                   Result.Approximations, Result.Suppressions,
                                   Result.PolicyNamesDeclared}));
  // A link that computed no summary nor followed any flow, taking each
  // from the memo entry, would store what the entry holds: the next run finds
  // its bodies there as this one did (places that moved move again from the
  // same shapes). Writing it is seconds on a large program.
  bool NothingNew = MemoAdopted &&
                    Result.Link.KeptSummaries == Result.Link.Summaries &&
                    Result.Link.KeptFlows == Result.Link.Flows;
  if (StoresMemo && !NothingNew) {
    // The link's facts and summaries, before the snapshot is built on top
    // of them: 300 MiB less at the peak on tdlib.
    releaseFreedMemory();
    Keep(Cache->Summaries.storeMemo(Files, Memory->snapshot()));
  }
  return Result;
}

} // namespace pii
