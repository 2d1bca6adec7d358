//===- PreambleStore.h - Preambles of edited files --------------*- C++ -*-===//
//
// One entry per file and compile command (CacheDirectory.h): the include
// lines a preamble was built from (driver/Preamble.h), every file its PCH
// read, and the PCH. An entry serves only while its include lines are the
// file's and every file it read is exactly as it was. Only the most
// recently built entries are kept.
//
//===----------------------------------------------------------------------===//

#ifndef PII_STORE_PREAMBLESTORE_H
#define PII_STORE_PREAMBLESTORE_H

#include "core/model/FileOverlay.h"
#include "store/CacheDirectory.h"
#include "store/InputFile.h"

#include <optional>
#include <string>
#include <vector>

namespace pii {

/// A header the PCH names by its absolute path (InputFile::Path), and the
/// name the include search found it by, which a parse without the preamble
/// prints.
struct HeaderSpelling {
  std::string Path;
  std::string Spelled;
};

template <typename Ar> void fields(Ar &A, HeaderSpelling &S) {
  A(S.Path, S.Spelled);
}

struct Preamble {
  /// The text of the header the PCH was compiled from.
  std::string IncludeLines;
  /// Every file the PCH read, but that header.
  std::vector<InputFile> Inputs;
  /// The headers whose two names differ.
  std::vector<HeaderSpelling> Spellings;
  /// Empty when a parse with it could not print a diagnostic as a parse
  /// without does (driver/PreambleDiagnostics.h): the file is parsed
  /// without until its headers change.
  std::string Pch;
};

inline constexpr CacheEntryKind PreambleEntry = {"preamble-entry", ".preamble"};

/// An entry as it is, whatever files it names: for `pii-flow dump`.
llvm::Expected<Preamble> decodePreambleEntry(llvm::StringRef Archive);

class PreambleStore {
public:
  /// How many entries the store keeps, the most recently built: those of
  /// the files being edited. A PCH takes megabytes, and each file has its
  /// own.
  static constexpr size_t Kept = 16;

  /// With the salt of the summary cache: a PCH is only read by the Clang
  /// that wrote it.
  explicit PreambleStore(CacheDirectory Directory);

  /// The preamble stored for \p File compiled with \p Commands, if it was
  /// built from \p IncludeLines and every file it read is as it was (as in
  /// \p Overlay, for the files it holds). An entry that is there but
  /// unusable is removed, and is an error.
  llvm::Expected<std::optional<Preamble>>
  lookup(llvm::StringRef File, llvm::ArrayRef<std::string> Commands,
         llvm::StringRef IncludeLines, const FileOverlay &Overlay) const;
  /// Stores \p P as \p File's, and removes the oldest entries beyond Kept.
  llvm::Error store(llvm::StringRef File, llvm::ArrayRef<std::string> Commands,
                    const Preamble &P) const;

private:
  CacheDirectory Directory;
};

} // namespace pii

#endif // PII_STORE_PREAMBLESTORE_H
