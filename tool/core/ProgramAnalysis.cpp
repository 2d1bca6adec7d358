//===- ProgramAnalysis.cpp ------------------------------------------------===//

#include "core/ProgramAnalysis.h"
#include "core/AnnotationChecks.h"
#include "core/SummaryCache.h"
#include "core/SummaryFile.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CrashRecoveryContext.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <chrono>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <set>

using namespace clang;

namespace pii {
namespace {

/// Seconds since \p Start.
double secondsSince(std::chrono::steady_clock::time_point Start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
      .count();
}

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
  bool FromCache = false;
  /// Set when a cache entry was unusable, or could not be written.
  std::string CacheProblem;
  FileResult Result;
  /// Result.Summaries of a freshly parsed file, encoded: held until every
  /// file is done, summaries would otherwise add to the memory of the parses
  /// still running several times what the encoding takes.
  std::string PackedSummaries;
};

/// Gives the memory the parses freed back to the system. glibc keeps freed
/// memory in each thread's arena; the link step allocates on the main
/// thread, so without this the run's peak would be the parses' memory plus
/// the link's rather than the larger of the two.
void releaseFreedMemory() {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

void packSummaries(FileAnalysis &F) {
  if (F.FromCache)
    return;
  F.PackedSummaries = encodeSummaries(F.Result.Summaries);
  F.Result.Summaries = {};
}

/// Every file the translation unit read, to tell later whether it changed.
std::vector<InputFile> inputsOf(SourceManager &SM) {
  std::vector<InputFile> Inputs;
  for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
    FileEntryRef File = It->first;
    InputFile Input;
    // Relative names are relative to the compile command's directory, which
    // a later run's working directory need not be.
    llvm::SmallString<256> Path(File.getName());
    SM.getFileManager().makeAbsolutePath(Path);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/false);
    Input.Path = Path.str().str();
    Input.Size = File.getSize();
    llvm::sys::fs::file_status Status;
    if (!llvm::sys::fs::status(Input.Path, Status))
      Input.ModifiedNs =
          Status.getLastModificationTime().time_since_epoch().count();
    if (auto Buffer = SM.getMemoryBufferForFileOrNone(File))
      Input.Hash = SummaryCache::hashContent(Buffer->getBuffer());
    Inputs.push_back(std::move(Input));
  }
  llvm::sort(Inputs, [](const InputFile &A, const InputFile &B) {
    return A.Path < B.Path;
  });
  return Inputs;
}

class AnalysisConsumer : public ASTConsumer {
public:
  AnalysisConsumer(const Policy &P, FileAnalysis &Out) : P(P), Out(Out) {}

  void HandleTranslationUnit(ASTContext &AST) override {
    DiagnosticsEngine &Diags = AST.getDiagnostics();
    if (Diags.hasUncompilableErrorOccurred())
      return;
    Out.Analyzed = true;
    ++Out.Result.TranslationUnits;
    unsigned MisuseID = Diags.getCustomDiagID(DiagnosticsEngine::Error, "%0");
    for (const AnnotationProblem &Problem : checkAnnotations(AST)) {
      Diags.Report(Problem.Loc, MisuseID) << Problem.Message;
      ++Out.Result.AnnotationProblems;
    }
    TranslationUnitAnalysis TU = summarizeTranslationUnit(AST, P);
    Out.Result.Stats += TU.Stats;
    Out.Result.Summaries.push_back(std::move(TU.Summary));
    for (InputFile &Input : inputsOf(AST.getSourceManager()))
      Out.Result.Inputs.push_back(std::move(Input));
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
  // A file system of its own: the shared real one follows the compile
  // command's directory by changing the process's working directory, which
  // parallel tools would race on.
  tooling::ClangTool Tool(Commands, {File},
                          std::make_shared<PCHContainerOperations>(),
                          llvm::vfs::createPhysicalFileSystem());
  Tool.appendArgumentsAdjuster(adjustForLibTooling);
  // The caller says which files failed, in its own words, once.
  Tool.setPrintErrorMessage(false);
  llvm::raw_string_ostream DiagnosticText(Out.Result.Diagnostics);
  llvm::IntrusiveRefCntPtr<DiagnosticOptions> Options = new DiagnosticOptions();
  TextDiagnosticPrinter Printer(DiagnosticText, Options.get());
  Tool.setDiagnosticConsumer(&Printer);
  AnalysisActionFactory Factory(P, Out);
  llvm::CrashRecoveryContext Recovery;
  Out.Crashed = !Recovery.RunSafely([&] { Tool.run(&Factory); });
  return Out;
}

/// The compile commands of \p File, as the cache keys them.
std::vector<std::string>
commandsOf(const tooling::CompilationDatabase &Commands,
           const std::string &File) {
  std::vector<std::string> Lines;
  for (const tooling::CompileCommand &Command :
       Commands.getCompileCommands(File))
    Lines.push_back(Command.Directory + '\0' +
                    llvm::join(Command.CommandLine, std::string(1, '\0')));
  return Lines;
}

FileAnalysis analyzeOrReuse(const tooling::CompilationDatabase &Commands,
                            const std::string &File, const Policy &P,
                            const SummaryCache *Cache) {
  if (!Cache)
    return analyzeFile(Commands, File, P);
  std::vector<std::string> Key = commandsOf(Commands, File);
  FileAnalysis Out;
  if (auto Hit = Cache->lookup(File, Key, Out.CacheProblem)) {
    Out.Analyzed = Out.FromCache = true;
    Out.Result = std::move(*Hit);
    return Out;
  }
  std::string LookupProblem = std::move(Out.CacheProblem);
  Out = analyzeFile(Commands, File, P);
  // Only complete analyses are kept: a failure is worth retrying. A corrupt
  // entry is replaced.
  std::string StoreProblem;
  if (Out.Analyzed && !Out.Crashed)
    StoreProblem = Cache->store(File, Key, Out.Result);
  Out.CacheProblem = !LookupProblem.empty() ? LookupProblem : StoreProblem;
  return Out;
}

} // namespace

ProgramAnalysis extractProgram(const tooling::CompilationDatabase &Commands,
                               const std::vector<std::string> &Files,
                               const Policy &P, unsigned Jobs,
                               const SummaryCache *Cache) {
  auto Start = std::chrono::steady_clock::now();
  llvm::CrashRecoveryContext::Enable();
  std::vector<FileAnalysis> PerFile(Files.size());
  {
    llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Jobs));
    for (size_t I = 0; I < Files.size(); ++I)
      Pool.async([&, I] {
        PerFile[I] = analyzeOrReuse(Commands, Files[I], P, Cache);
        packSummaries(PerFile[I]);
      });
    Pool.wait();
  }
  releaseFreedMemory();

  // Everything in file order, so that -j changes nothing but the time.
  ProgramAnalysis Result;
  for (size_t I = 0; I < Files.size(); ++I) {
    FileAnalysis &F = PerFile[I];
    Result.Diagnostics += F.Result.Diagnostics;
    Result.TranslationUnits += F.Result.TranslationUnits;
    Result.AnnotationProblems += F.Result.AnnotationProblems;
    Result.Stats += F.Result.Stats;
    Result.CacheHits += F.FromCache;
    if (!F.CacheProblem.empty())
      Result.CacheProblems.push_back(std::move(F.CacheProblem));
    if (F.Crashed)
      Result.CrashedFiles.push_back(Files[I]);
    else if (!F.Analyzed)
      Result.FailedFiles.push_back(Files[I]);
    if (!F.PackedSummaries.empty()) {
      F.Result.Summaries =
          llvm::cantFail(decodeSummaries(F.PackedSummaries, Files[I]));
      std::string().swap(F.PackedSummaries);
    }
    for (TranslationUnitSummary &S : F.Result.Summaries)
      Result.Summaries.push_back(std::move(S));
    for (const InputFile &Input : F.Result.Inputs)
      Result.Inputs.push_back(Input.Path);
  }
  llvm::sort(Result.Inputs);
  Result.Inputs.erase(std::unique(Result.Inputs.begin(), Result.Inputs.end()),
                      Result.Inputs.end());
  Result.ExtractSeconds = secondsSince(Start);
  return Result;
}

void linkProgram(ProgramAnalysis &Program, const Policy &P) {
  auto Start = std::chrono::steady_clock::now();
  LinkResult Linked = link(Program.Summaries, P);
  Program.LinkSeconds = secondsSince(Start);
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
                               const Policy &P, unsigned Jobs,
                               const SummaryCache *Cache) {
  ProgramAnalysis Result = extractProgram(Commands, Files, P, Jobs, Cache);
  linkProgram(Result, P);
  return Result;
}

} // namespace pii
