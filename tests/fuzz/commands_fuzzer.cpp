//===- commands_fuzzer.cpp - libFuzzer target for compile commands --------===//
//
// `pii-flow -p DIR`, pii-clangd and a file analyzed alone read the
// compile_commands.json or compile_flags.txt they find; a broken one must
// be an error naming its place, never a crash, a hang or unbounded memory.
// Each input is written as both files, in a directory of their own, and
// loaded as pii-flow loads them (loadCommands), then asked for every
// command, as a run asks. The seeds are databases in CMake's and Bear's
// forms and a flags file. Built and run by scripts/fuzz.sh, not part of CI.
//
//===----------------------------------------------------------------------===//

#include "driver/Inputs.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace {

std::string Directory;

void write(llvm::StringRef Name, llvm::StringRef Bytes) {
  llvm::SmallString<128> Path(Directory);
  llvm::sys::path::append(Path, Name);
  std::error_code Error;
  llvm::raw_fd_ostream Out(Path, Error);
  if (Error) {
    llvm::errs() << "commands_fuzzer: cannot write " << Path << "\n";
    std::abort();
  }
  Out << Bytes;
}

void load(pii::CommandSource::KindT Kind) {
  auto Commands = pii::loadCommands({Kind, Directory});
  if (!Commands) {
    llvm::consumeError(Commands.takeError());
    return;
  }
  (*Commands)->getCompileCommands(Directory + "/main.cpp");
  for (const std::string &File : (*Commands)->getAllFiles())
    (*Commands)->getCompileCommands(File);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  llvm::SmallString<128> Path;
  if (llvm::sys::fs::createUniqueDirectory("pii-commands-fuzzer", Path))
    std::abort();
  Directory = Path.str().str();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Bytes(reinterpret_cast<const char *>(Data), Size);
  write("compile_commands.json", Bytes);
  write("compile_flags.txt", Bytes);
  load(pii::CommandSource::Database);
  load(pii::CommandSource::FlagsFile);
  return 0;
}
