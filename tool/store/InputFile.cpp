//===- InputFile.cpp ------------------------------------------------------===//

#include "store/InputFile.h"

#include "clang/Basic/SourceManager.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

namespace pii {

uint64_t hashContent(llvm::StringRef Content) {
  return llvm::xxh3_64bits(Content);
}

std::string absolutePath(const clang::FileManager &Files,
                         llvm::StringRef Name) {
  // Relative names are relative to the compile command's directory, which
  // a later run's working directory need not be.
  llvm::SmallString<256> Path(Name);
  Files.makeAbsolutePath(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/false);
  return Path.str().str();
}

std::vector<InputFile> inputsOf(clang::SourceManager &SM) {
  std::vector<InputFile> Inputs;
  for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
    clang::FileEntryRef File = It->first;
    InputFile Input;
    Input.Path = absolutePath(SM.getFileManager(), File.getName());
    Input.Size = File.getSize();
    llvm::sys::fs::file_status Status;
    if (!llvm::sys::fs::status(Input.Path, Status))
      Input.ModifiedNs =
          Status.getLastModificationTime().time_since_epoch().count();
    if (auto Buffer = SM.getMemoryBufferForFileOrNone(File))
      Input.Hash = hashContent(Buffer->getBuffer());
    Inputs.push_back(std::move(Input));
  }
  llvm::sort(Inputs, [](const InputFile &A, const InputFile &B) {
    return A.Path < B.Path;
  });
  return Inputs;
}

bool unchanged(const InputFile &Input,
               const std::optional<llvm::sys::fs::file_status> &Status) {
  if (!Status)
    return false;
  if (Status->getSize() == Input.Size &&
      Status->getLastModificationTime().time_since_epoch().count() ==
          Input.ModifiedNs)
    return true;
  auto Buffer = llvm::MemoryBuffer::getFile(Input.Path);
  return Buffer && hashContent((*Buffer)->getBuffer()) == Input.Hash;
}

} // namespace pii
