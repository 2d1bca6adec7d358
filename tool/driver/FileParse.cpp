//===- FileParse.cpp ------------------------------------------------------===//

#include "driver/FileParse.h"
#include "core/analysis/AnnotationChecks.h"
#include "core/analysis/FlowSteps.h"
#include "core/analysis/ParseObservers.h"
#include "driver/DiagnosticCapture.h"
#include "driver/IsolatedRun.h"
#include "driver/ParseTool.h"
#include "driver/Preamble.h"
#include "driver/PreambleDiagnostics.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace clang;

namespace pii {
namespace {

class AnalysisConsumer : public ASTConsumer {
public:
  AnalysisConsumer(const Policy &P, FileAnalysis &Out, ParseObservers &Observed)
      : P(P), Out(Out), Observed(Observed) {}

  void HandleTranslationUnit(ASTContext &AST) override {
    DiagnosticsEngine &Diags = AST.getDiagnostics();
    // A file with errors still has an AST (Clang recovers), and its flows
    // are worth reporting, as an editor shows them while the user types;
    // but the file counts as not analyzed (the run is incomplete), and its
    // partial result is cached only when a parse again would fail alike
    // (Scheduler.cpp).
    Out.Analyzed = !Diags.hasUncompilableErrorOccurred();
    Out.Result.TranslationUnits += Out.Analyzed;
    std::vector<AnnotationProblem> Problems = checkAnnotations(AST, P);
    llvm::append_range(Problems, Observed.UnknownAttributes.take());
    reportAnnotationProblems(Diags, Problems);
    TranslationUnitAnalysis TU = summarizeTranslationUnit(AST, P);
    TU.Summary.Suppressions = Observed.Suppressions.take();
    Out.Result.Stats += TU.Stats;
    Out.Summaries.push_back(std::move(TU.Summary));
    for (InputFile &Input : inputsOf(AST.getSourceManager()))
      Out.Result.Inputs.push_back(std::move(Input));
  }

private:
  void reportAnnotationProblems(DiagnosticsEngine &Diags,
                                llvm::ArrayRef<AnnotationProblem> Problems) {
    unsigned MisuseID = Diags.getCustomDiagID(DiagnosticsEngine::Error, "%0");
    unsigned UnknownNameID =
        Diags.getCustomDiagID(DiagnosticsEngine::Warning, "%0");
    // -w and -Werror in the build's flags are about the compiler's warnings,
    // not pii-flow's.
    bool IgnoreWarnings = Diags.getIgnoreAllWarnings();
    bool WarningsAsErrors = Diags.getWarningsAsErrors();
    Diags.setIgnoreAllWarnings(false);
    Diags.setWarningsAsErrors(false);
    for (const AnnotationProblem &Problem : Problems) {
      Diags.Report(Problem.Loc, Problem.Warning ? UnknownNameID : MisuseID)
          << Problem.Message;
      Out.Result.AnnotationProblems.push_back(
          {spotOf(Diags.getSourceManager(), Problem.Loc), Problem.Message,
           Problem.Warning});
    }
    Diags.setIgnoreAllWarnings(IgnoreWarnings);
    Diags.setWarningsAsErrors(WarningsAsErrors);
  }

  const Policy &P;
  FileAnalysis &Out;
  ParseObservers &Observed;
};

class AnalysisAction : public ASTFrontendAction {
public:
  AnalysisAction(const Policy &P, FileAnalysis &Out) : P(P), Out(Out) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    Observed.observe(CI.getPreprocessor());
    return std::make_unique<AnalysisConsumer>(P, Out, Observed);
  }

private:
  const Policy &P;
  FileAnalysis &Out;
  ParseObservers Observed;
};

class AnalysisActionFactory : public tooling::FrontendActionFactory {
public:
  /// With \p Pch, the path of a preamble's PCH, loaded before the file.
  AnalysisActionFactory(const Policy &P, FileAnalysis &Out,
                        std::optional<std::string> Pch)
      : P(P), Out(Out), Pch(std::move(Pch)) {}

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHOperations,
                     DiagnosticConsumer *Diagnostics) override {
    if (Pch) {
      PreprocessorOptions &Preprocessor = Invocation->getPreprocessorOpts();
      Preprocessor.ImplicitPCHInclude = *Pch;
      // The store checked every file the PCH read; Clang would look for
      // its header, which is never on disk.
      Preprocessor.DisablePCHOrModuleValidation =
          DisableValidationForModuleKind::PCH;
    }
    return FrontendActionFactory::runInvocation(
        std::move(Invocation), Files, std::move(PCHOperations), Diagnostics);
  }

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<AnalysisAction>(P, Out);
  }

private:
  const Policy &P;
  FileAnalysis &Out;
  std::optional<std::string> Pch;
};

/// A preamble that fits the file as it is now, and the file's leading
/// #include lines it stands for.
struct FittingPreamble {
  Preamble Pre;
  LeadingIncludes Includes;
};

/// Parses and summarizes \p File with its own tool, so that a file whose
/// command cannot even start a parse is known by name, like one that fails
/// to compile; and isolated (IsolatedRun.h), so that a bug of ours or a
/// stack overflow costs one file, not the run. \p Overlay's texts replace the
/// files on disk. With \p Fit, its PCH stands for the file's leading #include
/// lines; the result is then none when the file is better parsed without (see
/// PreambleDiagnosticPrinter::unfaithful).
std::optional<FileAnalysis>
parseFile(const tooling::CompilationDatabase &Commands, const std::string &File,
          const Policy &P, const FileOverlay &Overlay,
          const FittingPreamble *Fit) {
  FileAnalysis Out;
  std::unique_ptr<tooling::ClangTool> Tool =
      parseToolFor(Commands, File, Overlay);
  // The tool keeps the paths it is given by reference.
  std::optional<std::string> Pch;
  std::string Header = preambleHeaderPath(File);
  std::string Printed;
  llvm::raw_string_ostream DiagnosticText(Printed);
  llvm::IntrusiveRefCntPtr<DiagnosticOptions> Options = new DiagnosticOptions();
  // As the compiler prints them: after #line directives.
  Options->ShowPresumedLoc = true;
  std::optional<PreambleDiagnosticPrinter> AsWithout;
  std::optional<TextDiagnosticPrinter> Plain;
  if (Fit) {
    Pch = preamblePchPath(File);
    Tool->mapVirtualFile(*Pch, Fit->Pre.Pch);
    Tool->mapVirtualFile(Header, Fit->Pre.IncludeLines);
    AsWithout.emplace(DiagnosticText, Options.get(), Fit->Pre, Fit->Includes,
                      Header);
  } else {
    Plain.emplace(DiagnosticText, Options.get());
  }
  const DiagnosticConsumer &Printer =
      Fit ? static_cast<const DiagnosticConsumer &>(*AsWithout) : *Plain;
  DiagnosticCapture Captured(const_cast<DiagnosticConsumer &>(Printer), Printed,
                             Out.Result.Diagnostics);
  Tool->setDiagnosticConsumer(&Captured);
  AnalysisActionFactory Factory(P, Out, Pch);
  Out.Crashed = !runIsolated([&] { Tool->run(&Factory); });
  // Errors the parse did not see, the driver's (an invalid -std=), count
  // as much as its own; those about annotations are ours, and do not.
  unsigned OwnErrors = llvm::count_if(
      Out.Result.AnnotationProblems,
      [](const PlacedProblem &Problem) { return !Problem.Warning; });
  if (Captured.getNumErrors() > OwnErrors)
    Out.Analyzed = false;
  Out.StoppedShort = Captured.stoppedShort();
  // What a crashed analysis got to is not a translation unit analyzed.
  if (Out.Crashed || !Out.Analyzed)
    Out.Result.TranslationUnits = 0;
  if (!Fit)
    return Out;
  if (Out.Crashed || AsWithout->unfaithful())
    return std::nullopt;
  Out.WithPreamble = true;
  // The parse read the PCH's headers only as far as it needed them.
  llvm::erase_if(Out.Result.Inputs, [&](const InputFile &Input) {
    return Input.Path == *Pch || Input.Path == Header;
  });
  llvm::append_range(Out.Result.Inputs, Fit->Pre.Inputs);
  auto ByPath = [](const InputFile &A, const InputFile &B) {
    return A.Path < B.Path;
  };
  llvm::stable_sort(Out.Result.Inputs, ByPath);
  Out.Result.Inputs.erase(
      std::unique(Out.Result.Inputs.begin(), Out.Result.Inputs.end(),
                  [](const InputFile &A, const InputFile &B) {
                    return A.Path == B.Path;
                  }),
      Out.Result.Inputs.end());
  return Out;
}

/// The text of \p File, as a parse reads it.
std::optional<std::string> mainTextOf(const std::string &File,
                                      const FileOverlay &Overlay) {
  auto Open = Overlay.find(File);
  if (Open != Overlay.end())
    return Open->second;
  auto Buffer = llvm::MemoryBuffer::getFile(File);
  if (!Buffer)
    return std::nullopt;
  return (*Buffer)->getBuffer().str();
}

/// \p File's leading #include lines, if it can have a preamble
/// (Preamble.h).
std::optional<LeadingIncludes> includesOf(const std::string &File,
                                          const FileOverlay &Overlay) {
  std::optional<std::string> Text = mainTextOf(File, Overlay);
  return Text ? leadingIncludes(*Text) : std::nullopt;
}

/// \p Job's preamble in \p Preambles, if it fits the file as it is now; an
/// error if its entry is unusable.
llvm::Expected<std::optional<FittingPreamble>>
fittingPreamble(const CompileJob &Job, const FileOverlay &Overlay,
                const PreambleStore &Preambles) {
  std::optional<LeadingIncludes> Includes = includesOf(Job.File, Overlay);
  if (!Includes)
    return std::nullopt;
  auto Pre = Preambles.lookup(Job.File, Job.Key, Includes->Lines, Overlay);
  if (!Pre)
    return Pre.takeError();
  if (!*Pre)
    return std::nullopt;
  return FittingPreamble{std::move(**Pre), std::move(*Includes)};
}

} // namespace

/// A parse with a preamble that could not print a diagnostic as a parse
/// without does is done again without.
FileAnalysis parseAndSummarize(const tooling::CompilationDatabase &Commands,
                               const CompileJob &Job, const Policy &P,
                               const FileOverlay &Overlay,
                               const PreambleStore *Preambles) {
  // The first problem met with the cache is the one said.
  std::string Problem;
  std::optional<FittingPreamble> Fit;
  if (Preambles) {
    auto Found = fittingPreamble(Job, Overlay, *Preambles);
    if (Found)
      Fit = std::move(*Found);
    else
      Problem = llvm::toString(Found.takeError());
  }
  std::optional<FileAnalysis> Out;
  if (Fit && !Fit->Pre.Pch.empty()) {
    Out = parseFile(Commands, Job.File, P, Overlay, &*Fit);
    // Until the headers change, the preamble is kept without its PCH, so
    // that it is neither tried nor built again.
    if (!Out) {
      Fit->Pre.Pch.clear();
      llvm::Error Stored = Preambles->store(Job.File, Job.Key, Fit->Pre);
      if (Stored && Problem.empty())
        Problem = llvm::toString(std::move(Stored));
      llvm::consumeError(std::move(Stored));
    }
  }
  if (!Out)
    Out = parseFile(Commands, Job.File, P, Overlay, /*Fit=*/nullptr);
  Out->CacheProblem = std::move(Problem);
  return std::move(*Out);
}

llvm::Error preparePreamble(const tooling::CompilationDatabase &Commands,
                            const CompileJob &Job, const FileOverlay &Overlay,
                            const PreambleStore &Preambles) {
  std::optional<LeadingIncludes> Includes = includesOf(Job.File, Overlay);
  if (!Includes)
    return llvm::Error::success();
  auto Found = Preambles.lookup(Job.File, Job.Key, Includes->Lines, Overlay);
  if (Found && *Found)
    return llvm::Error::success();
  // An unusable entry is said, and replaced.
  llvm::Error Problem = Found.takeError();
  if (std::optional<Preamble> Built = buildPreamble(
          Commands, Job.File, std::move(Includes->Lines), Overlay))
    if (llvm::Error Stored = Preambles.store(Job.File, Job.Key, *Built))
      Problem = llvm::joinErrors(std::move(Problem), std::move(Stored));
  return Problem;
}

} // namespace pii
