//===- CacheDirectory.cpp -------------------------------------------------===//

#include "store/CacheDirectory.h"
#include "store/AtomicFile.h"
#include "store/InputFile.h"
#include "store/SummaryFile.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <vector>

namespace pii {

CacheDirectory::CacheDirectory(std::string Directory, std::string Salt)
    : Directory(std::move(Directory)), Salt(std::move(Salt)) {}

std::string CacheDirectory::saltFor(const Policy &P) {
  std::string Self = llvm::sys::fs::getMainExecutable(
      nullptr, (void *)&CacheDirectory::saltFor);
  std::string Salt = Self;
  llvm::sys::fs::file_status Binary;
  if (!llvm::sys::fs::status(Self, Binary))
    Salt += " " + std::to_string(Binary.getSize()) + " " +
            std::to_string(
                Binary.getLastModificationTime().time_since_epoch().count());
  return Salt + '\0' + P.fingerprint();
}

std::string
CacheDirectory::entryPath(const CacheEntryKind &Kind, llvm::StringRef File,
                          llvm::ArrayRef<std::string> Commands) const {
  std::string Key = Salt + '\0' + File.str();
  for (const std::string &Command : Commands)
    Key += '\0' + Command;
  llvm::SmallString<256> Path(Directory);
  llvm::sys::path::append(Path,
                          llvm::utohexstr(hashContent(Key)) + Kind.Extension);
  return Path.str().str();
}

llvm::Expected<std::optional<CacheEntry>>
CacheDirectory::read(const CacheEntryKind &Kind, std::string Path) const {
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return std::nullopt; // not written yet
  auto Archive = unseal(Kind.Seal, (*Buffer)->getBuffer());
  if (!Archive)
    return Archive.takeError();
  return CacheEntry{std::move(Path), std::move(*Buffer), *Archive};
}

llvm::Error CacheDirectory::unusable(llvm::StringRef Path, llvm::StringRef What,
                                     llvm::Error Why, llvm::StringRef Then) {
  return llvm::createStringError("cache entry '" + Path + "' for " + What +
                                 " is unusable (" +
                                 llvm::toString(std::move(Why)) + "); " + Then);
}

llvm::Error CacheDirectory::write(const CacheEntryKind &Kind,
                                  llvm::StringRef Path,
                                  llvm::StringRef Archive) const {
  if (std::error_code EC = llvm::sys::fs::create_directories(Directory))
    return llvm::createStringError("cannot create the cache directory '" +
                                   Directory + "': " + EC.message());
  return writeFileAtomically(Path, seal(Kind.Seal, Archive));
}

void CacheDirectory::evictOldest(const CacheEntryKind &Kind,
                                 llvm::StringRef Latest, size_t Keep) const {
  std::vector<std::pair<llvm::sys::TimePoint<>, std::string>> Others;
  std::error_code Error;
  for (llvm::sys::fs::directory_iterator It(Directory, Error), End;
       It != End && !Error; It.increment(Error)) {
    llvm::sys::fs::file_status Status;
    if (llvm::StringRef(It->path()).ends_with(Kind.Extension) &&
        It->path() != Latest && !llvm::sys::fs::status(It->path(), Status))
      Others.push_back({Status.getLastModificationTime(), It->path()});
  }
  if (Others.size() < Keep)
    return;
  llvm::sort(Others);
  // Another run may be removing the same: either removal will do.
  for (size_t I = 0; I < Others.size() - (Keep - 1); ++I)
    llvm::sys::fs::remove(Others[I].second);
}

} // namespace pii
