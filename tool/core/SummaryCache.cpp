//===- SummaryCache.cpp ---------------------------------------------------===//

#include "core/SummaryCache.h"
#include "core/AtomicFile.h"
#include "core/SummaryArchive.h"
#include "core/SummaryFile.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <mutex>

namespace pii {

static constexpr llvm::StringLiteral EntryKind = "cache-entry";
static constexpr llvm::StringLiteral LinkEntryKind = "link-entry";

/// The size and modification time of each input, taken once.
class SummaryCache::InputStatuses {
public:
  /// \p Path's status, or nothing if it cannot be read.
  std::optional<llvm::sys::fs::file_status> of(llvm::StringRef Path) {
    std::lock_guard<std::mutex> Guard(Lock);
    auto [It, New] = Statuses.try_emplace(Path);
    if (New) {
      llvm::sys::fs::file_status Status;
      if (!llvm::sys::fs::status(Path, Status))
        It->second = Status;
    }
    return It->second;
  }

private:
  std::mutex Lock;
  llvm::StringMap<std::optional<llvm::sys::fs::file_status>> Statuses;
};

SummaryCache::SummaryCache(std::string Directory, std::string Salt)
    : Directory(std::move(Directory)), Salt(std::move(Salt)),
      Preambles(this->Directory, this->Salt),
      Statuses(std::make_shared<InputStatuses>()) {}

std::string SummaryCache::saltFor(const Policy &P) {
  std::string Self =
      llvm::sys::fs::getMainExecutable(nullptr, (void *)&SummaryCache::saltFor);
  std::string Salt = Self;
  llvm::sys::fs::file_status Binary;
  if (!llvm::sys::fs::status(Self, Binary))
    Salt += " " + std::to_string(Binary.getSize()) + " " +
            std::to_string(
                Binary.getLastModificationTime().time_since_epoch().count());
  return Salt + '\0' + P.fingerprint();
}

std::string cacheEntryPath(llvm::StringRef Directory, llvm::StringRef Salt,
                           llvm::StringRef File,
                           llvm::ArrayRef<std::string> Commands,
                           llvm::StringRef Extension) {
  std::string Key = Salt.str() + '\0' + File.str();
  for (const std::string &Command : Commands)
    Key += '\0' + Command;
  llvm::SmallString<256> Path(Directory);
  llvm::sys::path::append(Path, llvm::utohexstr(hashContent(Key)) + Extension);
  return Path.str().str();
}

std::string storeCacheEntry(llvm::StringRef Directory, llvm::StringRef Path,
                            llvm::StringRef Sealed) {
  if (std::error_code EC = llvm::sys::fs::create_directories(Directory))
    return "cannot create the cache directory '" + Directory.str() +
           "': " + EC.message();
  if (llvm::Error E = writeFileAtomically(Path, Sealed))
    return llvm::toString(std::move(E));
  return "";
}

/// Fingerprint and Justification are left out: reporting computes them
/// after the link, from the sources as they are then.
template <typename Ar> void fields(Ar &A, Finding &F) {
  A(F.RuleId, F.Level, F.Purpose, F.SourceName, F.SourceDecl, F.SinkName,
    F.SinkKind, F.ArgIndex, F.Where, F.WhereEnd, F.Call, F.Steps);
}

template <typename Ar> void fields(Ar &A, LinkStats &S) {
  A(S.Functions, S.CallSites, S.OpaqueCallSites, S.Summaries, S.Steps,
    S.BudgetExhausted);
}

template <typename Ar> void fields(Ar &A, LinkResult &R) {
  A(R.Findings, R.Stats, R.Approximations, R.Suppressions);
}

std::optional<FileResult>
SummaryCache::lookup(llvm::StringRef File, llvm::ArrayRef<std::string> Commands,
                     std::string &Problem) const {
  std::string Path =
      cacheEntryPath(Directory, Salt, File, Commands, ".summary");
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return std::nullopt; // not cached yet
  auto Corrupt = [&](const std::string &Why) {
    Problem = "cache entry '" + Path + "' for '" + File.str() +
              "' is unusable (" + Why + "); analyzing the file again";
    return std::nullopt;
  };
  auto Archive = unseal(EntryKind, (*Buffer)->getBuffer());
  if (!Archive)
    return Corrupt(llvm::toString(Archive.takeError()));
  ArchiveReader Reader(*Archive);
  FileResult Result;
  Reader(Result.Inputs);
  if (!Reader.ok())
    return Corrupt("malformed");
  // The inputs come first so that a stale entry is not read further.
  for (const InputFile &Input : Result.Inputs)
    if (!unchanged(Input, Statuses->of(Input.Path)))
      return std::nullopt;
  Reader(Result.PackedSummaries, Result.Diagnostics, Result.AnnotationProblems,
         Result.TranslationUnits, Result.Stats.IncompleteFunctions);
  if (!Reader.done())
    return Corrupt("malformed");
  return Result;
}

template <typename Ar> void fields(Ar &A, PlacedProblem &P) {
  A(P.Where, P.Message, P.Warning);
}

std::string SummaryCache::store(llvm::StringRef File,
                                llvm::ArrayRef<std::string> Commands,
                                const FileResult &Result) const {
  ArchiveWriter Writer;
  Writer(Result.Inputs, Result.PackedSummaries, Result.Diagnostics,
         Result.AnnotationProblems, Result.TranslationUnits,
         Result.Stats.IncompleteFunctions);
  return storeCacheEntry(
      Directory, cacheEntryPath(Directory, Salt, File, Commands, ".summary"),
      seal(EntryKind, Writer.finish()));
}

std::optional<LinkResult>
SummaryCache::lookupLink(llvm::ArrayRef<std::string> Files,
                         uint64_t SummaryDigest, std::string &Problem) const {
  std::string Path =
      cacheEntryPath(Directory, Salt, "the program", Files, ".link");
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return std::nullopt; // not linked yet
  auto Corrupt = [&](const std::string &Why) {
    Problem = "cache entry '" + Path + "' for the program's link is " +
              "unusable (" + Why + "); linking again";
    return std::nullopt;
  };
  auto Archive = unseal(LinkEntryKind, (*Buffer)->getBuffer());
  if (!Archive)
    return Corrupt(llvm::toString(Archive.takeError()));
  ArchiveReader Reader(*Archive);
  uint64_t Digest = 0;
  Reader(Digest);
  if (!Reader.ok())
    return Corrupt("malformed");
  if (Digest != SummaryDigest)
    return std::nullopt; // linked from other summaries
  LinkResult Result;
  Reader(Result);
  if (!Reader.done())
    return Corrupt("malformed");
  return Result;
}

std::string SummaryCache::storeLink(llvm::ArrayRef<std::string> Files,
                                    uint64_t SummaryDigest,
                                    const LinkResult &Result) const {
  ArchiveWriter Writer;
  Writer(SummaryDigest, Result);
  return storeCacheEntry(
      Directory, cacheEntryPath(Directory, Salt, "the program", Files, ".link"),
      seal(LinkEntryKind, Writer.finish()));
}

} // namespace pii
