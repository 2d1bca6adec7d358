//===- ParseTool.cpp ------------------------------------------------------===//

#include "driver/ParseTool.h"

#include "clang/Driver/Options.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Option/ArgList.h"
#include "llvm/Option/OptTable.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace clang;

namespace pii {
namespace {

/// Whether Clang's driver would reject \p Option as an argument it does not
/// know or does not support: flags only GCC understands
/// (-fconcepts-diagnostics-depth=2, -fanalyzer, -fmodules-ts), which
/// compile databases written for g++ carry.
bool rejectedByClang(const llvm::opt::Option &Option) {
  return Option.getKind() == llvm::opt::Option::UnknownClass ||
         Option.hasFlag(driver::options::Unsupported);
}

/// The positions of \p Options that Clang's driver rejects, and whether
/// they include a -resource-dir.
std::pair<std::vector<bool>, bool>
parseOptions(llvm::ArrayRef<const char *> Options) {
  unsigned MissingIndex = 0, MissingCount = 0;
  llvm::opt::InputArgList Parsed = driver::getDriverOptTable().ParseArgs(
      Options, MissingIndex, MissingCount,
      llvm::opt::Visibility(driver::options::ClangOption));
  // An argument spans the words up to the next one's index.
  std::vector<bool> Rejected(Options.size());
  bool HasResourceDir = false;
  for (auto It = Parsed.begin(), End = Parsed.end(); It != End; ++It) {
    const llvm::opt::Option &Option = (*It)->getOption();
    HasResourceDir |= Option.matches(driver::options::OPT_resource_dir);
    if (!rejectedByClang(Option))
      continue;
    unsigned Next =
        std::next(It) != End ? (*std::next(It))->getIndex() : Options.size();
    for (unsigned I = (*It)->getIndex(); I < Next; ++I)
      Rejected[I] = true;
  }
  return {std::move(Rejected), HasResourceDir};
}

/// \p Options without those Clang rejects.
std::vector<const char *> accepted(llvm::ArrayRef<const char *> Options,
                                   const std::vector<bool> &Rejected) {
  std::vector<const char *> Kept;
  for (size_t I = 0; I < Options.size(); ++I)
    if (!Rejected[I])
      Kept.push_back(Options[I]);
  return Kept;
}

tooling::CommandLineArguments
adjustForLibTooling(const tooling::CommandLineArguments &Args,
                    llvm::StringRef /*File*/) {
  if (Args.empty())
    return Args;
  // The options: after the compiler, before a `--` that ends them.
  auto OptionsEnd = llvm::find(Args, "--");
  std::vector<const char *> Options;
  for (auto It = Args.begin() + 1; It != OptionsEnd; ++It)
    Options.push_back(It->c_str());
  auto [Rejected, HasResourceDir] = parseOptions(Options);
  tooling::CommandLineArguments Result{Args.front()};
  for (const char *Option : accepted(Options, Rejected))
    Result.push_back(Option);
  std::vector<std::string> Ours;
  // Clang's builtin headers (stddef.h, ...): LibTooling would look for them
  // next to this binary, where they are not.
  if (!HasResourceDir)
    Ours.push_back("-resource-dir=" PII_CLANG_RESOURCE_DIR);
  // The user's compiler warnings are not ours to report, and -Werror in a
  // build's flags must not turn them into failed translation units.
  Ours.push_back("-w");
  Ours.push_back("-Wno-unknown-warning-option");
  // The compiler prints "N errors generated." straight to stderr, outside
  // the per-file diagnostics buffer (and so out of order under -j); it does
  // not with this option, which our own printer does not read.
  Ours.push_back("-fno-caret-diagnostics");
  // Before a `--` (a command inferred for a file the database lacks ends
  // with `-- FILE`), after which every word is a file name.
  Result.insert(Result.end(), Ours.begin(), Ours.end());
  Result.insert(Result.end(), OptionsEnd, Args.end());
  return Result;
}

/// The real file system, but only regular files open: a pipe or a terminal
/// that an #include names would block the parse forever (as it does
/// Clang's own).
class RegularFilesOnly : public llvm::vfs::ProxyFileSystem {
public:
  RegularFilesOnly() : ProxyFileSystem(llvm::vfs::createPhysicalFileSystem()) {}

  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>>
  openFileForRead(const llvm::Twine &Path) override {
    llvm::ErrorOr<llvm::vfs::Status> Found = status(Path);
    if (Found && Found->getType() != llvm::sys::fs::file_type::regular_file &&
        !Found->isDirectory())
      return std::make_error_code(std::errc::operation_not_supported);
    return ProxyFileSystem::openFileForRead(Path);
  }
};

} // namespace

std::vector<const char *>
withoutOptionsClangRejects(llvm::ArrayRef<const char *> Options) {
  return accepted(Options, parseOptions(Options).first);
}

std::unique_ptr<tooling::ClangTool>
parseToolFor(const tooling::CompilationDatabase &Commands,
             const std::string &File, const FileOverlay &Overlay) {
  // A file system of its own: the shared real one follows the compile
  // command's directory by changing the process's working directory, which
  // parallel tools would race on.
  auto Tool = std::make_unique<tooling::ClangTool>(
      Commands, std::vector<std::string>{File},
      std::make_shared<PCHContainerOperations>(),
      llvm::makeIntrusiveRefCnt<RegularFilesOnly>());
  Tool->appendArgumentsAdjuster(adjustForLibTooling);
  for (const auto &[Path, Text] : Overlay)
    Tool->mapVirtualFile(Path, Text);
  Tool->setPrintErrorMessage(false);
  return Tool;
}

} // namespace pii
