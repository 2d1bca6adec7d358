//===- cache_fuzzer.cpp - libFuzzer target for cache entries --------------===//
//
// The summary cache (file, link and link memo entries) and the preamble
// store read back entries from a directory anyone may have written to (a
// shared build tree, a cache kept between CI runs); a corrupt entry must be
// reported and rebuilt: no crash,
// no hang, no unbounded memory. Their decoders are private, so each input is
// written as an entry file and looked up through the public API, once as it
// is and once as the archive behind a valid seal (the kinds and paths are
// taken from entries the stores write themselves). The digest and include
// lines an entry must match are read from the input, so that the lookups
// read on. The seeds are real entries of the example, the preamble's PCH
// replaced by four bytes (tests/fuzz/make-seeds.sh). Built and run by
// scripts/fuzz.sh, not part of CI.
//
//===----------------------------------------------------------------------===//

#include "store/Archive.h"
#include "store/Caches.h"
#include "store/SummaryFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <set>
#include <string>

namespace {

const std::string Salt = "fuzz";
const std::string File = "/fuzz/main.cpp";
const std::vector<std::string> Commands = {"c++ -c /fuzz/main.cpp"};
std::string Directory;

/// An entry file a store writes, and the kind its seal names.
struct Entry {
  std::string Path;
  std::string Kind;
};
Entry Summary, Link, Memo, Preamble;

std::set<std::string> filesIn(llvm::StringRef Dir) {
  std::set<std::string> Files;
  std::error_code Error;
  for (llvm::sys::fs::directory_iterator It(Dir, Error), End;
       It != End && !Error; It.increment(Error))
    Files.insert(It->path());
  return Files;
}

/// The entry \p Store writes in the (otherwise unchanged) directory.
Entry entryWrittenBy(const std::function<llvm::Error()> &Store) {
  std::set<std::string> Before = filesIn(Directory);
  std::string Problem = llvm::toString(Store());
  std::set<std::string> After = filesIn(Directory);
  for (const std::string &Path : After)
    if (!Before.count(Path)) {
      auto Buffer = llvm::MemoryBuffer::getFile(Path);
      llvm::SmallVector<llvm::StringRef, 4> Words;
      if (Buffer)
        (*Buffer)->getBuffer().split('\n').first.split(Words, ' ');
      if (Words.size() == 4)
        return {Path, Words[1].str()};
    }
  llvm::errs() << "cache_fuzzer: no entry written (" << Problem << ")\n";
  std::abort();
}

void write(const std::string &Path, llvm::StringRef Bytes) {
  std::error_code Error;
  llvm::raw_fd_ostream Out(Path, Error);
  if (Error) {
    llvm::errs() << "cache_fuzzer: cannot write " << Path << "\n";
    std::abort();
  }
  Out << Bytes;
}

/// The first value of \p Archive as a \p T, or a default one.
template <typename T> T firstOf(llvm::StringRef Archive) {
  pii::ArchiveReader Reader(Archive);
  T Value{};
  Reader(Value);
  return Value;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
  llvm::SmallString<128> Path;
  if (llvm::sys::fs::createUniqueDirectory("pii-cache-fuzzer", Path)) {
    llvm::errs() << "cache_fuzzer: cannot create a temporary directory\n";
    std::abort();
  }
  Directory = Path.str().str();
  pii::Caches Cache(pii::CacheDirectory(Directory, Salt));
  Summary = entryWrittenBy(
      [&] { return Cache.Summaries.store(File, Commands, pii::FileResult()); });
  Link = entryWrittenBy(
      [&] { return Cache.Summaries.storeLink({File}, 0, pii::LinkResult()); });
  Memo = entryWrittenBy(
      [&] { return Cache.Summaries.storeMemo({File}, pii::MemoSnapshot()); });
  Preamble = entryWrittenBy(
      [&] { return Cache.Preambles.store(File, Commands, pii::Preamble()); });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  // A seed's first line is its seal; anything else is all archive.
  llvm::StringRef Archive = Text;
  if (Text.starts_with("pii-flow "))
    Archive = Text.split('\n').second;
  // One per input, as one per run: it remembers every input's status.
  pii::Caches Cache(pii::CacheDirectory(Directory, Salt));
  for (bool Sealed : {false, true}) {
    auto Contents = [&](const Entry &E) {
      return Sealed ? pii::seal(E.Kind, Archive) : Text.str();
    };
    write(Summary.Path, Contents(Summary));
    llvm::consumeError(Cache.Summaries.lookup(File, Commands).takeError());
    write(Link.Path, Contents(Link));
    llvm::consumeError(
        Cache.Summaries.lookupLink({File}, firstOf<uint64_t>(Archive))
            .takeError());
    write(Memo.Path, Contents(Memo));
    llvm::consumeError(Cache.Summaries.lookupMemo({File}).takeError());
    write(Preamble.Path, Contents(Preamble));
    llvm::consumeError(Cache.Preambles
                           .lookup(File, Commands,
                                   firstOf<std::string>(Archive),
                                   pii::FileOverlay())
                           .takeError());
  }
  return 0;
}
