//===- AtomicFile.cpp -----------------------------------------------------===//

#include "store/AtomicFile.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <atomic>

namespace pii {

llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Text) {
  // Unique per process and per write: threads may write side by side.
  static std::atomic<unsigned> Counter{0};
  llvm::SmallString<256> Temporary(Path);
  Temporary += ".tmp-" + std::to_string(llvm::sys::Process::getProcessId()) +
               "-" + std::to_string(Counter++);
  auto Fail = [&](const std::string &Why) {
    llvm::sys::fs::remove(Temporary);
    return llvm::createStringError("cannot write '" + Path + "': " + Why);
  };
  std::error_code EC;
  {
    llvm::raw_fd_ostream Out(Temporary, EC);
    if (EC)
      return Fail(EC.message());
    Out << Text;
    Out.close();
    if (Out.has_error()) {
      std::string Why = Out.error().message();
      Out.clear_error();
      return Fail(Why);
    }
  }
  if (std::error_code Renamed = llvm::sys::fs::rename(Temporary, Path))
    return Fail(Renamed.message());
  return llvm::Error::success();
}

} // namespace pii
