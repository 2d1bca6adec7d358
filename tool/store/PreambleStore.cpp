//===- PreambleStore.cpp --------------------------------------------------===//

#include "store/PreambleStore.h"
#include "store/Archive.h"

#include "llvm/Support/FileSystem.h"

namespace pii {

/// An entry's fields, for reading and writing alike: all but the PCH
/// first, so that a stale entry's PCH, megabytes, is not read.
template <typename Ar, typename PreambleT>
static void headFields(Ar &A, PreambleT &P) {
  A(P.IncludeLines, P.Inputs, P.Spellings);
}

llvm::Expected<Preamble> decodePreambleEntry(llvm::StringRef Archive) {
  ArchiveReader Reader(Archive);
  Preamble Result;
  headFields(Reader, Result);
  Reader(Result.Pch);
  if (!Reader.done())
    return llvm::createStringError("malformed");
  return Result;
}

PreambleStore::PreambleStore(CacheDirectory Directory)
    : Directory(std::move(Directory)) {}

/// Whether \p Input is exactly as the PCH recorded it, reading it from
/// \p Overlay if it is there. Same content is not enough: Clang finds what
/// it knows of a header in a PCH (#pragma once, for one) by its size and
/// time, so a header edited and restored (git stash) would be included
/// again, and everything in it defined twice.
static bool unchangedIn(const FileOverlay &Overlay, const InputFile &Input) {
  auto Open = Overlay.find(Input.Path);
  // An editor's buffer is read with time 0.
  if (Open != Overlay.end())
    return Input.ModifiedNs == 0 && hashContent(Open->second) == Input.Hash;
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(Input.Path, Status))
    return false;
  return Status.getSize() == Input.Size &&
         Status.getLastModificationTime().time_since_epoch().count() ==
             Input.ModifiedNs;
}

llvm::Expected<std::optional<Preamble>> PreambleStore::lookup(
    llvm::StringRef File, llvm::ArrayRef<std::string> Commands,
    llvm::StringRef IncludeLines, const FileOverlay &Overlay) const {
  std::string Path = Directory.entryPath(PreambleEntry, File, Commands);
  // Said once: the file's next edit builds the preamble again.
  auto Unusable = [&](llvm::Error Why) {
    llvm::sys::fs::remove(Path);
    return CacheDirectory::unusable(Path,
                                    "the preamble of '" + File.str() + "'",
                                    std::move(Why), "removed");
  };
  auto Entry = Directory.read(PreambleEntry, Path);
  if (!Entry)
    return Unusable(Entry.takeError());
  if (!*Entry)
    return std::nullopt; // none built yet
  ArchiveReader Reader((*Entry)->Archive);
  Preamble Result;
  headFields(Reader, Result);
  if (!Reader.ok())
    return Unusable(llvm::createStringError("malformed"));
  if (Result.IncludeLines != IncludeLines)
    return std::nullopt; // the file's #include lines changed
  for (const InputFile &Input : Result.Inputs)
    if (!unchangedIn(Overlay, Input))
      return std::nullopt;
  Reader(Result.Pch);
  if (!Reader.done())
    return Unusable(llvm::createStringError("malformed"));
  return Result;
}

llvm::Error PreambleStore::store(llvm::StringRef File,
                                 llvm::ArrayRef<std::string> Commands,
                                 const Preamble &P) const {
  ArchiveWriter Writer;
  headFields(Writer, P);
  Writer(P.Pch);
  std::string Path = Directory.entryPath(PreambleEntry, File, Commands);
  if (llvm::Error E = Directory.write(PreambleEntry, Path, Writer.finish()))
    return E;
  Directory.evictOldest(PreambleEntry, Path, Kept);
  return llvm::Error::success();
}

} // namespace pii
