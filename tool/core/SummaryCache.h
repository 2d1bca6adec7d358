//===- SummaryCache.h - Unchanged files are not parsed again ----*- C++ -*-===//
//
// One entry per file and compile command, named by a hash of the tool
// version, the policy, the file and the command. An entry lists every file
// the translation unit read (size, modification time, content hash) and
// holds what its analysis produced; it is used only while every one of those
// files is unchanged (a touched but identical file still matches by hash).
//
// Entries are written whole or not at all (AtomicFile.h), and carry a
// checksum: a corrupt or truncated entry is reported and rebuilt, never
// trusted.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_SUMMARYCACHE_H
#define PII_CORE_SUMMARYCACHE_H

#include "core/Analyze.h"
#include "core/Summary.h"

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pii {

/// A file a translation unit read, as it was.
struct InputFile {
  std::string Path;
  uint64_t Size = 0;
  int64_t ModifiedNs = 0;
  uint64_t Hash = 0;
};

/// What analyzing one file produced, as far as a later run needs it.
struct FileResult {
  std::vector<TranslationUnitSummary> Summaries;
  std::string Diagnostics;
  unsigned AnnotationProblems = 0;
  unsigned TranslationUnits = 0;
  AnalysisStats Stats;
  std::vector<InputFile> Inputs;
};

class SummaryCache {
public:
  /// \p Salt distinguishes what else decides the result: the tool version
  /// and the policy.
  SummaryCache(std::string Directory, std::string Salt);

  /// The cached result for \p File compiled with \p Commands, if every input
  /// is unchanged. \p Problem is set when an entry was there but unusable.
  std::optional<FileResult> lookup(llvm::StringRef File,
                                   llvm::ArrayRef<std::string> Commands,
                                   std::string &Problem) const;
  /// Stores \p Result; returns a problem to report, or an empty string.
  std::string store(llvm::StringRef File, llvm::ArrayRef<std::string> Commands,
                    const FileResult &Result) const;

  /// Content hash used for inputs.
  static uint64_t hashContent(llvm::StringRef Content);

private:
  std::string entryPath(llvm::StringRef File,
                        llvm::ArrayRef<std::string> Commands) const;

  std::string Directory;
  std::string Salt;
};

} // namespace pii

#endif // PII_CORE_SUMMARYCACHE_H
