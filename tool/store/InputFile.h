//===- InputFile.h - The files a parse read, as they were -------*- C++ -*-===//
//
// What the summary cache and the preamble store keep of every file a parse
// read, so that a later run can tell whether any of them changed.
//
//===----------------------------------------------------------------------===//

#ifndef PII_STORE_INPUTFILE_H
#define PII_STORE_INPUTFILE_H

#include "core/model/FileOverlay.h"

#include "llvm/Support/FileSystem.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class FileManager;
class SourceManager;
} // namespace clang

namespace pii {

/// A file a translation unit read, as it was.
struct InputFile {
  std::string Path;
  uint64_t Size = 0;
  int64_t ModifiedNs = 0;
  uint64_t Hash = 0;
};

template <typename Ar> void fields(Ar &A, InputFile &I) {
  A(I.Path, I.Size, I.ModifiedNs, I.Hash);
}

/// Content hash used for inputs.
uint64_t hashContent(llvm::StringRef Content);

/// \p Name, a file \p Files opened, made absolute against the compile
/// command's directory, without "." components: as Clang's PCH writer names
/// the files it records.
std::string absolutePath(const clang::FileManager &Files, llvm::StringRef Name);

/// Every file \p SM read, by absolute path, sorted.
std::vector<InputFile> inputsOf(clang::SourceManager &SM);

/// Whether \p Input, now of \p Status, is as it was: same size and time,
/// or same content.
bool unchanged(const InputFile &Input,
               const std::optional<llvm::sys::fs::file_status> &Status);

} // namespace pii

#endif // PII_STORE_INPUTFILE_H
