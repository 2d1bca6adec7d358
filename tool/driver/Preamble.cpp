//===- Preamble.cpp -------------------------------------------------------===//

#include "driver/Preamble.h"
#include "core/analysis/ParseObservers.h"
#include "driver/IsolatedRun.h"
#include "driver/ParseTool.h"

#include "clang/Basic/LangOptions.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Lex/HeaderSearch.h"
#include "clang/Lex/Lexer.h"
#include "clang/Lex/PPCallbacks.h"
#include "clang/Lex/Preprocessor.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Serialization/ASTWriter.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace clang;

namespace pii {

/// \p Line without its comments; \p InBlockComment carries a /* comment
/// from line to line. A // inside a quoted name cuts the line short, which
/// only makes it no include line.
static std::string withoutComments(llvm::StringRef Line, bool &InBlockComment) {
  std::string Code;
  while (!Line.empty()) {
    if (InBlockComment) {
      size_t End = Line.find("*/");
      if (End == llvm::StringRef::npos)
        return Code;
      InBlockComment = false;
      Line = Line.drop_front(End + 2);
      Code += ' ';
    } else if (Line.starts_with("//")) {
      return Code;
    } else if (Line.starts_with("/*")) {
      InBlockComment = true;
      Line = Line.drop_front(2);
    } else {
      Code += Line.front();
      Line = Line.drop_front();
    }
  }
  return Code;
}

/// Whether \p Line is `#include "name"` or `#include <name>`, nothing more.
static bool isIncludeLine(llvm::StringRef Line) {
  if (!Line.consume_front("#"))
    return false;
  Line = Line.ltrim();
  if (!Line.consume_front("include"))
    return false;
  Line = Line.ltrim();
  char Close = Line.starts_with("\"") ? '"' : Line.starts_with("<") ? '>' : 0;
  if (!Close)
    return false;
  size_t End = Line.find(Close, 1);
  return End != llvm::StringRef::npos && End > 1 &&
         Line.drop_front(End + 1).trim().empty();
}

std::optional<LeadingIncludes> leadingIncludes(llvm::StringRef MainText) {
  LangOptions Lang;
  Lang.CPlusPlus = Lang.LineComment = true;
  llvm::StringRef Region =
      MainText.take_front(Lexer::ComputePreamble(MainText, Lang).Size);
  LeadingIncludes Result;
  bool InBlockComment = false;
  for (unsigned Line = 1; !Region.empty(); ++Line) {
    auto [Text, Rest] = Region.split('\n');
    Region = Rest;
    std::string Code = withoutComments(Text, InBlockComment);
    llvm::StringRef Trimmed = llvm::StringRef(Code).trim();
    if (Trimmed.empty())
      continue;
    if (!isIncludeLine(Trimmed))
      return std::nullopt;
    Result.Lines += Trimmed;
    Result.Lines += '\n';
    Result.MainLines.push_back(Line);
  }
  if (Result.Lines.empty() || InBlockComment)
    return std::nullopt;
  return Result;
}

std::string preambleHeaderPath(llvm::StringRef MainFile) {
  return MainFile.str() + ".pii-preamble.h";
}

std::string preamblePchPath(llvm::StringRef MainFile) {
  return MainFile.str() + ".pii-preamble.pch";
}

namespace {

/// Notes the user headers the preamble header includes: those of the
/// file's own #include lines, which its parse meets again after loading the
/// PCH. Not the system headers: the standard library's may be included
/// again with no effect ([using.headers]), although many have lines outside
/// their guards (<cstdio> includes <stdio.h> before its guard), which
/// Clang then does not count as guarded. Should another system header
/// define something twice, the error in it makes the file's parse be done
/// again without the preamble (PreambleDiagnosticPrinter::unfaithful).
class TopLevelIncludes : public PPCallbacks {
public:
  TopLevelIncludes(const SourceManager &SM, std::vector<FileEntryRef> &Out)
      : SM(SM), Out(Out) {}

  void InclusionDirective(SourceLocation HashLoc, const Token &,
                          llvm::StringRef, bool, CharSourceRange,
                          OptionalFileEntryRef File, llvm::StringRef,
                          llvm::StringRef, const Module *, bool,
                          SrcMgr::CharacteristicKind Kind) override {
    if (File && SM.isInMainFile(HashLoc) && !SrcMgr::isSystem(Kind))
      Out.push_back(*File);
  }

private:
  const SourceManager &SM;
  std::vector<FileEntryRef> &Out;
};

/// Compiles the preamble header into a PCH, in memory, and notes what it
/// read and by which names.
class PreambleAction : public GeneratePCHAction {
public:
  PreambleAction(Preamble &Out, bool &ParseWithout)
      : Out(Out), ParseWithout(ParseWithout) {}

private:
  /// GeneratePCHAction's consumer without the file it writes: a process
  /// killed while building (an editor closed) would leave it behind.
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &CI,
                                                 llvm::StringRef) override {
    std::string Sysroot;
    if (!ComputeASTConsumerArguments(CI, Sysroot))
      return nullptr;
    const FrontendOptions &Options = CI.getFrontendOpts();
    if (!Options.RelocatablePCH)
      Sysroot.clear();
    return std::make_unique<PCHGenerator>(
        CI.getPreprocessor(), CI.getModuleCache(), Options.OutputFile, Sysroot,
        Built, Options.ModuleFileExtensions,
        CI.getPreprocessorOpts().AllowPCHWithCompilerErrors,
        Options.IncludeTimestamps);
  }

  bool BeginSourceFileAction(CompilerInstance &CI) override {
    Observed.observe(CI.getPreprocessor());
    CI.getPreprocessor().addPPCallbacks(
        std::make_unique<TopLevelIncludes>(CI.getSourceManager(), Included));
    return GeneratePCHAction::BeginSourceFileAction(CI);
  }

  void EndSourceFileAction() override {
    CompilerInstance &CI = getCompilerInstance();
    // The file's parse would read again a user header its include guard or
    // #pragma once does not skip, and define everything in it twice. And
    // the file's parse would not see the tokens and comments of the headers
    // in the PCH, where a misspelled attribute or a suppression may be
    // (ParseObservers.h).
    const HeaderSearch &Search = CI.getPreprocessor().getHeaderSearchInfo();
    ParseWithout =
        llvm::any_of(Included,
                     [&](FileEntryRef File) {
                       return !Search.isFileMultipleIncludeGuarded(File);
                     }) ||
        !Observed.UnknownAttributes.take().empty() ||
        !Observed.Suppressions.take().empty();
    SourceManager &SM = CI.getSourceManager();
    Out.Inputs = inputsOf(SM);
    for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
      llvm::StringRef Spelled = It->first.getName();
      std::string Path = absolutePath(SM.getFileManager(), Spelled);
      if (Path != Spelled)
        Out.Spellings.push_back({std::move(Path), Spelled.str()});
    }
    GeneratePCHAction::EndSourceFileAction();
    if (Built->IsComplete)
      Out.Pch.assign(Built->Data.begin(), Built->Data.end());
  }

  Preamble &Out;
  std::shared_ptr<PCHBuffer> Built = std::make_shared<PCHBuffer>();
  bool &ParseWithout;
  std::vector<FileEntryRef> Included;
  ParseObservers Observed;
};

/// Turns the main file's invocation into one compiling the file's preamble
/// header, so that the PCH has the file's options exactly.
class PreambleActionFactory : public tooling::FrontendActionFactory {
public:
  PreambleActionFactory(Preamble &Out, bool &ParseWithout)
      : Out(Out), ParseWithout(ParseWithout) {}

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHOperations,
                     DiagnosticConsumer *Diagnostics) override {
    FrontendOptions &Frontend = Invocation->getFrontendOpts();
    if (Frontend.Inputs.size() != 1)
      return false;
    const FrontendInputFile &Main = Frontend.Inputs.front();
    // Named as the command names the file: the include search then spells
    // the headers' names as it does for the file (./app.h, not /src/app.h).
    Frontend.Inputs = {FrontendInputFile(preambleHeaderPath(Main.getFile()),
                                         Main.getKind().getHeader())};
    // Where the file's parse finds it (written nowhere).
    Frontend.OutputFile = preamblePchPath(Main.getFile());
    Frontend.ProgramAction = frontend::GeneratePCH;
    return FrontendActionFactory::runInvocation(
        std::move(Invocation), Files, std::move(PCHOperations), Diagnostics);
  }

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<PreambleAction>(Out, ParseWithout);
  }

private:
  Preamble &Out;
  bool &ParseWithout;
};

} // namespace

std::optional<Preamble>
buildPreamble(const tooling::CompilationDatabase &Commands,
              const std::string &File, std::string IncludeLines,
              const FileOverlay &Overlay) {
  if (Commands.getCompileCommands(File).size() != 1)
    return std::nullopt;
  Preamble Result;
  std::string Header = preambleHeaderPath(File);
  std::unique_ptr<tooling::ClangTool> Tool =
      parseToolFor(Commands, File, Overlay);
  Tool->mapVirtualFile(Header, IncludeLines);
  // Headers that do not compile alone get no preamble; the file's own
  // parse reports their problems.
  IgnoringDiagConsumer Quiet;
  Tool->setDiagnosticConsumer(&Quiet);
  bool ParseWithout = false;
  PreambleActionFactory Factory(Result, ParseWithout);
  // A crash leaves Built false: the file is parsed without a preamble.
  bool Built = false;
  runIsolated([&] { Built = Tool->run(&Factory) == 0; });
  if (!Built || Result.Pch.empty())
    return std::nullopt;
  llvm::erase_if(Result.Inputs,
                 [&](const InputFile &Input) { return Input.Path == Header; });
  llvm::erase_if(Result.Spellings,
                 [&](const HeaderSpelling &S) { return S.Path == Header; });
  Result.IncludeLines = std::move(IncludeLines);
  // Kept without its PCH: the file is parsed without until the headers
  // change, and the preamble is not built again each time it is asked for.
  if (ParseWithout)
    Result.Pch.clear();
  return Result;
}

} // namespace pii
