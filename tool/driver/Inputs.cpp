//===- Inputs.cpp ---------------------------------------------------------===//

#include "driver/Inputs.h"
#include "driver/CompileDatabase.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <set>

using namespace llvm;
using clang::tooling::CompilationDatabase;

namespace pii {

namespace {

/// A file a build compiles twice (two targets, two configurations) has two
/// commands; one analysis of it is the program's, and the first command
/// gives it, as clangd chooses.
class FirstCommandOnly : public CompilationDatabase {
public:
  explicit FirstCommandOnly(std::unique_ptr<CompilationDatabase> All)
      : All(std::move(All)) {}

  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(StringRef File) const override {
    std::vector<clang::tooling::CompileCommand> Commands =
        All->getCompileCommands(File);
    if (Commands.size() > 1)
      Commands.resize(1);
    return Commands;
  }
  std::vector<std::string> getAllFiles() const override {
    return All->getAllFiles();
  }

private:
  std::unique_ptr<CompilationDatabase> All;
};

} // namespace

/// Loads <dir>/compile_commands.json, with an error that says which of the
/// usual mistakes it is rather than LLVM's list of every loader it tried.
static Expected<std::unique_ptr<CompilationDatabase>>
loadBuildDir(StringRef Dir) {
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
  return readCompileDatabase(Json);
}

CommandSource findCommandSource(StringRef File, bool InBuild) {
  for (StringRef Dir = sys::path::parent_path(File); !Dir.empty();
       Dir = sys::path::parent_path(Dir)) {
    for (StringRef Sub : {"", "build"}) {
      if (!Sub.empty() && !InBuild)
        continue;
      SmallString<256> Candidate(Dir);
      sys::path::append(Candidate, Sub, "compile_commands.json");
      if (sys::fs::exists(Candidate))
        return {CommandSource::Database,
                sys::path::parent_path(Candidate).str()};
    }
    SmallString<256> Flags(Dir);
    sys::path::append(Flags, "compile_flags.txt");
    if (sys::fs::exists(Flags))
      return {CommandSource::FlagsFile, Dir.str()};
  }
  return {CommandSource::Defaults, sys::path::parent_path(File).str()};
}

Expected<std::unique_ptr<CompilationDatabase>>
loadCommands(const CommandSource &Source) {
  using clang::tooling::FixedCompilationDatabase;
  switch (Source.Kind) {
  case CommandSource::Database:
    return loadBuildDir(Source.Directory);
  case CommandSource::FlagsFile: {
    SmallString<256> Flags(Source.Directory);
    sys::path::append(Flags, "compile_flags.txt");
    std::string Error;
    std::unique_ptr<CompilationDatabase> Commands =
        FixedCompilationDatabase::loadFromFile(Flags, Error);
    if (!Commands)
      return createStringError("cannot read '" + Flags + "': " + Error);
    return Commands;
  }
  case CommandSource::Defaults:
    break;
  }
  return std::make_unique<FixedCompilationDatabase>(Source.Directory,
                                                    std::vector<std::string>());
}

Expected<Inputs> chooseInputs(const std::vector<std::string> &Files,
                              StringRef BuildDir,
                              std::unique_ptr<CompilationDatabase> FromArgs) {
  Inputs In;
  if (FromArgs && !BuildDir.empty())
    return createStringError("use either '-p <build-dir>' or '-- <compiler "
                             "args>', not both");
  // A file is named once however it is spelled (a.cpp, ./a.cpp, a link).
  std::set<std::string> Named;
  for (const std::string &File : Files) {
    SmallString<256> Real;
    if (!Named.insert(sys::fs::real_path(File, Real) ? File : Real.str().str())
             .second)
      continue;
    sys::fs::file_status Status;
    if (sys::fs::status(File, Status) || !sys::fs::exists(Status))
      In.Unreadable.push_back({File, "no such file"});
    // A pipe or a device would block the parse, or never end.
    else if (!sys::fs::is_regular_file(Status))
      In.Unreadable.push_back({File, "not a regular file"});
    // LibTooling turns a backslash into a path separator.
    else if (StringRef(File).contains('\\'))
      In.Unreadable.push_back(
          {File, "Clang's tools cannot open a file whose name holds a "
                 "backslash"});
    else
      In.Files.push_back(File);
  }

  if (FromArgs) {
    if (Files.empty())
      return createStringError("no input files: name the files to analyze "
                               "before '--'");
    In.Commands = std::move(FromArgs);
  } else if (!BuildDir.empty()) {
    auto Loaded = loadBuildDir(BuildDir);
    if (!Loaded)
      return Loaded.takeError();
    In.Commands = std::move(*Loaded);
  } else if (!In.Files.empty()) {
    SmallString<256> First(In.Files[0]);
    sys::fs::make_absolute(First);
    CommandSource Found = findCommandSource(First, /*InBuild=*/false);
    if (Found.Kind == CommandSource::Defaults)
      return createStringError(
          "no compile command for '" + In.Files[0] +
          "': pass '-- <compiler args>' or '-p <build-dir>'");
    auto Loaded = loadCommands(Found);
    if (!Loaded)
      return Loaded.takeError();
    In.Commands = std::move(*Loaded);
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
  In.Commands = std::make_unique<FirstCommandOnly>(
      clang::tooling::inferMissingCompileCommands(std::move(In.Commands)));
  return In;
}

} // namespace pii
