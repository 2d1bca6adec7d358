//===- ProgramAnalysis.cpp ------------------------------------------------===//

#include "core/ProgramAnalysis.h"
#include "core/AnnotationChecks.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CrashRecoveryContext.h"

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
  return Result;
}

class AnalysisConsumer : public ASTConsumer {
public:
  AnalysisConsumer(const Policy &P, ProgramAnalysis &Out,
                   std::vector<TranslationUnitSummary> &Summaries,
                   bool &Analyzed)
      : P(P), Out(Out), Summaries(Summaries), Analyzed(Analyzed) {}

  void HandleTranslationUnit(ASTContext &AST) override {
    DiagnosticsEngine &Diags = AST.getDiagnostics();
    if (Diags.hasUncompilableErrorOccurred())
      return;
    Analyzed = true;
    ++Out.TranslationUnits;
    unsigned MisuseID = Diags.getCustomDiagID(DiagnosticsEngine::Error, "%0");
    for (const AnnotationProblem &Problem : checkAnnotations(AST)) {
      Diags.Report(Problem.Loc, MisuseID) << Problem.Message;
      ++Out.AnnotationProblems;
    }
    TranslationUnitAnalysis TU = summarizeTranslationUnit(AST, P);
    Out.Stats += TU.Stats;
    Summaries.push_back(std::move(TU.Summary));
  }

private:
  const Policy &P;
  ProgramAnalysis &Out;
  std::vector<TranslationUnitSummary> &Summaries;
  bool &Analyzed;
};

class AnalysisAction : public ASTFrontendAction {
public:
  AnalysisAction(const Policy &P, ProgramAnalysis &Out,
                 std::vector<TranslationUnitSummary> &Summaries, bool &Analyzed)
      : P(P), Out(Out), Summaries(Summaries), Analyzed(Analyzed) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 llvm::StringRef) override {
    return std::make_unique<AnalysisConsumer>(P, Out, Summaries, Analyzed);
  }

private:
  const Policy &P;
  ProgramAnalysis &Out;
  std::vector<TranslationUnitSummary> &Summaries;
  bool &Analyzed;
};

/// Creates the action for each compile command of one file and remembers
/// whether any of them got as far as an analyzable AST.
class AnalysisActionFactory : public tooling::FrontendActionFactory {
public:
  AnalysisActionFactory(const Policy &P, ProgramAnalysis &Out,
                        std::vector<TranslationUnitSummary> &Summaries)
      : P(P), Out(Out), Summaries(Summaries) {}
  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<AnalysisAction>(P, Out, Summaries, Analyzed);
  }
  bool analyzed() const { return Analyzed; }

private:
  const Policy &P;
  ProgramAnalysis &Out;
  std::vector<TranslationUnitSummary> &Summaries;
  bool Analyzed = false;
};

} // namespace

ProgramAnalysis analyzeProgram(const tooling::CompilationDatabase &Commands,
                               const std::vector<std::string> &Files,
                               const Policy &P) {
  ProgramAnalysis Result;
  std::vector<TranslationUnitSummary> Summaries;
  // One tool per file, so that a file whose command cannot even start a parse
  // is known by name, like one that fails to compile.
  // A bug of ours must not take the whole run down: a file whose analysis
  // crashes is reported, and the others are analyzed.
  llvm::CrashRecoveryContext::Enable();
  for (const std::string &File : Files) {
    tooling::ClangTool Tool(Commands, {File});
    Tool.appendArgumentsAdjuster(adjustForLibTooling);
    // The caller says which files failed, in its own words, once.
    Tool.setPrintErrorMessage(false);
    AnalysisActionFactory Factory(P, Result, Summaries);
    llvm::CrashRecoveryContext Recovery;
    if (!Recovery.RunSafely([&] { Tool.run(&Factory); }))
      Result.CrashedFiles.push_back(File);
    else if (!Factory.analyzed())
      Result.FailedFiles.push_back(File);
  }
  LinkResult Linked = link(Summaries, P);
  Result.Findings = std::move(Linked.Findings);
  Result.Link = Linked.Stats;
  std::set<std::pair<SourceSpot, std::string>> Seen;
  auto Keep = [&](const Approximation &A) {
    if (Seen.emplace(A.Where, A.Kind).second)
      Result.Approximations.push_back(A);
  };
  for (const TranslationUnitSummary &TU : Summaries)
    llvm::for_each(TU.Approximations, Keep);
  llvm::for_each(Linked.Approximations, Keep);
  llvm::sort(Result.Approximations,
             [](const Approximation &A, const Approximation &B) {
               return std::tie(A.Where, A.Kind) < std::tie(B.Where, B.Kind);
             });
  return Result;
}

} // namespace pii
