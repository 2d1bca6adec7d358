//===- ProgramAnalysis.cpp ------------------------------------------------===//

#include "core/ProgramAnalysis.h"
#include "core/AnnotationChecks.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"

#include <set>

using namespace clang;

namespace pii {
namespace {

/// Flags GCC accepts and Clang rejects as unknown arguments; compile
/// databases written for g++ carry them.
constexpr llvm::StringLiteral GccOnlyFlagPrefixes[] = {
    "-fconcepts-diagnostics-depth=",
    "-fno-tree-",
    "-ftree-",
    "-fmax-include-depth=",
    "-fno-allow-store-data-races",
    "-mno-direct-extern-access",
    "-fipa-",
    "-fno-ipa-",
    "-fcond-mismatch",
};

tooling::CommandLineArguments
adjustForLibTooling(const tooling::CommandLineArguments &Args,
                    llvm::StringRef /*File*/) {
  tooling::CommandLineArguments Result;
  bool HasResourceDir = false;
  for (const std::string &Arg : Args) {
    llvm::StringRef A(Arg);
    if (llvm::any_of(GccOnlyFlagPrefixes,
                     [&](llvm::StringRef P) { return A.starts_with(P); }))
      continue;
    HasResourceDir |= A.starts_with("-resource-dir");
    Result.push_back(Arg);
  }
  // Clang's builtin headers (stddef.h, ...): LibTooling would look for them
  // next to this binary, where they are not.
  if (!HasResourceDir && !Result.empty())
    Result.insert(Result.begin() + 1, "-resource-dir=" PII_CLANG_RESOURCE_DIR);
  // The user's compiler warnings are not ours to report, and -Werror in a
  // build's flags must not turn them into failed translation units.
  Result.push_back("-w");
  Result.push_back("-Wno-unknown-warning-option");
  // The compiler prints "N errors generated." straight to stderr, outside
  // the per-file diagnostics buffer (and so out of order under -j); it does
  // not with this option, which our own printer does not read.
  Result.push_back("-fno-caret-diagnostics");
  return Result;
}

/// What the analysis of one file produced.
struct FileAnalysis {
  /// An AST was analyzed (a file that fails to compile has none).
  bool Analyzed = false;
  bool Crashed = false;
  unsigned TranslationUnits = 0;
  unsigned AnnotationProblems = 0;
  AnalysisStats Stats;
  /// One per compile command of the file.
  std::vector<TranslationUnitSummary> Summaries;
  /// The compiler's diagnostics for the file, as text: printed in file order
  /// whatever the order in which files finish.
  std::string Diagnostics;
};

class AnalysisConsumer : public ASTConsumer {
public:
  AnalysisConsumer(const Policy &P, FileAnalysis &Out) : P(P), Out(Out) {}

  void HandleTranslationUnit(ASTContext &AST) override {
    DiagnosticsEngine &Diags = AST.getDiagnostics();
    if (Diags.hasUncompilableErrorOccurred())
      return;
    Out.Analyzed = true;
    ++Out.TranslationUnits;
    unsigned MisuseID = Diags.getCustomDiagID(DiagnosticsEngine::Error, "%0");
    for (const AnnotationProblem &Problem : checkAnnotations(AST)) {
      Diags.Report(Problem.Loc, MisuseID) << Problem.Message;
      ++Out.AnnotationProblems;
    }
    TranslationUnitAnalysis TU = summarizeTranslationUnit(AST, P);
    Out.Stats += TU.Stats;
    Out.Summaries.push_back(std::move(TU.Summary));
  }

private:
  const Policy &P;
  FileAnalysis &Out;
};

class AnalysisAction : public ASTFrontendAction {
public:
  AnalysisAction(const Policy &P, FileAnalysis &Out) : P(P), Out(Out) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 llvm::StringRef) override {
    return std::make_unique<AnalysisConsumer>(P, Out);
  }

private:
  const Policy &P;
  FileAnalysis &Out;
};

class AnalysisActionFactory : public tooling::FrontendActionFactory {
public:
  AnalysisActionFactory(const Policy &P, FileAnalysis &Out) : P(P), Out(Out) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<AnalysisAction>(P, Out);
  }

private:
  const Policy &P;
  FileAnalysis &Out;
};

/// Parses and summarizes \p File with its own tool, so that a file whose
/// command cannot even start a parse is known by name, like one that fails
/// to compile; and under crash recovery, so that a bug of ours costs one
/// file, not the run.
FileAnalysis analyzeFile(const tooling::CompilationDatabase &Commands,
                         const std::string &File, const Policy &P) {
  FileAnalysis Out;
  tooling::ClangTool Tool(Commands, {File});
  Tool.appendArgumentsAdjuster(adjustForLibTooling);
  // The caller says which files failed, in its own words, once.
  Tool.setPrintErrorMessage(false);
  llvm::raw_string_ostream DiagnosticText(Out.Diagnostics);
  llvm::IntrusiveRefCntPtr<DiagnosticOptions> Options = new DiagnosticOptions();
  TextDiagnosticPrinter Printer(DiagnosticText, Options.get());
  Tool.setDiagnosticConsumer(&Printer);
  AnalysisActionFactory Factory(P, Out);
  llvm::CrashRecoveryContext Recovery;
  Out.Crashed = !Recovery.RunSafely([&] { Tool.run(&Factory); });
  return Out;
}

} // namespace

ProgramAnalysis extractProgram(const tooling::CompilationDatabase &Commands,
                               const std::vector<std::string> &Files,
                               const Policy &P, unsigned Jobs) {
  llvm::CrashRecoveryContext::Enable();
  std::vector<FileAnalysis> PerFile(Files.size());
  {
    llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Jobs));
    for (size_t I = 0; I < Files.size(); ++I)
      Pool.async([&, I] { PerFile[I] = analyzeFile(Commands, Files[I], P); });
    Pool.wait();
  }

  // Everything in file order, so that -j changes nothing but the time.
  ProgramAnalysis Result;
  for (size_t I = 0; I < Files.size(); ++I) {
    FileAnalysis &F = PerFile[I];
    Result.Diagnostics += F.Diagnostics;
    Result.TranslationUnits += F.TranslationUnits;
    Result.AnnotationProblems += F.AnnotationProblems;
    Result.Stats += F.Stats;
    if (F.Crashed)
      Result.CrashedFiles.push_back(Files[I]);
    else if (!F.Analyzed)
      Result.FailedFiles.push_back(Files[I]);
    for (TranslationUnitSummary &S : F.Summaries)
      Result.Summaries.push_back(std::move(S));
  }
  return Result;
}

void linkProgram(ProgramAnalysis &Program, const Policy &P) {
  LinkResult Linked = link(Program.Summaries, P);
  Program.Findings = std::move(Linked.Findings);
  Program.Link = Linked.Stats;
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

ProgramAnalysis analyzeProgram(const tooling::CompilationDatabase &Commands,
                               const std::vector<std::string> &Files,
                               const Policy &P, unsigned Jobs) {
  ProgramAnalysis Result = extractProgram(Commands, Files, P, Jobs);
  linkProgram(Result, P);
  return Result;
}

} // namespace pii
