//===- Report.cpp ---------------------------------------------------------===//

#include "cli/Report.h"
#include "report/FindingPipeline.h"
#include "report/GithubReporter.h"
#include "report/Messages.h"
#include "report/SarifReporter.h"
#include "report/TextReporter.h"
#include "report/UnmatchedPolicyNames.h"
#include "store/AtomicFile.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

using namespace llvm;

namespace pii {

static void printStats(raw_ostream &OS, const ProgramAnalysis &Result,
                       const PreparedFindings &Prepared, size_t Files) {
  std::map<std::string, unsigned> ByKind;
  for (const Approximation &A : Result.Approximations)
    ++ByKind[approximationName(A.Kind).str()];
  OS << "pii-flow statistics:\n"
     << "  translation units: " << Result.TranslationUnits << " of " << Files
     << " analyzed\n"
     << "  functions:         " << Result.Link.Functions << " ("
     << Result.Stats.IncompleteFunctions << " incomplete, "
     << Result.Link.DifferingFunctions << " with bodies that differ between "
     << "units)\n"
     << "  call sites:        " << Result.Link.CallSites << " ("
     << Result.Link.OpaqueCallSites << " to functions with no body)\n"
     << "  summaries:         " << Result.Link.Summaries << " ("
     << Result.Link.KeptSummaries << " kept from the last link, "
     << Result.Link.Steps << " link steps"
     << (Result.Link.BudgetExhausted ? ", the budget exhausted" : "") << ")\n"
     << "  flows of sources:  " << Result.Link.Flows << " ("
     << Result.Link.KeptFlows << " kept from the last link)\n"
     << "  from the cache:    " << Result.CacheHits << " of " << Files
     << " files" << (Result.LinkFromCache ? ", and the link" : "") << "\n"
     << "  with a preamble:   " << Result.PreambleParses << " of "
     << Files - Result.CacheHits << " files parsed\n"
     << "  time:              " << format("%.2f", Result.ExtractSeconds)
     << " s extract, " << format("%.2f", Result.LinkSeconds) << " s link\n"
     << "  findings:          " << Prepared.Open.size() << " ("
     << Prepared.accepted() << " suppressed, " << Prepared.InBaseline
     << " in the baseline)\n"
     << "  approximations:    " << Result.Approximations.size();
  const char *Separator = " (";
  for (const auto &[Kind, Count] : ByKind) {
    OS << Separator << Kind << ": " << Count;
    Separator = ", ";
  }
  OS << (ByKind.empty() ? "\n" : ")\n");
  for (const Approximation &A : Result.Approximations)
    printDiagnostic(OS, A.Where, "remark",
                    approximationMessage(A) + " [approximation: " +
                        approximationName(A.Kind).str() + "]");
}

/// What the analysis could not do: files not analyzed, or analyzed only in
/// part, and a link that crashed.
static std::vector<RunProblem> analysisProblems(const ProgramAnalysis &Result) {
  std::vector<RunProblem> Problems;
  auto WholeFile = [](const std::string &File) {
    return SourceSpot{File, 0, 0};
  };
  for (const std::string &File : Result.FailedFiles)
    Problems.push_back({RuleLevel::Error,
                        "'" + File +
                            "' could not be compiled; only what Clang parsed "
                            "of it was analyzed",
                        WholeFile(File)});
  for (const std::string &File : Result.CrashedFiles)
    Problems.push_back({RuleLevel::Error,
                        "internal error while analyzing '" + File +
                            "'; its flows are missing (please report this "
                            "with the file)",
                        WholeFile(File)});
  if (Result.LinkCrashed)
    Problems.push_back({RuleLevel::Error,
                        "internal error in the whole-program link; flows it "
                        "had not found are missing (please report this)",
                        std::nullopt});
  for (const Approximation &A : Result.Approximations)
    if (A.Kind == ApproximationKind::LinkBudget)
      Problems.push_back(
          {RuleLevel::Error,
           approximationMessage(A) + " (a larger --link-budget lets it go on)",
           A.Where});
  return Problems;
}

static bool isError(const RunProblem &P) { return P.Level == RuleLevel::Error; }

/// The policy's entries that apply to nothing in the program. Not said of
/// a link that crashed, which may not have gathered the declarations.
static std::vector<RunProblem>
policyNameProblems(const ProgramAnalysis &Result,
                   const ReportOptions &Options) {
  if (Result.LinkCrashed)
    return {};
  return unmatchedPolicyNames(Options.PolicyNames, Result.PolicyNamesDeclared,
                              Options.Rules->UnknownNamesAreErrors
                                  ? RuleLevel::Error
                                  : RuleLevel::Warning);
}

/// What the run could not do or warns of, for SARIF's notifications: what
/// the options said, what the analysis could not do, every policy entry
/// that applies to nothing, every misused annotation or name no rule knows,
/// every problem with a suppression.
static std::vector<RunProblem>
runProblems(const ProgramAnalysis &Result, const ReportOptions &Options,
            const std::vector<PlacedProblem> &Suppressions,
            const std::vector<RunProblem> &PolicyNameProblems) {
  std::vector<RunProblem> Problems = Options.Problems;
  llvm::append_range(Problems, analysisProblems(Result));
  llvm::append_range(Problems, PolicyNameProblems);
  for (const auto *Placed : {&Result.AnnotationProblems, &Suppressions})
    for (const PlacedProblem &P : *Placed)
      Problems.push_back({P.Warning ? RuleLevel::Warning : RuleLevel::Error,
                          P.Message, P.Where});
  return Problems;
}

int report(ProgramAnalysis &Result, const ReportOptions &Options) {
  SourceLines Lines;
  PreparedFindings Prepared = prepareFindings(
      std::move(Result.Findings), Result.Suppressions,
      {Options.Rules, Options.SourceRoot, Options.Baseline}, Lines);
  const std::vector<Finding> &Open = Prepared.Open;
  const std::vector<PlacedProblem> &SuppressionProblems =
      Prepared.SuppressionProblems;

  // What is left of them: a file whose cache entry turned out unusable was
  // analyzed again since.
  StringRef Diagnostics = Result.Diagnostics;
  if (Diagnostics.starts_with(Options.DiagnosticsShown))
    Diagnostics = Diagnostics.drop_front(Options.DiagnosticsShown.size());
  errs() << Diagnostics;
  std::vector<RunProblem> PolicyNameProblems =
      policyNameProblems(Result, Options);
  for (const RunProblem &P : PolicyNameProblems)
    printDiagnostic(errs(), *P.Where, toString(P.Level), P.Message);
  if (Options.Format == OutputFormat::Github)
    printGithubAnnotations(outs(), Open, Options.SourceRoot);
  else
    printFindings(outs(), Open);
  outs().flush();
  for (const std::string &Problem : Result.CacheProblems)
    errs() << "pii-flow: warning: " << Problem << '\n';
  for (const RunProblem &P : analysisProblems(Result))
    errs() << "pii-flow: error: " << P.Message << '\n';
  for (const PlacedProblem &P : SuppressionProblems)
    printDiagnostic(errs(), P.Where, P.Warning ? "warning" : "error",
                    P.Message);
  if (Options.Stats)
    printStats(errs(), Result, Prepared, Options.Files);

  bool Incomplete =
      !Result.complete() ||
      llvm::any_of(SuppressionProblems,
                   [](const PlacedProblem &P) { return !P.Warning; }) ||
      llvm::any_of(Options.Problems, isError) ||
      llvm::any_of(PolicyNameProblems, isError);
  if (!Options.SarifPath.empty()) {
    std::vector<RunProblem> Problems =
        runProblems(Result, Options, SuppressionProblems, PolicyNameProblems);
    if (Error E = writeFileAtomically(
            Options.SarifPath,
            sarifLog({Prepared.Findings, *Options.Rules, Problems,
                      Options.SourceRoot, Lines}))) {
      errs() << "pii-flow: error: " << toString(std::move(E)) << '\n';
      Incomplete = true;
    }
  }

  size_t Accepted = Prepared.accepted();
  size_t InBaseline = Prepared.InBaseline;
  errs() << "pii-flow: " << Open.size()
         << (Open.size() == 1 ? " finding" : " findings");
  if (InBaseline || Accepted) {
    errs() << " (";
    if (InBaseline)
      errs() << InBaseline << " more in the baseline" << (Accepted ? ", " : "");
    if (Accepted)
      errs() << Accepted << " accepted by suppressions";
    errs() << ")";
  }
  errs() << " in " << Result.TranslationUnits << " of " << Options.Files
         << " translation units (" << Result.Link.Functions
         << (Result.Link.Functions == 1 ? " function" : " functions")
         << " analyzed)\n";
  if (Incomplete)
    return ExitIncomplete;
  return Open.empty() ? ExitClean : ExitFindings;
}

} // namespace pii
