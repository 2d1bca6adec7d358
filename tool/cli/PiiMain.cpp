//===- PiiMain.cpp - Command-line front end -------------------------------===//
//
// Every flag of the pii-flow command and its subcommands, and the dispatch:
//
//   pii-flow [options] FILE... -- ARGS          extract and link, in one run
//   pii-flow extract -o OUT FILE -- ARGS        summarize one translation unit
//   pii-flow link SUMMARY...                    whole-program findings
//
// extract is a compile-like action a build system can run anywhere (its
// summary names paths relative to the source root); link gives the findings
// a plain run gives. Usage errors print one line naming the problem and exit
// 2; they never reach the analysis.
//
//===----------------------------------------------------------------------===//

#include "cli/PiiMain.h"
#include "cli/Dump.h"
#include "cli/Report.h"
#include "cli/StatusLine.h"
#include "core/model/SummaryPaths.h"
#include "driver/FunctionPool.h"
#include "driver/Inputs.h"
#include "driver/ParseTool.h"
#include "driver/PolicyLoading.h"
#include "driver/Program.h"
#include "report/SarifBaseline.h"
#include "store/AtomicFile.h"
#include "store/Caches.h"
#include "store/SummaryFile.h"

#include "llvm/ADT/Statistic.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/BuryPointer.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"

#include <memory>
#include <set>

using namespace llvm;
using clang::tooling::CompilationDatabase;

namespace pii {
namespace {

cl::OptionCategory Category("pii-flow options");

cl::SubCommand
    ExtractCommand("extract",
                   "Summarize one translation unit into a file, for 'link'");
cl::SubCommand
    LinkCommand("link",
                "Find the flows of the program whose summaries are given");
cl::SubCommand DumpCommand("dump",
                           "Print summary files and cache entries as text");

cl::list<std::string> Files(cl::Positional, cl::desc("[<file>...]"),
                            cl::cat(Category));

cl::opt<std::string> BuildDir(
    "p", cl::value_desc("build-dir"),
    cl::desc(R"(Read compile commands from <build-dir>/compile_commands.json
(CMake: -DCMAKE_EXPORT_COMPILE_COMMANDS=ON). With no <file>,
analyze every file it lists.)"),
    cl::cat(Category), cl::sub(cl::SubCommand::getTopLevel()),
    cl::sub(ExtractCommand));

cl::opt<unsigned>
    Jobs("j", cl::value_desc("n"), cl::init(0),
         cl::desc(R"(Analyze <n> translation units in parallel (default: one per
core). The findings do not depend on it.)"),
         cl::cat(Category));

cl::opt<std::string> SourceRoot(
    "source-root", cl::value_desc("dir"),
    cl::desc(R"(The root of the sources (default: the current directory).
Summaries name files below it by relative paths, so that they
can move between machines.)"),
    cl::cat(Category), cl::sub(cl::SubCommand::getAll()));

cl::list<std::string> PolicyPaths(
    "policy", cl::value_desc("file"),
    cl::desc(R"(Add the rules, sources, sinks and declassifiers of a JSON policy
file (see README) to the built-in rule and the annotations. Given
several times, the files add up.)"),
    cl::cat(Category), cl::sub(cl::SubCommand::getAll()));

cl::opt<bool> UnknownPurposeErrors(
    "werror-unknown-purpose",
    cl::desc(R"(A purpose or sink kind that no rule names, or a declaration the
policy names that no analyzed file declares (a likely typo that switches a
check off), is an error, and the run incomplete (exit 2), rather than a
warning.)"),
    cl::cat(Category), cl::sub(cl::SubCommand::getAll()));

cl::opt<std::string> SarifPath(
    "sarif", cl::value_desc("file"),
    cl::desc("Also write the findings as a SARIF 2.1.0 log (also when there "
             "are none)"),
    cl::cat(Category), cl::sub(cl::SubCommand::getTopLevel()),
    cl::sub(LinkCommand));

cl::opt<std::string> BaselinePath(
    "baseline", cl::value_desc("sarif"),
    cl::desc(R"(Report only findings that are not in <sarif>, a log written
by an earlier --sarif run (matched by fingerprint, so lines
moving around them do not matter).)"),
    cl::cat(Category), cl::sub(cl::SubCommand::getTopLevel()),
    cl::sub(LinkCommand));

// A string rather than cl::values, whose error for an unknown value LLVM
// prints itself, in words of its own.
cl::opt<std::string> FormatName(
    "format", cl::value_desc("text|github"),
    cl::desc(R"(How findings print on standard output: 'text', clang's
diagnostic format (default), or 'github', GitHub Actions
annotations (::error file=...).)"),
    cl::init("text"), cl::cat(Category), cl::sub(cl::SubCommand::getTopLevel()),
    cl::sub(LinkCommand));

cl::opt<uint64_t> LinkBudget(
    "link-budget", cl::value_desc("steps"), cl::init(LinkStepBudget),
    cl::desc(R"(Stop the link after <steps> steps (default: 250 million),
keeping what it found: the run is then incomplete (exit 2), and
a remark says which source it stopped at.)"),
    cl::cat(Category), cl::sub(cl::SubCommand::getTopLevel()),
    cl::sub(LinkCommand));

cl::opt<std::string> CacheDir(
    "cache-dir", cl::value_desc("dir"),
    cl::desc(R"(Keep summaries of analyzed files in <dir> and reuse them while
a file and everything it includes are unchanged (default:
<build-dir>/pii-flow-cache with -p, none otherwise).)"),
    cl::cat(Category));
cl::opt<bool> NoCache("no-cache", cl::desc("Analyze every file, reuse nothing"),
                      cl::cat(Category));

cl::opt<std::string> ExtractOutput("o", cl::value_desc("summary"),
                                   cl::desc("Where to write the summary"),
                                   cl::cat(Category), cl::sub(ExtractCommand));
cl::opt<std::string> ExtractDepfile(
    "depfile", cl::value_desc("file"),
    cl::desc("Also write a Makefile-style list of every file read (Ninja's "
             "depfile), so that a build re-runs the action when one changes"),
    cl::cat(Category), cl::sub(ExtractCommand));
cl::opt<std::string> ExtractFile(cl::Positional, cl::desc("<file>"),
                                 cl::cat(Category), cl::sub(ExtractCommand));

cl::list<std::string> SummaryFiles(cl::Positional, cl::desc("<summary>..."),
                                   cl::cat(Category), cl::sub(LinkCommand));

cl::list<std::string> DumpFiles(cl::Positional,
                                cl::desc("<summary or cache entry>..."),
                                cl::cat(Category), cl::sub(DumpCommand));

const char Overview[] = R"(pii-flow: purpose-limitation checker for C++

Reports every path on which a value collected for one purpose (e.g.
[[pii::purpose("security")]] on a 2FA phone number) reaches a sink of a kind
the policy forbids (e.g. [[pii::sink("advertising")]]).

  pii-flow [options] FILE... -- COMPILER_ARGS   analyze FILEs as one program
  pii-flow [options] -p BUILD_DIR [FILE...]     use compile_commands.json
  pii-flow extract -o OUT FILE -- ARGS          summarize one file (a build
                                                action, runnable anywhere)
  pii-flow link SUMMARY...                      the findings of the program
  pii-flow dump FILE...                         a summary or cache entry, as
                                                text

Exit status: 0 nothing found, 1 findings, 2 analysis incomplete or impossible
(bad option, bad policy file or baseline, a file that fails to compile, a
misused annotation or suppression).
)";

/// libLLVM already registers `-stats` (a second registration aborts), so
/// pii-flow adopts that option, with its own description, rather than shadow
/// it; llvm::AreStatisticsEnabled() reads it.
void adoptStatsOption() {
  if (cl::Option *Stats = cl::getRegisteredOptions().lookup("stats")) {
    Stats->addCategory(Category);
    Stats->setHiddenFlag(cl::NotHidden);
    Stats->addSubCommand(LinkCommand);
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

void printVersion(raw_ostream &OS) {
  OS << "pii-flow " PII_FLOW_VERSION " (LLVM " LLVM_VERSION_STRING ")\n";
}

std::string sourceRoot() {
  SmallString<256> Root(SourceRoot.empty() ? "." : SourceRoot.getValue());
  sys::fs::make_absolute(Root);
  sys::path::remove_dots(Root, /*remove_dot_dot=*/true);
  return Root.str().str();
}

/// The cache to use, if any. Its salt covers what decides a result besides
/// the file: the policy, and this very binary (a rebuilt pii-flow must not
/// trust what an older build wrote).
std::optional<Caches> openCache(const Policy &P) {
  std::string Dir = CacheDir;
  if (Dir.empty() && !BuildDir.empty()) {
    SmallString<256> Default(BuildDir);
    sys::path::append(Default, "pii-flow-cache");
    Dir = Default.str().str();
  }
  if (NoCache || Dir.empty())
    return std::nullopt;
  return Caches(CacheDirectory(Dir, CacheDirectory::saltFor(P)));
}

/// How the run reports, and the baseline it reads, checked before anything
/// is analyzed: a bad baseline or an unwritable log must not cost a whole
/// analysis first.
struct ReportSetup {
  ReportOptions Options;
  std::set<std::string> Baseline;
};

/// \p Problems: what was said before, for the SARIF log.
std::unique_ptr<ReportSetup> setUpReport(const Policy &P, size_t Files,
                                         std::vector<RunProblem> Problems) {
  auto Setup = std::make_unique<ReportSetup>();
  ReportOptions &O = Setup->Options;
  O.Files = Files;
  O.Rules = &P;
  O.SourceRoot = sourceRoot();
  O.Format = FormatName == "github" ? OutputFormat::Github : OutputFormat::Text;
  O.SarifPath = SarifPath;
  O.Stats = AreStatisticsEnabled();
  O.Problems = std::move(Problems);
  if (!BaselinePath.empty()) {
    Expected<std::set<std::string>> Read = readBaselineFile(BaselinePath);
    if (!Read) {
      printFileError(Read.takeError(), BaselinePath);
      return nullptr;
    }
    Setup->Baseline = std::move(*Read);
    O.Baseline = &Setup->Baseline;
  }
  if (!O.SarifPath.empty()) {
    SmallString<256> Dir(O.SarifPath);
    sys::fs::make_absolute(Dir);
    sys::path::remove_filename(Dir);
    if (!sys::fs::is_directory(Dir) ||
        sys::fs::access(Dir, sys::fs::AccessMode::Write)) {
      usageError("cannot write the SARIF log '" + O.SarifPath + "': '" + Dir +
                 "' is not a writable directory");
      return nullptr;
    }
  }
  return Setup;
}

/// `target: input input ...`, with spaces in paths escaped as Make wants.
std::string depfile(StringRef Target, ArrayRef<std::string> Inputs) {
  auto Escape = [](StringRef Path) {
    std::string Escaped;
    for (char C : Path) {
      if (C == ' ' || C == '#')
        Escaped += '\\';
      if (C == '$')
        Escaped += '$';
      Escaped += C;
    }
    return Escaped;
  };
  std::string Text = Escape(Target) + ":";
  for (const std::string &Input : Inputs)
    Text += " \\\n  " + Escape(Input);
  return Text + "\n";
}

int runAnalyze(std::unique_ptr<CompilationDatabase> FromArgs) {
  Expected<Inputs> In = chooseInputs(Files, BuildDir, std::move(FromArgs));
  if (!In) {
    printFileError(In.takeError(), "");
    return ExitIncomplete;
  }
  std::vector<RunProblem> Problems;
  for (const UnreadableFile &U : In->Unreadable) {
    std::string Message = U.Problem + ": '" + U.File + "'";
    errs() << "pii-flow: error: " << Message << '\n';
    Problems.push_back({RuleLevel::Error, Message, SourceSpot{U.File, 0, 0}});
  }
  if (In->Files.empty())
    return ExitIncomplete;
  std::optional<LoadedPolicy> P = loadPolicy(PolicyPaths, UnknownPurposeErrors);
  if (!P)
    return ExitIncomplete;
  llvm::append_range(Problems, P->Problems);
  std::unique_ptr<ReportSetup> Setup =
      setUpReport(P->Rules, In->Files.size(), std::move(Problems));
  if (!Setup)
    return ExitIncomplete;
  Setup->Options.PolicyNames = std::move(P->Names);
  std::optional<Caches> Cache = openCache(P->Rules);
  std::unique_ptr<StatusLine> Progress = StatusLine::onStandardError();
  // A long run's compile errors are not held back until its end.
  std::string &Shown = Setup->Options.DiagnosticsShown;
  auto Show = [&Shown, &Progress](StringRef Text) {
    if (Progress)
      Progress->print(Text);
    else
      errs() << Text;
    Shown += Text;
  };
  auto Analyzed = std::make_unique<Program>(*In->Commands, In->Files, P->Rules,
                                            Cache ? &*Cache : nullptr);
  if (Progress)
    Analyzed->observe(*Progress);
  Analyzed->limitLink(LinkBudget);
  Analyzed->extractAll(Jobs, Show);
  ProgramAnalysis Result = Analyzed->link();
  if (Progress)
    Progress->clear();
  int Status = report(Result, Setup->Options);
  // The program's summaries are freed with the process, not one by one
  // after the findings are out (Clang's -disable-free does the same for its
  // AST).
  llvm::BuryPointer(std::move(Analyzed));
  return Status;
}

int runExtract(std::unique_ptr<CompilationDatabase> FromArgs) {
  // Checked here rather than by cl::Required, which reports on its own
  // stream in two lines.
  if (ExtractOutput.empty())
    return usageError("'extract' needs '-o <summary>'");
  if (ExtractFile.empty())
    return usageError("'extract' needs the file to summarize");
  Expected<Inputs> In =
      chooseInputs({ExtractFile}, BuildDir, std::move(FromArgs));
  if (!In) {
    printFileError(In.takeError(), "");
    return ExitIncomplete;
  }
  if (!In->Unreadable.empty())
    return usageError(In->Unreadable.front().Problem + ": '" + ExtractFile +
                      "'");
  std::optional<LoadedPolicy> P = loadPolicy(PolicyPaths, UnknownPurposeErrors);
  if (!P)
    return ExitIncomplete;
  Program Extracted(*In->Commands, In->Files, P->Rules);
  Extracted.extractAll(1);
  ProgramAnalysis Result = Extracted.extraction();
  errs() << Result.Diagnostics;
  bool PolicyErrors = llvm::any_of(P->Problems, [](const RunProblem &Problem) {
    return Problem.Level == RuleLevel::Error;
  });
  if (!Result.complete() || PolicyErrors) {
    errs() << "pii-flow: error: '" << ExtractFile
           << "' could not be summarized; no summary written\n";
    return ExitIncomplete;
  }
  std::string Root = sourceRoot();
  std::vector<TranslationUnitSummary> Units;
  for (const TranslationUnitSummary *Unit : Extracted.units())
    relativizePaths(Units.emplace_back(*Unit), Root);
  if (Error E = writeFileAtomically(ExtractOutput, encodeSummaries(Units)))
    return usageError(toString(std::move(E)));
  if (!ExtractDepfile.empty())
    if (Error E = writeFileAtomically(ExtractDepfile,
                                      depfile(ExtractOutput, Result.Inputs)))
      return usageError(toString(std::move(E)));
  return ExitClean;
}

/// The functions of summary files, each with its paths resolved against
/// the source root once, as it is first decoded.
class ResolvingPool : public FunctionPool {
public:
  explicit ResolvingPool(std::string Root) : Root(std::move(Root)) {}

  SharedFunction keep(uint64_t Digest, SharedFunction F) override {
    resolvePaths(edit(F), Root);
    return FunctionPool::keep(Digest, std::move(F));
  }

private:
  std::string Root;
};

int runLink() {
  if (SummaryFiles.empty())
    return usageError("'link' needs the summaries to link");
  std::optional<LoadedPolicy> P = loadPolicy(PolicyPaths, UnknownPurposeErrors);
  if (!P)
    return ExitIncomplete;
  std::unique_ptr<ReportSetup> Setup =
      setUpReport(P->Rules, SummaryFiles.size(), std::move(P->Problems));
  if (!Setup)
    return ExitIncomplete;
  Setup->Options.PolicyNames = std::move(P->Names);
  std::string Root = sourceRoot();
  // Read on every core: decoding the summaries is most of a link's work.
  struct SummaryRead {
    std::vector<TranslationUnitSummary> Units;
    std::string Problem;
  };
  std::vector<SummaryRead> Reads(SummaryFiles.size());
  // A function that several files hold is decoded once, and its paths
  // resolved once, as it is kept.
  ResolvingPool Functions(Root);
  DefaultThreadPool Pool(hardware_concurrency());
  for (size_t I = 0; I < SummaryFiles.size(); ++I)
    Pool.async([&, I] {
      const std::string &File = SummaryFiles[I];
      // A pipe would block the read.
      if (sys::fs::exists(File) && !sys::fs::is_regular_file(File)) {
        Reads[I].Problem = "cannot read '" + File + "': not a regular file";
        return;
      }
      auto Buffer = MemoryBuffer::getFile(File);
      if (!Buffer) {
        Reads[I].Problem =
            "cannot read '" + File + "': " + Buffer.getError().message();
        return;
      }
      auto Units = decodeSummaries((*Buffer)->getBuffer(), File, &Functions);
      if (!Units) {
        Reads[I].Problem = toString(Units.takeError());
        return;
      }
      for (TranslationUnitSummary &Unit : *Units)
        resolveUnitPaths(Unit, Root);
      Reads[I].Units = std::move(*Units);
    });
  Pool.wait();
  std::vector<const TranslationUnitSummary *> Units;
  for (SummaryRead &Read : Reads) {
    // The first problem in the order the files were given, whichever
    // thread met it first.
    if (!Read.Problem.empty())
      return usageError(Read.Problem);
    for (const TranslationUnitSummary &Unit : Read.Units)
      Units.push_back(&Unit);
  }
  std::unique_ptr<StatusLine> Progress = StatusLine::onStandardError();
  ProgramAnalysis Result =
      linkUnits(Units, P->Rules, Progress.get(), LinkBudget);
  if (Progress)
    Progress->clear();
  Result.TranslationUnits = SummaryFiles.size();
  int Status = report(Result, Setup->Options);
  // See runAnalyze.
  llvm::BuryPointer(
      std::make_unique<std::vector<SummaryRead>>(std::move(Reads)));
  return Status;
}

/// The compile command after `--` in \p Argv, if there is one, taken out of
/// \p Argv; flags Clang does not know (a g++ build's) are dropped, as they
/// are from a compile database's commands.
Expected<std::unique_ptr<CompilationDatabase>>
takeCompileCommand(std::vector<const char *> &Argv) {
  auto Dashes = llvm::find(Argv, StringRef("--"));
  if (Dashes == Argv.end())
    return nullptr;
  std::vector<const char *> Command = withoutOptionsClangRejects(
      ArrayRef<const char *>(Argv).drop_front(Dashes - Argv.begin() + 1));
  Argv.erase(Dashes + 1, Argv.end());
  llvm::append_range(Argv, Command);
  int Argc = Argv.size();
  std::string Problem;
  std::unique_ptr<CompilationDatabase> Commands =
      clang::tooling::FixedCompilationDatabase::loadFromCommandLine(
          Argc, Argv.data(), Problem);
  Argv.resize(Argc);
  if (!Problem.empty()) {
    // Clang's driver's lines, "warning: ..." and "error: ...": its first
    // error says what is wrong.
    SmallVector<StringRef, 4> Lines;
    StringRef(Problem).trim().split(Lines, '\n');
    StringRef Said = Lines.front();
    for (StringRef Line : Lines)
      if (Line.starts_with("error: ")) {
        Said = Line;
        break;
      }
    Said.consume_front("error: ") || Said.consume_front("warning: ");
    return createStringError("in the compile command after '--': " + Said);
  }
  return Commands;
}

} // namespace

int piiMain(int argc, const char **argv) {
  // Everything after `--` is the compile command; take it before the options
  // parser sees it.
  std::vector<const char *> Argv(argv, argv + argc);
  Expected<std::unique_ptr<CompilationDatabase>> FromArgs =
      takeCompileCommand(Argv);
  if (!FromArgs)
    return usageError(toString(FromArgs.takeError()));
  argc = Argv.size();
  argv = Argv.data();

  adoptStatsOption();
  for (cl::SubCommand *Sub : {&cl::SubCommand::getTopLevel(), &ExtractCommand,
                              &LinkCommand, &DumpCommand})
    cl::HideUnrelatedOptions(Category, *Sub);
  cl::SetVersionPrinter(printVersion);
  std::string OptionErrors;
  raw_string_ostream OptionErrorStream(OptionErrors);
  if (!cl::ParseCommandLineOptions(argc, argv, Overview, &OptionErrorStream)) {
    // LLVM's first line names the problem; the rest are guesses at a fix.
    StringRef Problem = StringRef(OptionErrors).split('\n').first;
    Problem.consume_front("pii-flow: ");
    Problem.consume_front("pii-flow extract: ");
    Problem.consume_front("pii-flow link: ");
    Problem.consume_front("pii-flow dump: ");
    Problem = Problem.split("  Try:").first.rtrim('.');
    return usageError(Problem.take_front(1).lower() + Problem.drop_front(1) +
                      " (see 'pii-flow --help')");
  }

  if (!SourceRoot.empty() && !sys::fs::is_directory(SourceRoot))
    return usageError("--source-root '" + SourceRoot + "' is not a directory");
  if (FormatName != "text" && FormatName != "github")
    return usageError(
        "unknown --format '" + FormatName + "'; it is 'text' or 'github'" +
        (FormatName == "sarif" ? " (a SARIF log is written with --sarif FILE)"
                               : ""));
  if (ExtractCommand)
    return runExtract(std::move(*FromArgs));
  if (DumpCommand) {
    if (DumpFiles.empty())
      return usageError("'dump' needs the summaries or cache entries to print");
    if (Error E = dumpFiles(outs(), DumpFiles))
      return usageError(toString(std::move(E)));
    return ExitClean;
  }
  if (LinkCommand) {
    if (*FromArgs)
      return usageError("'link' takes summaries, not compiler arguments");
    return runLink();
  }
  return runAnalyze(std::move(*FromArgs));
}

} // namespace pii
