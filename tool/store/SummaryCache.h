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
// costs the edited file's parse and no link. And what that link kept for
// the next (MemoSnapshot.h): an edit that changes summaries links again
// only those, and those that read them.
//
// Entries are kept as CacheDirectory.h keeps them: a corrupt or truncated
// entry is reported and rebuilt, never trusted.
//
//===----------------------------------------------------------------------===//

#ifndef PII_STORE_SUMMARYCACHE_H
#define PII_STORE_SUMMARYCACHE_H

#include "core/analysis/Analyze.h"
#include "core/link/Link.h"
#include "core/link/MemoSnapshot.h"
#include "core/model/CompilerDiagnostic.h"
#include "store/CacheDirectory.h"
#include "store/InputFile.h"

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
  std::vector<CompilerDiagnostic> Diagnostics;
  std::vector<PlacedProblem> AnnotationProblems;
  unsigned TranslationUnits = 0;
  AnalysisStats Stats;
  std::vector<InputFile> Inputs;
};

inline constexpr CacheEntryKind SummaryEntry = {"cache-entry", ".summary"};
inline constexpr CacheEntryKind LinkEntry = {"link-entry", ".link"};
inline constexpr CacheEntryKind MemoEntry = {"memo-entry", ".memo"};

/// The link result of a program, and the digest of the summaries it was
/// linked from.
struct LinkedProgram {
  uint64_t SummaryDigest = 0;
  LinkResult Result;
};

/// Entries as they are, whatever files they name: for `pii-flow dump`.
llvm::Expected<FileResult> decodeSummaryEntry(llvm::StringRef Archive);
llvm::Expected<LinkedProgram> decodeLinkEntry(llvm::StringRef Archive);
llvm::Expected<MemoSnapshot> decodeMemoEntry(llvm::StringRef Archive);

class SummaryCache {
public:
  /// \p Directory's salt says what else decides the result: the tool
  /// binary and the policy (CacheDirectory::saltFor).
  explicit SummaryCache(CacheDirectory Directory);

  /// What the cache holds for a file: its result, if every input is
  /// unchanged; else whether there was an entry, of inputs that changed
  /// since (an absent entry is that of a new file, or of one whose
  /// analysis failed in a way that may not repeat: those are not kept).
  struct Lookup {
    std::optional<FileResult> Result;
    bool Stale = false;
  };
  /// The cached result for \p File compiled with \p Commands; an error if
  /// an entry was there but unusable. An input's size and time are read
  /// once per SummaryCache: one is made per run, and the entries of a
  /// large program name the same headers hundreds of times.
  llvm::Expected<Lookup> lookup(llvm::StringRef File,
                                llvm::ArrayRef<std::string> Commands) const;
  llvm::Error store(llvm::StringRef File, llvm::ArrayRef<std::string> Commands,
                    const FileResult &Result) const;

  /// The link result stored for the program of \p Files, if the summaries
  /// it was computed from had \p SummaryDigest; an error if an entry was
  /// there but unusable.
  llvm::Expected<std::optional<LinkResult>>
  lookupLink(llvm::ArrayRef<std::string> Files, uint64_t SummaryDigest) const;
  llvm::Error storeLink(llvm::ArrayRef<std::string> Files,
                        uint64_t SummaryDigest, const LinkResult &Result) const;

  /// What the last link of the program of \p Files kept for the next
  /// (MemoSnapshot.h), if one was stored; an error if an entry was there
  /// but unusable. An edit then costs the summaries it changes, not the
  /// whole link.
  llvm::Expected<std::optional<MemoSnapshot>>
  lookupMemo(llvm::ArrayRef<std::string> Files) const;
  llvm::Error storeMemo(llvm::ArrayRef<std::string> Files,
                        const MemoSnapshot &Memo) const;

private:
  class InputStatuses;

  CacheDirectory Directory;
  /// Shared by copies, and by the threads looking entries up.
  std::shared_ptr<InputStatuses> Statuses;
};

} // namespace pii

#endif // PII_STORE_SUMMARYCACHE_H
