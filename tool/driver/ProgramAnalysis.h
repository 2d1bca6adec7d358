//===- ProgramAnalysis.h - What analyzing a program found -------*- C++ -*-===//
//
// The result of a Program's link (Program.h): the findings, and everything
// a front end says about how they were found.
//
//===----------------------------------------------------------------------===//

#ifndef PII_DRIVER_PROGRAMANALYSIS_H
#define PII_DRIVER_PROGRAMANALYSIS_H

#include "core/analysis/Analyze.h"
#include "core/link/Link.h"
#include "core/model/Finding.h"

#include <string>
#include <vector>

namespace pii {

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
  /// What the program declares of the names the policy files give
  /// (LinkResult::PolicyNamesDeclared).
  std::vector<PolicyName> PolicyNamesDeclared;
  /// The compiler's diagnostics (errors in the code, misused annotations),
  /// as text in clang's format, file by file.
  std::string Diagnostics;
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

} // namespace pii

#endif // PII_DRIVER_PROGRAMANALYSIS_H
