//===- CacheDirectory.h - Sealed, keyed cache entries -----------*- C++ -*-===//
//
// What the summary, link and preamble entries share: an entry is named by a
// hash of the salt (what else decides its content: the tool binary, the
// policy), a file and its compile commands; it is sealed (SummaryFile.h),
// so that a corrupt, truncated or foreign entry is detected, never trusted;
// it is written whole or not at all (AtomicFile.h); and a kind of entry may
// keep only its most recently written few.
//
//===----------------------------------------------------------------------===//

#ifndef PII_STORE_CACHEDIRECTORY_H
#define PII_STORE_CACHEDIRECTORY_H

#include "core/policy/Policy.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"

#include <memory>
#include <optional>
#include <string>

namespace pii {

/// One kind of entry: the name its seal gives it and the extension of its
/// files.
struct CacheEntryKind {
  llvm::StringLiteral Seal;
  llvm::StringLiteral Extension;
};

/// An entry as read: its file's bytes, and the archive within them.
struct CacheEntry {
  std::string Path;
  std::unique_ptr<llvm::MemoryBuffer> Buffer;
  llvm::StringRef Archive;
};

class CacheDirectory {
public:
  CacheDirectory(std::string Directory, std::string Salt);

  /// The salt for the running binary with \p P: a rebuilt tool must not
  /// trust what an older build wrote, so it names the executable's size and
  /// modification time.
  static std::string saltFor(const Policy &P);

  /// Where the \p Kind entry of \p File compiled with \p Commands is.
  std::string entryPath(const CacheEntryKind &Kind, llvm::StringRef File,
                        llvm::ArrayRef<std::string> Commands) const;

  /// The entry at \p Path: nothing if there is none, an error saying why
  /// if it is there but not a whole \p Kind entry of this version.
  llvm::Expected<std::optional<CacheEntry>> read(const CacheEntryKind &Kind,
                                                 std::string Path) const;

  /// The error for the entry at \p Path, which holds \p What, when it is
  /// unusable because of \p Why, and \p Then is done instead: every kind
  /// says it alike.
  static llvm::Error unusable(llvm::StringRef Path, llvm::StringRef What,
                              llvm::Error Why, llvm::StringRef Then);

  /// Writes \p Archive, sealed as \p Kind, to \p Path, whole or not at all.
  llvm::Error write(const CacheEntryKind &Kind, llvm::StringRef Path,
                    llvm::StringRef Archive) const;

  /// Removes the oldest \p Kind entries but \p Latest, so that at most
  /// \p Keep remain with it.
  void evictOldest(const CacheEntryKind &Kind, llvm::StringRef Latest,
                   size_t Keep) const;

  llvm::StringRef directory() const { return Directory; }

private:
  std::string Directory;
  std::string Salt;
};

} // namespace pii

#endif // PII_STORE_CACHEDIRECTORY_H
