//===- SummaryCache.h - Unchanged files are not parsed again ----*- C++ -*-===//
//
// One entry per file and compile command, named by a hash of the tool
// version, the policy, the file and the command. An entry lists every file
// the translation unit read (size, modification time, content hash) and
// holds what its analysis produced; it is used only while every one of those
// files is unchanged (a touched but identical file still matches by hash).
//
// And one entry per program (set of files): its link result, with a digest
// of the summaries it was linked from. An edit that leaves every summary as
// it was (a comment reworded, lines added after the last function) then
// costs the edited file's parse and no link.
//
// Entries are written whole or not at all (AtomicFile.h), and carry a
// checksum: a corrupt or truncated entry is reported and rebuilt, never
// trusted.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_SUMMARYCACHE_H
#define PII_CORE_SUMMARYCACHE_H

#include "core/Analyze.h"
#include "core/AnnotationChecks.h"
#include "core/InputFile.h"
#include "core/Link.h"
#include "core/Preamble.h"

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pii {

/// What analyzing one file produced, as far as a later run needs it.
struct FileResult {
  /// As encodeSummaries writes them: a run whose link result is cached
  /// never decodes them.
  std::string PackedSummaries;
  std::string Diagnostics;
  std::vector<PlacedProblem> AnnotationProblems;
  unsigned TranslationUnits = 0;
  AnalysisStats Stats;
  std::vector<InputFile> Inputs;
};

/// The entry of \p File compiled with \p Commands in a cache directory:
/// named by a hash of \p Salt, the file and the commands.
std::string cacheEntryPath(llvm::StringRef Directory, llvm::StringRef Salt,
                           llvm::StringRef File,
                           llvm::ArrayRef<std::string> Commands,
                           llvm::StringRef Extension);

/// Writes the entry \p Sealed to \p Path in the cache \p Directory, whole
/// or not at all; returns a problem to report, or "".
std::string storeCacheEntry(llvm::StringRef Directory, llvm::StringRef Path,
                            llvm::StringRef Sealed);

class SummaryCache {
public:
  /// \p Salt distinguishes what else decides the result: the tool version
  /// and the policy (see saltFor).
  SummaryCache(std::string Directory, std::string Salt);

  /// The salt for the running binary with \p P: a rebuilt tool must not
  /// trust what an older build wrote, so it names the executable's size and
  /// modification time.
  static std::string saltFor(const Policy &P);

  /// The cached result for \p File compiled with \p Commands, if every input
  /// is unchanged. \p Problem is set when an entry was there but unusable.
  /// An input's size and time are read once per SummaryCache: one is made
  /// per run, and the entries of a large program name the same headers
  /// hundreds of times.
  std::optional<FileResult> lookup(llvm::StringRef File,
                                   llvm::ArrayRef<std::string> Commands,
                                   std::string &Problem) const;
  /// Stores \p Result; returns a problem to report, or an empty string.
  std::string store(llvm::StringRef File, llvm::ArrayRef<std::string> Commands,
                    const FileResult &Result) const;

  /// The link result stored for the program of \p Files, if the summaries
  /// it was computed from had \p SummaryDigest. \p Problem is set when an
  /// entry was there but unusable.
  std::optional<LinkResult> lookupLink(llvm::ArrayRef<std::string> Files,
                                       uint64_t SummaryDigest,
                                       std::string &Problem) const;
  /// Stores \p Result as the program's; returns a problem, or "".
  std::string storeLink(llvm::ArrayRef<std::string> Files,
                        uint64_t SummaryDigest, const LinkResult &Result) const;

  /// Kept in the same directory, under the same salt.
  const PreambleStore &preambles() const { return Preambles; }

private:
  class InputStatuses;

  std::string Directory;
  std::string Salt;
  PreambleStore Preambles;
  /// Shared by copies, and by the threads looking entries up.
  std::shared_ptr<InputStatuses> Statuses;
};

} // namespace pii

#endif // PII_CORE_SUMMARYCACHE_H
