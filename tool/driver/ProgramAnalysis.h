//===- ProgramAnalysis.h - Parse and analyze a set of files -----*- C++ -*-===//
//
// Runs the analysis over translation units with LibTooling: it makes compile
// commands usable by a LibTooling binary (builtin headers, GCC-only flags),
// parses each file, reports misused annotations through the file's own
// diagnostics, and gathers every finding. A file that fails to compile is
// recorded and skipped; the others are still analyzed.
//
//===----------------------------------------------------------------------===//

#ifndef PII_DRIVER_PROGRAMANALYSIS_H
#define PII_DRIVER_PROGRAMANALYSIS_H

#include "core/analysis/Analyze.h"
#include "core/analysis/AnnotationChecks.h"
#include "core/link/Link.h"
#include "core/model/Finding.h"
#include "driver/CompilerDiagnostics.h"
#include "store/InputFile.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace clang::tooling {
class CompilationDatabase;
}

namespace pii {

struct Caches;
class PreambleStore;

struct ProgramAnalysis {
  std::vector<Finding> Findings;
  AnalysisStats Stats;
  LinkStats Link;
  unsigned TranslationUnits = 0;
  /// Files whose analysis is missing or partial: they did not compile.
  std::vector<std::string> FailedFiles;
  /// Files whose analysis crashed: an internal error, reported as such.
  std::vector<std::string> CrashedFiles;
  /// The whole-program link crashed: the findings are those it had made.
  bool LinkCrashed = false;
  /// Misused pii:: annotations and names no rule knows, each once (each
  /// also among the Diagnostics, as Clang prints it).
  std::vector<PlacedProblem> AnnotationProblems;
  /// Where the analysis approximates, from every translation unit and the
  /// link step, sorted by place.
  std::vector<Approximation> Approximations;
  /// The program's suppression comments, in the order of their places.
  std::vector<SuppressionComment> Suppressions;
  /// The compiler's diagnostics (errors in the code, misused annotations),
  /// as text in clang's format, file by file.
  std::string Diagnostics;
  /// One per analyzed compile command, in file order. When the findings
  /// came from the cache (LinkFromCache), only the summaries that were
  /// decoded anyway, while a file was parsed.
  std::vector<TranslationUnitSummary> Summaries;
  /// Every file the analyzed translation units read.
  std::vector<std::string> Inputs;
  /// Wall-clock seconds spent extracting (parsing, summarizing) and
  /// linking.
  double ExtractSeconds = 0;
  double LinkSeconds = 0;
  /// Files whose summaries came from the cache.
  unsigned CacheHits = 0;
  /// Files parsed with a preamble standing for their leading #include
  /// lines (Preamble.h).
  unsigned PreambleParses = 0;
  /// Whether the findings came from the cache: no summary had changed.
  bool LinkFromCache = false;
  /// Cache entries that were unusable (and rebuilt) or could not be written.
  std::vector<std::string> CacheProblems;

  bool complete() const {
    return FailedFiles.empty() && CrashedFiles.empty() && !LinkCrashed &&
           !Link.BudgetExhausted &&
           llvm::none_of(AnnotationProblems,
                         [](const PlacedProblem &P) { return !P.Warning; });
  }
};

/// What one file contributes to the program.
struct FileExtraction {
  std::string File;
  std::vector<TranslationUnitSummary> Summaries;
  /// Every file its translation unit read.
  std::vector<std::string> Inputs;
  std::vector<PlacedProblem> AnnotationProblems;
  /// The analysis crashed (an internal error): what it holds is partial.
  bool Crashed = false;
};

/// \p Files extracted or taken from \p Cache, \p Threads at a time, each on
/// its own: for a caller that keeps the program between edits.
std::vector<FileExtraction>
extractFiles(const clang::tooling::CompilationDatabase &Commands,
             const std::vector<std::string> &Files, const Policy &P,
             unsigned Threads, const Caches &Cache);

/// \p File extracted again, with \p Overlay; the result is not cached,
/// since the texts it read need not be on disk. With \p Preambles, the
/// file's preamble is used if it has a usable one there.
FileExtraction extractFile(const clang::tooling::CompilationDatabase &Commands,
                           const std::string &File, const Policy &P,
                           const FileOverlay &Overlay,
                           const PreambleStore *Preambles = nullptr);

/// Parses and summarizes \p Files, each compiled with its command from
/// \p Commands, \p Threads translation units at a time (0: one per core):
/// everything but the findings, which come from linkProgram. With \p Cache,
/// unchanged files are not parsed again. The result depends on neither.
/// With \p Show, diagnostics are shown as the files are done.
ProgramAnalysis
extractProgram(const clang::tooling::CompilationDatabase &Commands,
               const std::vector<std::string> &Files, const Policy &P,
               unsigned Threads, const Caches *Cache = nullptr,
               const DiagnosticsShower &Show = nullptr);

/// Links the summaries of \p Program into its findings and approximations.
void linkProgram(ProgramAnalysis &Program, const Policy &P);

/// extractProgram, then linkProgram: a plain run.
ProgramAnalysis
analyzeProgram(const clang::tooling::CompilationDatabase &Commands,
               const std::vector<std::string> &Files, const Policy &P,
               unsigned Threads, const Caches *Cache = nullptr,
               const DiagnosticsShower &Show = nullptr);

} // namespace pii

#endif // PII_DRIVER_PROGRAMANALYSIS_H
