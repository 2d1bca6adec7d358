//===- PiiMain.cpp - Command-line front end -------------------------------===//
//
// Every flag of the pii-flow command, the choice of compile commands, and the
// exit status. Usage errors print one line naming the problem and exit 2;
// they never reach the analysis.
//
//===----------------------------------------------------------------------===//

#include "cli/PiiMain.h"
#include "core/ProgramAnalysis.h"
#include "report/TextReporter.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/Statistic.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <map>

using namespace llvm;
using clang::tooling::CompilationDatabase;

namespace pii {
namespace {

cl::OptionCategory Category("pii-flow options");

cl::list<std::string> Files(cl::Positional, cl::desc("[<file>...]"),
                            cl::cat(Category));

cl::opt<std::string> BuildDir(
    "p", cl::value_desc("build-dir"),
    cl::desc(R"(Read compile commands from <build-dir>/compile_commands.json
(CMake: -DCMAKE_EXPORT_COMPILE_COMMANDS=ON). With no <file>,
analyze every file it lists.)"),
    cl::cat(Category));

cl::opt<unsigned>
    Jobs("j", cl::value_desc("n"), cl::init(0),
         cl::desc(R"(Analyze <n> translation units in parallel (default: one per
core). The findings do not depend on it.)"),
         cl::cat(Category));

const char Overview[] = R"(pii-flow: purpose-limitation checker for C++

Reports every path on which a value collected for one purpose (e.g.
[[pii::purpose("security")]] on a 2FA phone number) reaches a sink of a kind
the policy forbids (e.g. [[pii::sink("advertising")]]).

  pii-flow [options] FILE... -- COMPILER_ARGS   analyze FILEs as one program
  pii-flow [options] -p BUILD_DIR [FILE...]     use compile_commands.json

Exit status: 0 nothing found, 1 findings, 2 analysis incomplete or impossible
(bad option, a file that fails to compile, a misused annotation).
)";

/// libLLVM already registers `-stats` (a second registration aborts), so
/// pii-flow adopts that option, with its own description, rather than shadow
/// it; llvm::AreStatisticsEnabled() reads it.
void adoptStatsOption() {
  if (cl::Option *Stats = cl::getRegisteredOptions().lookup("stats")) {
    Stats->addCategory(Category);
    Stats->setHiddenFlag(cl::NotHidden);
    Stats->setDescription(
        "Print what was analyzed (translation units, functions, call sites, "
        "summaries) and every place where the analysis approximates, as "
        "'remark:' lines, to standard error.");
  }
}

int usageError(const Twine &Message) {
  errs() << "pii-flow: error: " << Message << '\n';
  return ExitIncomplete;
}

/// The compile commands and files to analyze, from `--`, `-p`, or a
/// compile_commands.json found above the first file.
struct Inputs {
  std::unique_ptr<CompilationDatabase> Commands;
  std::vector<std::string> Files;
  std::vector<std::string> MissingFiles;
};

/// Loads <dir>/compile_commands.json, with an error that says which of the
/// usual mistakes it is rather than LLVM's list of every loader it tried.
Expected<std::unique_ptr<CompilationDatabase>> loadBuildDir(StringRef Dir) {
  if (!sys::fs::is_directory(Dir))
    return createStringError("cannot read compile commands from '" + Dir +
                             "': no such directory");
  SmallString<256> Json(Dir);
  sys::path::append(Json, "compile_commands.json");
  if (!sys::fs::exists(Json))
    return createStringError(
        "cannot read compile commands from '" + Dir +
        "': it has no compile_commands.json (CMake writes one with "
        "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON)");
  std::string Error;
  auto Commands = clang::tooling::JSONCompilationDatabase::loadFromFile(
      Json, Error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!Commands)
    return createStringError("cannot read compile commands from '" + Json +
                             "': " + StringRef(Error).trim());
  return Commands;
}

Expected<Inputs> chooseInputs(std::unique_ptr<CompilationDatabase> FromArgs) {
  Inputs In;
  if (FromArgs && !BuildDir.empty())
    return createStringError("use either '-p <build-dir>' or '-- <compiler "
                             "args>', not both");
  for (const std::string &File : Files)
    (sys::fs::exists(File) ? In.Files : In.MissingFiles).push_back(File);

  if (FromArgs) {
    In.Commands = std::move(FromArgs);
  } else if (!BuildDir.empty()) {
    auto Loaded = loadBuildDir(BuildDir);
    if (!Loaded)
      return Loaded.takeError();
    In.Commands = std::move(*Loaded);
  } else if (!In.Files.empty()) {
    std::string Error;
    In.Commands = CompilationDatabase::autoDetectFromSource(In.Files[0], Error);
    if (!In.Commands)
      return createStringError(
          "no compile command for '" + In.Files[0] +
          "': pass '-- <compiler args>' or '-p <build-dir>'");
  } else if (Files.empty()) {
    return createStringError("no input files; see 'pii-flow --help'");
  } else {
    return In; // only missing files: nothing to analyze, each reported
  }

  if (Files.empty()) {
    In.Files = In.Commands->getAllFiles();
    if (In.Files.empty())
      return createStringError("'" + BuildDir +
                               "/compile_commands.json' lists no files "
                               "(or is not valid JSON)");
  }
  // Headers and files added since the build was configured borrow the
  // command of their nearest neighbour, as clangd does.
  In.Commands =
      clang::tooling::inferMissingCompileCommands(std::move(In.Commands));
  return In;
}

void printStats(raw_ostream &OS, const ProgramAnalysis &Result, size_t Files) {
  std::map<std::string, unsigned> ByKind;
  for (const Approximation &A : Result.Approximations)
    ++ByKind[A.Kind];
  OS << "pii-flow statistics:\n"
     << "  translation units: " << Result.TranslationUnits << " of " << Files
     << " analyzed\n"
     << "  functions:         " << Result.Stats.Functions << " ("
     << Result.Stats.IncompleteFunctions << " incomplete)\n"
     << "  call sites:        " << Result.Link.CallSites << " ("
     << Result.Link.OpaqueCallSites << " to functions with no body)\n"
     << "  summaries:         " << Result.Link.Summaries << "\n"
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

void printVersion(raw_ostream &OS) {
  OS << "pii-flow " PII_FLOW_VERSION " (LLVM " LLVM_VERSION_STRING ")\n";
}

} // namespace

int piiMain(int argc, const char **argv) {
  // Everything after `--` is the compile command; take it before the options
  // parser sees it.
  std::string ArgsError;
  std::unique_ptr<CompilationDatabase> FromArgs =
      clang::tooling::FixedCompilationDatabase::loadFromCommandLine(argc, argv,
                                                                    ArgsError);
  if (!ArgsError.empty())
    return usageError(ArgsError);

  adoptStatsOption();
  cl::HideUnrelatedOptions(Category);
  cl::SetVersionPrinter(printVersion);
  std::string OptionErrors;
  raw_string_ostream OptionErrorStream(OptionErrors);
  if (!cl::ParseCommandLineOptions(argc, argv, Overview, &OptionErrorStream)) {
    // LLVM's first line names the problem; the rest are guesses at a fix.
    StringRef Problem = StringRef(OptionErrors).split('\n').first;
    Problem.consume_front("pii-flow: ");
    Problem = Problem.split("  Try:").first.rtrim('.');
    return usageError(Problem.take_front(1).lower() + Problem.drop_front(1) +
                      " (see 'pii-flow --help')");
  }

  Expected<Inputs> In = chooseInputs(std::move(FromArgs));
  if (!In)
    return usageError(toString(In.takeError()));
  for (const std::string &File : In->MissingFiles)
    errs() << "pii-flow: error: no such file: '" << File << "'\n";

  if (In->Files.empty())
    return ExitIncomplete;
  ProgramAnalysis Result =
      analyzeProgram(*In->Commands, In->Files, Policy::builtin(), Jobs);
  errs() << Result.Diagnostics;
  printFindings(outs(), Result.Findings);
  outs().flush();

  for (const std::string &File : Result.FailedFiles)
    errs() << "pii-flow: error: '" << File
           << "' could not be compiled; it was not analyzed\n";
  for (const std::string &File : Result.CrashedFiles)
    errs() << "pii-flow: error: internal error while analyzing '" << File
           << "'; its flows are missing (please report this with the file)\n";
  if (AreStatisticsEnabled())
    printStats(errs(), Result, In->Files.size());
  errs() << "pii-flow: " << Result.Findings.size()
         << (Result.Findings.size() == 1 ? " finding" : " findings") << " in "
         << Result.TranslationUnits << " of " << In->Files.size()
         << " translation units (" << Result.Stats.Functions
         << (Result.Stats.Functions == 1 ? " function" : " functions")
         << " analyzed)\n";

  if (!Result.complete() || !In->MissingFiles.empty())
    return ExitIncomplete;
  return Result.Findings.empty() ? ExitClean : ExitFindings;
}

} // namespace pii
