//===- SummaryCache.cpp ---------------------------------------------------===//

#include "core/SummaryCache.h"
#include "core/AtomicFile.h"
#include "core/SummaryArchive.h"
#include "core/SummaryFile.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

namespace pii {

static constexpr llvm::StringLiteral EntryKind = "cache-entry";

SummaryCache::SummaryCache(std::string Directory, std::string Salt)
    : Directory(std::move(Directory)), Salt(std::move(Salt)) {}

uint64_t SummaryCache::hashContent(llvm::StringRef Content) {
  return llvm::xxh3_64bits(Content);
}

std::string
SummaryCache::entryPath(llvm::StringRef File,
                        llvm::ArrayRef<std::string> Commands) const {
  std::string Key = Salt + '\0' + File.str();
  for (const std::string &Command : Commands)
    Key += '\0' + Command;
  llvm::SmallString<256> Path(Directory);
  llvm::sys::path::append(Path, llvm::utohexstr(hashContent(Key)) + ".summary");
  return Path.str().str();
}

/// Whether \p Input is as it was: same size and time, or same content.
static bool unchanged(const InputFile &Input) {
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(Input.Path, Status))
    return false;
  if (Status.getSize() == Input.Size &&
      Status.getLastModificationTime().time_since_epoch().count() ==
          Input.ModifiedNs)
    return true;
  auto Buffer = llvm::MemoryBuffer::getFile(Input.Path);
  return Buffer &&
         SummaryCache::hashContent((*Buffer)->getBuffer()) == Input.Hash;
}

template <typename Ar> void fields(Ar &A, InputFile &I) {
  A(I.Path, I.Size, I.ModifiedNs, I.Hash);
}

std::optional<FileResult>
SummaryCache::lookup(llvm::StringRef File, llvm::ArrayRef<std::string> Commands,
                     std::string &Problem) const {
  std::string Path = entryPath(File, Commands);
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
    if (!unchanged(Input))
      return std::nullopt;
  Reader(Result.Summaries, Result.Diagnostics, Result.AnnotationProblems,
         Result.TranslationUnits, Result.Stats.IncompleteFunctions);
  if (!Reader.done())
    return Corrupt("malformed");
  if (std::string Why = inconsistencyIn(Result.Summaries); !Why.empty())
    return Corrupt(Why);
  return Result;
}

std::string SummaryCache::store(llvm::StringRef File,
                                llvm::ArrayRef<std::string> Commands,
                                const FileResult &Result) const {
  if (std::error_code EC = llvm::sys::fs::create_directories(Directory))
    return "cannot create the cache directory '" + Directory +
           "': " + EC.message();
  ArchiveWriter Writer;
  Writer(Result.Inputs, Result.Summaries, Result.Diagnostics,
         Result.AnnotationProblems, Result.TranslationUnits,
         Result.Stats.IncompleteFunctions);
  if (llvm::Error E = writeFileAtomically(entryPath(File, Commands),
                                          seal(EntryKind, Writer.finish())))
    return llvm::toString(std::move(E));
  return "";
}

} // namespace pii
