//===- ProgramAnalysis.cpp ------------------------------------------------===//

#include "core/ProgramAnalysis.h"
#include "core/AnnotationChecks.h"
#include "core/IsolatedRun.h"
#include "core/ParseObservers.h"
#include "core/ParseTool.h"
#include "core/Preamble.h"
#include "core/PreambleDiagnostics.h"
#include "core/ProgramIndex.h"
#include "core/StepText.h"
#include "core/SummaryCache.h"
#include "core/SummaryFile.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <chrono>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <mutex>
#include <set>

using namespace clang;

namespace pii {
namespace {

/// Seconds since \p Start.
double secondsSince(std::chrono::steady_clock::time_point Start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
      .count();
}

/// What the analysis of one file produced.
struct FileAnalysis {
  /// An AST was analyzed (a file that fails to compile has none).
  bool Analyzed = false;
  bool Crashed = false;
  bool FromCache = false;
  /// Parsed with a preamble (Preamble.h).
  bool WithPreamble = false;
  /// Set when a cache entry was unusable, or could not be written.
  std::string CacheProblem;
  /// The summaries are held packed (Result.PackedSummaries) until every file
  /// is done: decoded, they would add to the memory of the parses still
  /// running several times what the encoding takes; and a run whose link
  /// result is cached never decodes them.
  FileResult Result;
  /// A hash of Result.PackedSummaries, which are freed once decoded.
  uint64_t SummaryHash = 0;
  /// Fresh from the parse until packed; then Result.PackedSummaries
  /// decoded, once the program is to be linked.
  std::vector<TranslationUnitSummary> Summaries;
  bool Unpacked = false;
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

class AnalysisConsumer : public ASTConsumer {
public:
  AnalysisConsumer(const Policy &P, FileAnalysis &Out, ParseObservers &Observed)
      : P(P), Out(Out), Observed(Observed) {}

  void HandleTranslationUnit(ASTContext &AST) override {
    DiagnosticsEngine &Diags = AST.getDiagnostics();
    // A file with errors still has an AST (Clang recovers), and its flows
    // are worth reporting, as an editor shows them while the user types;
    // but the file counts as not analyzed (the run is incomplete) and its
    // partial result is never cached.
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
  llvm::raw_string_ostream DiagnosticText(Out.Result.Diagnostics);
  llvm::IntrusiveRefCntPtr<DiagnosticOptions> Options = new DiagnosticOptions();
  // As the compiler prints them: after #line directives.
  Options->ShowPresumedLoc = true;
  std::optional<PreambleDiagnosticPrinter> AsWithout;
  std::optional<TextDiagnosticPrinter> Plain;
  if (Fit) {
    Pch = preamblePchPath(File);
    Tool->mapVirtualFile(*Pch, Fit->Pre.Pch);
    Tool->mapVirtualFile(Header, Fit->Pre.IncludeLines);
    Tool->setDiagnosticConsumer(&AsWithout.emplace(
        DiagnosticText, Options.get(), Fit->Pre, Fit->Includes, Header));
  } else {
    Tool->setDiagnosticConsumer(&Plain.emplace(DiagnosticText, Options.get()));
  }
  AnalysisActionFactory Factory(P, Out, Pch);
  Out.Crashed = !runIsolated([&] { Tool->run(&Factory); });
  // Errors the parse did not see, the driver's (an invalid -std=), count
  // as much as its own; those about annotations are ours, and do not.
  const DiagnosticConsumer &Printed =
      Fit ? static_cast<const DiagnosticConsumer &>(*AsWithout) : *Plain;
  unsigned OwnErrors = llvm::count_if(
      Out.Result.AnnotationProblems,
      [](const PlacedProblem &Problem) { return !Problem.Warning; });
  if (Printed.getNumErrors() > OwnErrors)
    Out.Analyzed = false;
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

/// The compile commands of \p File, as the caches key them.
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

/// \p File's leading #include lines, if it can have a preamble
/// (Preamble.h).
std::optional<LeadingIncludes> includesOf(const std::string &File,
                                          const FileOverlay &Overlay) {
  std::optional<std::string> Text = mainTextOf(File, Overlay);
  return Text ? leadingIncludes(*Text) : std::nullopt;
}

/// parseFile, with \p File's preamble from \p Preambles when it has one
/// that fits the file as it is now. A parse with a preamble that could not
/// print a diagnostic as a parse without does is done again without.
FileAnalysis analyzeFile(const tooling::CompilationDatabase &Commands,
                         const std::string &File, const Policy &P,
                         const FileOverlay &Overlay = {},
                         const PreambleStore *Preambles = nullptr) {
  std::string Problem;
  std::optional<FittingPreamble> Fit;
  if (Preambles)
    if (std::optional<LeadingIncludes> Includes = includesOf(File, Overlay))
      if (std::optional<Preamble> Pre =
              Preambles->lookup(File, commandsOf(Commands, File),
                                Includes->Lines, Overlay, Problem))
        Fit = {std::move(*Pre), std::move(*Includes)};
  std::optional<FileAnalysis> Out;
  if (Fit && !Fit->Pre.Pch.empty()) {
    Out = parseFile(Commands, File, P, Overlay, &*Fit);
    // Until the headers change, the preamble is kept without its PCH, so
    // that it is neither tried nor built again.
    if (!Out) {
      Fit->Pre.Pch.clear();
      std::string StoreProblem =
          Preambles->store(File, commandsOf(Commands, File), Fit->Pre);
      if (Problem.empty())
        Problem = std::move(StoreProblem);
    }
  }
  if (!Out)
    Out = parseFile(Commands, File, P, Overlay, /*Fit=*/nullptr);
  Out->CacheProblem = std::move(Problem);
  return std::move(*Out);
}

/// Holds \p F's summaries packed, as a file of the program is until every
/// file is done (see FileAnalysis).
FileAnalysis packed(FileAnalysis F) {
  F.Result.PackedSummaries = encodeSummaries(F.Summaries);
  F.SummaryHash = hashContent(F.Result.PackedSummaries);
  F.Summaries = {};
  return F;
}

/// Analyzes \p File and keeps the result in \p Cache, replacing an
/// unusable entry. \p Problem, if any, says why the entry was not used.
FileAnalysis analyzeAndStore(const tooling::CompilationDatabase &Commands,
                             const std::string &File, const Policy &P,
                             const SummaryCache &Cache, std::string Problem) {
  FileAnalysis Out =
      packed(analyzeFile(Commands, File, P, {}, &Cache.preambles()));
  // Only complete analyses are kept: a failure is worth retrying.
  std::string StoreProblem;
  if (Out.Analyzed && !Out.Crashed)
    StoreProblem = Cache.store(File, commandsOf(Commands, File), Out.Result);
  // The first problem met is the one said.
  if (!Problem.empty())
    Out.CacheProblem = std::move(Problem);
  else if (Out.CacheProblem.empty())
    Out.CacheProblem = std::move(StoreProblem);
  return Out;
}

/// \p File's analysis, from \p Cache if it has it; when it has not, calls
/// \p BeforeParse before parsing.
template <typename BeforeParseFn>
FileAnalysis analyzeOrReuse(const tooling::CompilationDatabase &Commands,
                            const std::string &File, const Policy &P,
                            const SummaryCache *Cache,
                            BeforeParseFn BeforeParse) {
  if (!Cache)
    return packed(analyzeFile(Commands, File, P));
  std::string Problem;
  auto Hit = Cache->lookup(File, commandsOf(Commands, File), Problem);
  if (!Hit) {
    BeforeParse();
    return analyzeAndStore(Commands, File, P, *Cache, std::move(Problem));
  }
  FileAnalysis Out;
  Out.Analyzed = Out.FromCache = true;
  Out.Result = std::move(*Hit);
  Out.SummaryHash = hashContent(Out.Result.PackedSummaries);
  return Out;
}

/// Decodes \p F's summaries. A cache entry is sealed with a checksum, so one
/// that does not decode was written by a broken pii-flow, or by hand: the
/// file is analyzed again, as for any unusable entry.
void unpack(FileAnalysis &F, const tooling::CompilationDatabase &Commands,
            const std::string &File, const Policy &P,
            const SummaryCache *Cache) {
  auto Units = decodeSummaries(F.Result.PackedSummaries, File);
  if (!Units) {
    // Fresh summaries always decode; only a cached entry can be broken.
    assert(F.FromCache && Cache && "fresh summaries that do not decode");
    F = analyzeAndStore(Commands, File, P, *Cache,
                        "cache entry for '" + File + "' is unusable (" +
                            llvm::toString(Units.takeError()) +
                            "); analyzing the file again");
    Units = decodeSummaries(F.Result.PackedSummaries, File);
  }
  F.Summaries = llvm::cantFail(std::move(Units));
  F.Unpacked = true;
  std::string().swap(F.Result.PackedSummaries);
}

/// Decodes the summaries of every file not unpacked yet, \p Jobs files at a
/// time, and calls \p Unpacked with each file's index once it is done.
void unpackSummaries(std::vector<FileAnalysis> &PerFile,
                     const tooling::CompilationDatabase &Commands,
                     const std::vector<std::string> &Files, const Policy &P,
                     unsigned Jobs, const SummaryCache *Cache,
                     llvm::function_ref<void(size_t)> Unpacked = nullptr) {
  llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Jobs));
  for (size_t I = 0; I < Files.size(); ++I)
    if (!PerFile[I].Unpacked)
      Pool.async([&, I] {
        unpack(PerFile[I], Commands, Files[I], P, Cache);
        if (Unpacked)
          Unpacked(I);
      });
  Pool.wait();
}

/// Unpacks the files of a program, each once, and indexes their summaries
/// for the link as they come. Files taken from the cache are unpacked while
/// other files parse: a parse holds a core for a second or more, and
/// unpacking a large program in the meantime, on the cores the parse leaves
/// idle, takes it off the time between the parse and the findings. Until a
/// file is parsed, nothing is unpacked: a run that parses nothing most
/// likely finds its link result in the cache.
class ProgramUnpacking {
public:
  ProgramUnpacking(std::vector<FileAnalysis> &PerFile,
                   const tooling::CompilationDatabase &Commands,
                   const std::vector<std::string> &Files, const Policy &P,
                   const SummaryCache *Cache)
      : PerFile(PerFile), Commands(Commands), Files(Files), P(P), Cache(Cache) {
  }

  /// From \p Pool: file \p I was taken from the cache.
  void foundCached(size_t I) {
    {
      std::lock_guard<std::mutex> Guard(Lock);
      if (!Parsing) {
        Waiting.push_back(I);
        return;
      }
    }
    unpackAndIndex(I);
  }

  /// From \p Pool: a file is about to be parsed.
  void parsing(llvm::ThreadPoolInterface &Pool) {
    std::vector<size_t> Now;
    {
      std::lock_guard<std::mutex> Guard(Lock);
      Parsing = true;
      Now.swap(Waiting);
    }
    for (size_t I : Now)
      Pool.async([this, I] { unpackAndIndex(I); });
  }

  /// Unpacks the files not unpacked yet, \p Jobs at a time.
  void finish(unsigned Jobs) {
    unpackSummaries(PerFile, Commands, Files, P, Jobs, Cache,
                    [this](size_t I) { addToIndex(I); });
  }

  /// Once finished: the program's units, in file order, and their index.
  std::vector<const TranslationUnitSummary *> units() const {
    std::vector<const TranslationUnitSummary *> Units;
    for (const FileAnalysis &F : PerFile)
      for (const TranslationUnitSummary &Unit : F.Summaries)
        Units.push_back(&Unit);
    return Units;
  }
  const ProgramIndex &index() const { return Index; }

private:
  void unpackAndIndex(size_t I) {
    unpack(PerFile[I], Commands, Files[I], P, Cache);
    addToIndex(I);
  }

  void addToIndex(size_t I) {
    const FileAnalysis &F = PerFile[I];
    std::lock_guard<std::mutex> Guard(IndexLock);
    // Ranked by file, then by compile command: the order of units().
    for (size_t U = 0; U < F.Summaries.size(); ++U)
      Index.add(F.Summaries[U], (uint64_t(I) << 32) | U);
  }

  std::vector<FileAnalysis> &PerFile;
  const tooling::CompilationDatabase &Commands;
  const std::vector<std::string> &Files;
  const Policy &P;
  const SummaryCache *Cache;
  std::mutex Lock;
  bool Parsing = false;
  std::vector<size_t> Waiting;
  std::mutex IndexLock;
  ProgramIndex Index;
};

} // namespace

std::string preparePreamble(const tooling::CompilationDatabase &Commands,
                            const std::string &File, const FileOverlay &Overlay,
                            const PreambleStore &Preambles) {
  std::optional<LeadingIncludes> Includes = includesOf(File, Overlay);
  if (!Includes)
    return "";
  std::vector<std::string> Key = commandsOf(Commands, File);
  std::string Problem;
  if (Preambles.lookup(File, Key, Includes->Lines, Overlay, Problem))
    return "";
  if (std::optional<Preamble> Built =
          buildPreamble(Commands, File, std::move(Includes->Lines), Overlay)) {
    std::string StoreProblem = Preambles.store(File, Key, *Built);
    if (Problem.empty())
      Problem = std::move(StoreProblem);
  }
  return Problem;
}

namespace {

/// Builds the preambles (Preamble.h) of the files a run parses again while
/// it takes the others from the cache, when they are few: files being
/// edited, which the next run will likely parse again. They are built on
/// the cores those parses leave idle. A run that parses many files (a
/// header edited, a first run) builds none: a PCH takes megabytes, and
/// each file has its own.
class PreambleBuilds {
public:
  PreambleBuilds(const tooling::CompilationDatabase &Commands,
                 const std::vector<std::string> &Files,
                 const SummaryCache &Cache, unsigned Threads)
      : Commands(Commands), Files(Files), Cache(Cache), Threads(Threads) {}

  /// From \p Pool: file \p I was looked up in the cache, and is to be
  /// \p Parsed again or not.
  void lookedUp(size_t I, bool Parsed, llvm::ThreadPoolInterface &Pool) {
    std::vector<size_t> Build;
    {
      std::lock_guard<std::mutex> Guard(Lock);
      if (Parsed)
        ToParse.push_back(I);
      if (++LookedUp < Files.size())
        return;
      bool Few = ToParse.size() <= std::max(1u, Threads - 1);
      if (ToParse.size() < Files.size() && Few)
        Build = ToParse;
    }
    for (size_t File : Build)
      Pool.async([this, File] {
        std::string Problem =
            preparePreamble(Commands, Files[File], {}, Cache.preambles());
        std::lock_guard<std::mutex> Guard(Lock);
        if (!Problem.empty())
          Problems.emplace_back(File, std::move(Problem));
      });
  }

  /// Once the pool is done: what went wrong with the preamble entries, by
  /// file.
  std::vector<std::pair<size_t, std::string>> Problems;

private:
  const tooling::CompilationDatabase &Commands;
  const std::vector<std::string> &Files;
  const SummaryCache &Cache;
  unsigned Threads;
  std::mutex Lock;
  size_t LookedUp = 0;
  std::vector<size_t> ToParse;
};

/// Appends to \p Out the diagnostics in \p Text not appended before: every
/// file that includes a header finds that header's problems, which are said
/// once. A diagnostic is its first line with the notes and source lines
/// under it, after the include stack that led to it; the stack differs
/// from file to file and is not part of what is compared.
void appendNewDiagnostics(std::string &Out, llvm::StringRef Text,
                          std::set<std::string> &Seen) {
  auto IsIncludeStack = [](llvm::StringRef Line) {
    return Line.starts_with("In file included from ");
  };
  auto StartsDiagnostic = [](llvm::StringRef Line) {
    return !Line.empty() && !llvm::isSpace(Line.front()) &&
           !Line.contains(": note: ");
  };
  auto LineEnd = [&](size_t From) {
    size_t End = Text.find('\n', From);
    return End == llvm::StringRef::npos ? Text.size() : End + 1;
  };
  while (!Text.empty()) {
    size_t Own = 0;
    while (Own < Text.size() && IsIncludeStack(Text.drop_front(Own)))
      Own = LineEnd(Own);
    size_t End = LineEnd(Own);
    while (End < Text.size() && !StartsDiagnostic(Text.drop_front(End)))
      End = LineEnd(End);
    llvm::StringRef Diagnostic = Text.take_front(End);
    if (Seen.insert(Diagnostic.drop_front(Own).str()).second)
      Out += Diagnostic;
    Text = Text.drop_front(End);
  }
}

/// Shows the files' diagnostics as the files are done, in file order (so
/// that -j changes nothing), each said once: those of a file as soon as it
/// and every file before it are done.
class DiagnosticsInFileOrder {
public:
  DiagnosticsInFileOrder(size_t Files, const DiagnosticsShower &Show)
      : Texts(Files), Done(Files), Show(Show) {}

  /// From the pool: file \p I is done, with \p Text.
  void done(size_t I, llvm::StringRef Text) {
    std::lock_guard<std::mutex> Guard(Lock);
    Texts[I] = Text.str();
    Done[I] = true;
    for (; Next < Done.size() && Done[Next]; ++Next) {
      std::string New;
      appendNewDiagnostics(New, Texts[Next], Seen);
      std::string().swap(Texts[Next]);
      if (!New.empty())
        Show(New);
    }
  }

private:
  std::vector<std::string> Texts;
  std::vector<bool> Done;
  const DiagnosticsShower &Show;
  std::mutex Lock;
  size_t Next = 0;
  std::set<std::string> Seen;
};

/// Analyzes each of \p Files into \p PerFile, or takes it from \p Cache,
/// \p Jobs at a time; with \p Unpacking, unpacks cached files meanwhile;
/// with \p Show, shows their diagnostics as they come.
void analyzeFiles(std::vector<FileAnalysis> &PerFile,
                  const tooling::CompilationDatabase &Commands,
                  const std::vector<std::string> &Files, const Policy &P,
                  unsigned Jobs, const SummaryCache *Cache,
                  ProgramUnpacking *Unpacking = nullptr,
                  const DiagnosticsShower &Show = nullptr) {
  std::optional<DiagnosticsInFileOrder> Shown;
  if (Show)
    Shown.emplace(Files.size(), Show);
  llvm::ThreadPoolStrategy Strategy = llvm::hardware_concurrency(Jobs);
  llvm::DefaultThreadPool Pool(Strategy);
  std::optional<PreambleBuilds> Preambles;
  if (Cache)
    Preambles.emplace(Commands, Files, *Cache, Strategy.compute_thread_count());
  for (size_t I = 0; I < Files.size(); ++I)
    Pool.async([&, I] {
      PerFile[I] = analyzeOrReuse(Commands, Files[I], P, Cache, [&] {
        Preambles->lookedUp(I, /*Parsed=*/true, Pool);
        if (Unpacking)
          Unpacking->parsing(Pool);
      });
      if (PerFile[I].FromCache) {
        Preambles->lookedUp(I, /*Parsed=*/false, Pool);
        if (Unpacking)
          Unpacking->foundCached(I);
      }
      if (Shown)
        Shown->done(I, PerFile[I].Result.Diagnostics);
    });
  Pool.wait();
  releaseFreedMemory();
  if (Preambles)
    for (auto &[I, Problem] : Preambles->Problems)
      if (PerFile[I].CacheProblem.empty())
        PerFile[I].CacheProblem = std::move(Problem);
}

/// The files' results as one program, in file order, so that -j changes
/// nothing but the time.
ProgramAnalysis merge(std::vector<FileAnalysis> &PerFile,
                      const std::vector<std::string> &Files) {
  ProgramAnalysis Result;
  std::set<std::string> Diagnostics;
  std::set<PlacedProblem> AnnotationProblems;
  llvm::StringSet<> Inputs;
  for (size_t I = 0; I < Files.size(); ++I) {
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
      Result.CrashedFiles.push_back(Files[I]);
    else if (!F.Analyzed)
      Result.FailedFiles.push_back(Files[I]);
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
             unsigned Jobs, const SummaryCache &Cache) {
  std::vector<FileAnalysis> PerFile(Files.size());
  analyzeFiles(PerFile, Commands, Files, P, Jobs, &Cache);
  unpackSummaries(PerFile, Commands, Files, P, Jobs, &Cache);
  std::vector<FileExtraction> Result;
  for (size_t I = 0; I < Files.size(); ++I)
    Result.push_back(extractionOf(std::move(PerFile[I]), Files[I]));
  return Result;
}

FileExtraction extractFile(const tooling::CompilationDatabase &Commands,
                           const std::string &File, const Policy &P,
                           const FileOverlay &Overlay,
                           const PreambleStore *Preambles) {
  return extractionOf(analyzeFile(Commands, File, P, Overlay, Preambles), File);
}

ProgramAnalysis extractProgram(const tooling::CompilationDatabase &Commands,
                               const std::vector<std::string> &Files,
                               const Policy &P, unsigned Jobs,
                               const SummaryCache *Cache,
                               const DiagnosticsShower &Show) {
  auto Start = std::chrono::steady_clock::now();
  std::vector<FileAnalysis> PerFile(Files.size());
  analyzeFiles(PerFile, Commands, Files, P, Jobs, Cache, nullptr, Show);
  unpackSummaries(PerFile, Commands, Files, P, Jobs, Cache);
  ProgramAnalysis Result = merge(PerFile, Files);
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
                               const Policy &P, unsigned Jobs,
                               const SummaryCache *Cache,
                               const DiagnosticsShower &Show) {
  if (!Cache) {
    ProgramAnalysis Result =
        extractProgram(Commands, Files, P, Jobs, Cache, Show);
    linkProgram(Result, P);
    return Result;
  }
  auto Start = std::chrono::steady_clock::now();
  std::vector<FileAnalysis> PerFile(Files.size());
  ProgramUnpacking Unpacking(PerFile, Commands, Files, P, Cache);
  analyzeFiles(PerFile, Commands, Files, P, Jobs, Cache, &Unpacking, Show);
  uint64_t Digest = digestOf(PerFile);
  std::string LinkProblem;
  if (auto Linked = Cache->lookupLink(Files, Digest, LinkProblem)) {
    ProgramAnalysis Result = merge(PerFile, Files);
    Result.ExtractSeconds = secondsSince(Start);
    Result.Findings = std::move(Linked->Findings);
    Result.Link = Linked->Stats;
    Result.Approximations = std::move(Linked->Approximations);
    Result.Suppressions = std::move(Linked->Suppressions);
    Result.LinkFromCache = true;
    return Result;
  }
  Unpacking.finish(Jobs);
  // A file analyzed again changed the summaries the link is stored under.
  Digest = digestOf(PerFile);
  double ExtractSeconds = secondsSince(Start);
  auto LinkStart = std::chrono::steady_clock::now();
  LinkResult Linked;
  bool LinkCrashed = !runIsolated(
      [&] { Linked = link(Unpacking.index(), Unpacking.units(), P); });
  double LinkSeconds = secondsSince(LinkStart);
  ProgramAnalysis Result = merge(PerFile, Files);
  Result.ExtractSeconds = ExtractSeconds;
  Result.LinkSeconds = LinkSeconds;
  adoptLink(Result, std::move(Linked));
  Result.LinkCrashed = LinkCrashed;
  if (!LinkProblem.empty())
    Result.CacheProblems.push_back(std::move(LinkProblem));
  if (LinkCrashed)
    return Result;
  std::string StoreProblem =
      Cache->storeLink(Files, Digest,
                       {Result.Findings, Result.Link, Result.Approximations,
                        Result.Suppressions});
  if (!StoreProblem.empty())
    Result.CacheProblems.push_back(std::move(StoreProblem));
  return Result;
}

} // namespace pii
