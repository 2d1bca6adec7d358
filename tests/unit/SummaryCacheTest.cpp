//===- SummaryCacheTest.cpp - Entries used only while they hold -----------===//

#include "store/SummaryCache.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <catch2/catch.hpp>

using namespace pii;

namespace {

/// A temporary cache directory with one source file in it, removed after.
struct CacheFixture {
  CacheFixture() {
    REQUIRE_FALSE(llvm::sys::fs::createUniqueDirectory("pii-cache-test", Dir));
    llvm::SmallString<128> Path(Dir);
    llvm::sys::path::append(Path, "a.cpp");
    Source = Path.str().str();
    write("int x;\n");
  }
  ~CacheFixture() { llvm::sys::fs::remove_directories(Dir); }

  void write(llvm::StringRef Text) {
    std::error_code EC;
    llvm::raw_fd_ostream Out(Source, EC);
    REQUIRE_FALSE(EC);
    Out << Text;
  }

  /// The result of analyzing the source as it is now.
  FileResult result() {
    FileResult R;
    llvm::sys::fs::file_status Status;
    REQUIRE_FALSE(llvm::sys::fs::status(Source, Status));
    auto Buffer = llvm::MemoryBuffer::getFile(Source);
    REQUIRE(Buffer);
    R.Inputs.push_back(
        {Source, Status.getSize(),
         Status.getLastModificationTime().time_since_epoch().count(),
         hashContent((*Buffer)->getBuffer())});
    R.PackedSummaries = "summaries";
    R.TranslationUnits = 1;
    return R;
  }

  SummaryCache cache() const {
    return SummaryCache(CacheDirectory(Dir.str().str(), "salt"));
  }

  llvm::SmallString<128> Dir;
  std::string Source;
  const std::vector<std::string> Commands = {"clang++ -c a.cpp"};
};

/// Fails the test on \p E, saying what it is.
void succeeds(llvm::Error E) { REQUIRE(llvm::toString(std::move(E)) == ""); }

/// Whether \p Found holds an entry; fails on an error.
template <typename T> bool hit(llvm::Expected<std::optional<T>> Found) {
  INFO((Found ? "" : llvm::toString(Found.takeError())));
  REQUIRE(static_cast<bool>(Found));
  return Found->has_value();
}

/// What \p Found says of a file's entry: none, stale or a hit; fails on an
/// error.
std::string entry(llvm::Expected<SummaryCache::Lookup> Found) {
  INFO((Found ? "" : llvm::toString(Found.takeError())));
  REQUIRE(static_cast<bool>(Found));
  return Found->Result ? "hit" : Found->Stale ? "stale" : "none";
}

} // namespace

TEST_CASE("a file's entry serves while its inputs are unchanged",
          "[summary-cache]") {
  CacheFixture F;
  CHECK(entry(F.cache().lookup(F.Source, F.Commands)) == "none");
  succeeds(F.cache().store(F.Source, F.Commands, F.result()));
  auto Found = F.cache().lookup(F.Source, F.Commands);
  REQUIRE(static_cast<bool>(Found));
  REQUIRE(Found->Result.has_value());
  CHECK(Found->Result->PackedSummaries == "summaries");
  // Another command is another entry.
  CHECK(entry(F.cache().lookup(F.Source, {"clang++ -O2 -c a.cpp"})) == "none");
  // A changed input (another size) makes the entry stale, not an error.
  F.write("int x, y;\n");
  CHECK(entry(F.cache().lookup(F.Source, F.Commands)) == "stale");
}

TEST_CASE("a corrupt entry is an error that names it", "[summary-cache]") {
  CacheFixture F;
  succeeds(F.cache().store(F.Source, F.Commands, F.result()));
  std::error_code EC;
  for (llvm::sys::fs::directory_iterator It(F.Dir, EC), End; It != End && !EC;
       It.increment(EC))
    if (llvm::StringRef(It->path()).ends_with(".summary")) {
      // Cut short, as by a run killed while writing (but the write is
      // atomic: this is a disk's doing, or a hand's).
      auto Buffer = llvm::MemoryBuffer::getFile(It->path());
      REQUIRE(Buffer);
      std::string Half = (*Buffer)->getBuffer().drop_back(4).str();
      llvm::raw_fd_ostream Out(It->path(), EC);
      REQUIRE_FALSE(EC);
      Out << Half;
    }
  auto Found = F.cache().lookup(F.Source, F.Commands);
  REQUIRE_FALSE(static_cast<bool>(Found));
  std::string Message = llvm::toString(Found.takeError());
  CHECK_THAT(Message, Catch::Contains("is unusable") &&
                          Catch::Contains("analyzing the file again"));
}

TEST_CASE("a link entry serves the summaries it was linked from",
          "[summary-cache]") {
  CacheFixture F;
  LinkResult Linked;
  Linked.Stats.Functions = 3;
  succeeds(F.cache().storeLink({F.Source}, 7, Linked));
  auto Found = F.cache().lookupLink({F.Source}, 7);
  REQUIRE(static_cast<bool>(Found));
  REQUIRE(Found->has_value());
  CHECK((*Found)->Stats.Functions == 3);
  CHECK_FALSE(hit(F.cache().lookupLink({F.Source}, 8)));
}
