//===- ProgramAnalysis.cpp ------------------------------------------------===//

#include "driver/ProgramAnalysis.h"
#include "driver/IsolatedRun.h"
#include "driver/Scheduler.h"
#include "store/InputFile.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringSet.h"

#include <chrono>
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
ProgramAnalysis merge(std::vector<FileAnalysis> &PerFile,
                      const std::vector<CompileJob> &Jobs) {
  ProgramAnalysis Result;
  std::set<std::string> Diagnostics;
  std::set<PlacedProblem> AnnotationProblems;
  llvm::StringSet<> Inputs;
  for (size_t I = 0; I < Jobs.size(); ++I) {
    FileAnalysis &F = PerFile[I];
    appendNewDiagnostics(Result.Diagnostics, F.Result.Diagnostics, Diagnostics);
    Result.TranslationUnits += F.Result.TranslationUnits;
    // A header's problems are found by every file that includes it.
    for (const PlacedProblem &Problem : F.Result.AnnotationProblems)
      if (AnnotationProblems.insert(Problem).second)
        Result.AnnotationProblems.push_back(Problem);
    Result.Stats += F.Result.Stats;
    Result.CacheHits += F.FromCache;
    Result.PreambleParses += F.WithPreamble;
    if (!F.CacheProblem.empty())
      Result.CacheProblems.push_back(std::move(F.CacheProblem));
    if (F.Crashed)
      Result.CrashedFiles.push_back(Jobs[I].File);
    else if (!F.Analyzed)
      Result.FailedFiles.push_back(Jobs[I].File);
    for (TranslationUnitSummary &S : F.Summaries)
      Result.Summaries.push_back(std::move(S));
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

FileExtraction extractionOf(FileAnalysis &&F, const std::string &File) {
  FileExtraction Out;
  Out.File = File;
  Out.Summaries = std::move(F.Summaries);
  for (InputFile &Input : F.Result.Inputs)
    Out.Inputs.push_back(std::move(Input.Path));
  Out.AnnotationProblems = std::move(F.Result.AnnotationProblems);
  Out.Crashed = F.Crashed;
  return Out;
}

} // namespace

std::vector<FileExtraction>
extractFiles(const tooling::CompilationDatabase &Commands,
             const std::vector<std::string> &Files, const Policy &P,
             unsigned Threads, const Caches &Cache) {
  std::vector<CompileJob> Jobs = compileJobs(Commands, Files);
  std::vector<FileAnalysis> PerFile(Jobs.size());
  scheduleExtraction(PerFile, Commands, Jobs, P, Threads, &Cache);
  unpackSummaries(PerFile, Commands, Jobs, P, Threads, &Cache);
  std::vector<FileExtraction> Result;
  for (size_t I = 0; I < Jobs.size(); ++I)
    Result.push_back(extractionOf(std::move(PerFile[I]), Jobs[I].File));
  return Result;
}

FileExtraction extractFile(const tooling::CompilationDatabase &Commands,
                           const std::string &File, const Policy &P,
                           const FileOverlay &Overlay,
                           const PreambleStore *Preambles) {
  return extractionOf(parseAndSummarize(Commands, compileJob(Commands, File), P,
                                        Overlay, Preambles),
                      File);
}

ProgramAnalysis extractProgram(const tooling::CompilationDatabase &Commands,
                               const std::vector<std::string> &Files,
                               const Policy &P, unsigned Threads,
                               const Caches *Cache,
                               const DiagnosticsShower &Show) {
  auto Start = std::chrono::steady_clock::now();
  std::vector<CompileJob> Jobs = compileJobs(Commands, Files);
  std::vector<FileAnalysis> PerFile(Jobs.size());
  scheduleExtraction(PerFile, Commands, Jobs, P, Threads, Cache, nullptr, Show);
  unpackSummaries(PerFile, Commands, Jobs, P, Threads, Cache);
  ProgramAnalysis Result = merge(PerFile, Jobs);
  Result.ExtractSeconds = secondsSince(Start);
  return Result;
}
/// Takes \p Linked's findings, and its approximations with those of every
/// unit of \p Program.
static void adoptLink(ProgramAnalysis &Program, LinkResult Linked) {
  Program.Findings = std::move(Linked.Findings);
  Program.Link = Linked.Stats;
  Program.Suppressions = std::move(Linked.Suppressions);
  std::set<std::pair<SourceSpot, std::string>> Seen;
  auto Keep = [&](const Approximation &A) {
    if (Seen.emplace(A.Where, A.Kind).second)
      Program.Approximations.push_back(A);
  };
  for (const TranslationUnitSummary &TU : Program.Summaries)
    llvm::for_each(TU.Approximations, Keep);
  llvm::for_each(Linked.Approximations, Keep);
  llvm::sort(Program.Approximations,
             [](const Approximation &A, const Approximation &B) {
               return std::tie(A.Where, A.Kind) < std::tie(B.Where, B.Kind);
             });
}

void linkProgram(ProgramAnalysis &Program, const Policy &P) {
  auto Start = std::chrono::steady_clock::now();
  LinkResult Linked;
  Program.LinkCrashed =
      !runIsolated([&] { Linked = link(Program.Summaries, P); });
  Program.LinkSeconds = secondsSince(Start);
  adoptLink(Program, std::move(Linked));
}

ProgramAnalysis analyzeProgram(const tooling::CompilationDatabase &Commands,
                               const std::vector<std::string> &Files,
                               const Policy &P, unsigned Threads,
                               const Caches *Cache,
                               const DiagnosticsShower &Show) {
  if (!Cache) {
    ProgramAnalysis Result =
        extractProgram(Commands, Files, P, Threads, Cache, Show);
    linkProgram(Result, P);
    return Result;
  }
  auto Start = std::chrono::steady_clock::now();
  std::vector<CompileJob> Jobs = compileJobs(Commands, Files);
  std::vector<FileAnalysis> PerFile(Jobs.size());
  ProgramUnpacking Unpacking(PerFile, Commands, Jobs, P, Cache);
  scheduleExtraction(PerFile, Commands, Jobs, P, Threads, Cache, &Unpacking,
                     Show);
  uint64_t Digest = digestOf(PerFile);
  std::string LinkProblem;
  auto Linked = Cache->Summaries.lookupLink(Files, Digest);
  if (!Linked)
    LinkProblem = llvm::toString(Linked.takeError());
  else if (*Linked) {
    ProgramAnalysis Result = merge(PerFile, Jobs);
    Result.ExtractSeconds = secondsSince(Start);
    Result.Findings = std::move((*Linked)->Findings);
    Result.Link = (*Linked)->Stats;
    Result.Approximations = std::move((*Linked)->Approximations);
    Result.Suppressions = std::move((*Linked)->Suppressions);
    Result.LinkFromCache = true;
    return Result;
  }
  Unpacking.finish(Threads);
  // A file analyzed again changed the summaries the link is stored under.
  Digest = digestOf(PerFile);
  double ExtractSeconds = secondsSince(Start);
  auto LinkStart = std::chrono::steady_clock::now();
  LinkResult Fresh;
  bool LinkCrashed = !runIsolated(
      [&] { Fresh = link(Unpacking.index(), Unpacking.units(), P); });
  double LinkSeconds = secondsSince(LinkStart);
  ProgramAnalysis Result = merge(PerFile, Jobs);
  Result.ExtractSeconds = ExtractSeconds;
  Result.LinkSeconds = LinkSeconds;
  adoptLink(Result, std::move(Fresh));
  Result.LinkCrashed = LinkCrashed;
  if (!LinkProblem.empty())
    Result.CacheProblems.push_back(std::move(LinkProblem));
  if (LinkCrashed)
    return Result;
  if (llvm::Error Stored = Cache->Summaries.storeLink(
          Files, Digest,
          {Result.Findings, Result.Link, Result.Approximations,
           Result.Suppressions}))
    Result.CacheProblems.push_back(llvm::toString(std::move(Stored)));
  return Result;
}

} // namespace pii
