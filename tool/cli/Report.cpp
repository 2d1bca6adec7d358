//===- Report.cpp ---------------------------------------------------------===//

#include "cli/Report.h"
#include "report/TextReporter.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

using namespace llvm;

namespace pii {

static void printStats(raw_ostream &OS, const ProgramAnalysis &Result,
                       size_t Files) {
  std::map<std::string, unsigned> ByKind;
  for (const Approximation &A : Result.Approximations)
    ++ByKind[A.Kind];
  OS << "pii-flow statistics:\n"
     << "  translation units: " << Result.TranslationUnits << " of " << Files
     << " analyzed\n"
     << "  functions:         " << Result.Link.Functions << " ("
     << Result.Stats.IncompleteFunctions << " incomplete)\n"
     << "  call sites:        " << Result.Link.CallSites << " ("
     << Result.Link.OpaqueCallSites << " to functions with no body)\n"
     << "  summaries:         " << Result.Link.Summaries << "\n"
     << "  from the cache:    " << Result.CacheHits << " of " << Files
     << " files\n"
     << "  time:              " << format("%.2f", Result.ExtractSeconds)
     << " s extract, " << format("%.2f", Result.LinkSeconds) << " s link\n"
     << "  findings:          " << Result.Findings.size() << "\n"
     << "  approximations:    " << Result.Approximations.size();
  const char *Separator = " (";
  for (const auto &[Kind, Count] : ByKind) {
    OS << Separator << Kind << ": " << Count;
    Separator = ", ";
  }
  OS << (ByKind.empty() ? "\n" : ")\n");
  for (const Approximation &A : Result.Approximations)
    OS << A.Where.File << ':' << A.Where.Line << ':' << A.Where.Column
       << ": remark: " << A.Detail << " [approximation: " << A.Kind << "]\n";
}

int report(const ProgramAnalysis &Result, size_t Files, bool Stats,
           bool Incomplete) {
  errs() << Result.Diagnostics;
  printFindings(outs(), Result.Findings);
  outs().flush();
  for (const std::string &File : Result.FailedFiles)
    errs() << "pii-flow: error: '" << File
           << "' could not be compiled; it was not analyzed\n";
  for (const std::string &Problem : Result.CacheProblems)
    errs() << "pii-flow: warning: " << Problem << '\n';
  for (const std::string &File : Result.CrashedFiles)
    errs() << "pii-flow: error: internal error while analyzing '" << File
           << "'; its flows are missing (please report this with the file)\n";
  if (Stats)
    printStats(errs(), Result, Files);
  errs() << "pii-flow: " << Result.Findings.size()
         << (Result.Findings.size() == 1 ? " finding" : " findings") << " in "
         << Result.TranslationUnits << " of " << Files << " translation units ("
         << Result.Link.Functions
         << (Result.Link.Functions == 1 ? " function" : " functions")
         << " analyzed)\n";
  if (Incomplete || !Result.complete())
    return ExitIncomplete;
  return Result.Findings.empty() ? ExitClean : ExitFindings;
}

} // namespace pii
