//===- Inputs.cpp ---------------------------------------------------------===//

#include "cli/Inputs.h"

#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace llvm;
using clang::tooling::CompilationDatabase;

namespace pii {

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
  std::string Error;
  auto Commands = clang::tooling::JSONCompilationDatabase::loadFromFile(
      Json, Error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!Commands)
    return createStringError("cannot read compile commands from '" + Json +
                             "': " + StringRef(Error).trim());
  return Commands;
}

Expected<Inputs> chooseInputs(const std::vector<std::string> &Files,
                              StringRef BuildDir,
                              std::unique_ptr<CompilationDatabase> FromArgs) {
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

} // namespace pii
