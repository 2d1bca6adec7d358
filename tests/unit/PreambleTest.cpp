//===- PreambleTest.cpp - Which files can have a preamble -----------------===//

#include "driver/Preamble.h"
#include "store/PreambleStore.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Process.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <set>

using namespace pii;

TEST_CASE("a file's leading #include lines make its preamble", "[preamble]") {
  auto Lines = leadingIncludes("// Copyright\n"
                               "/* a comment\n   over lines */\n"
                               "#include \"app.h\"  // the model\n"
                               "\n"
                               "#  include <vector>\n"
                               "int main() { return 0; }\n");
  REQUIRE(Lines);
  CHECK(Lines->Lines == "#include \"app.h\"\n#  include <vector>\n");
  CHECK(Lines->MainLines == std::vector<unsigned>{4, 6});
}

TEST_CASE("lines added above the includes keep the preamble", "[preamble]") {
  auto Before = leadingIncludes("#include \"a.h\"\nint x;\n");
  auto After = leadingIncludes("\n\n// new\n#include \"a.h\"\nint x;\n");
  REQUIRE(Before);
  REQUIRE(After);
  CHECK(Before->Lines == After->Lines);
  CHECK(After->MainLines == std::vector<unsigned>{4});
}

TEST_CASE("a file starting with anything but includes has none", "[preamble]") {
  CHECK_FALSE(leadingIncludes("int x;\n"));
  CHECK_FALSE(leadingIncludes("#define DEBUG 1\n#include \"a.h\"\n"));
  CHECK_FALSE(leadingIncludes("#include \"a.h\"\n#ifdef X\n#endif\n"));
  CHECK_FALSE(leadingIncludes("#include HEADER\n"));
  CHECK_FALSE(leadingIncludes("#include_next <a.h>\n"));
  CHECK_FALSE(leadingIncludes("#pragma once\n#include \"a.h\"\n"));
  CHECK_FALSE(leadingIncludes("#include \"a.h\" extra\n"));
}

TEST_CASE("the store keeps the most recently built preambles", "[preamble]") {
  llvm::SmallString<128> Directory;
  REQUIRE_FALSE(
      llvm::sys::fs::createUniqueDirectory("pii-preamble-store", Directory));
  PreambleStore Store(CacheDirectory(Directory.str().str(), "salt"));
  const std::vector<std::string> Commands = {"clang++ -c"};
  auto Entries = [&] {
    std::vector<std::string> Paths;
    std::error_code Error;
    for (llvm::sys::fs::directory_iterator It(Directory, Error), End;
         It != End && !Error; It.increment(Error))
      if (llvm::StringRef(It->path()).ends_with(".preamble"))
        Paths.push_back(It->path());
    return Paths;
  };
  // Each store's entry is dated a second after the one before: stores a few
  // milliseconds apart may share the file system's time stamp.
  std::set<std::string> Dated;
  auto Date = [&](const std::string &Path, size_t I) {
    int Entry;
    REQUIRE_FALSE(llvm::sys::fs::openFileForWrite(
        Path, Entry, llvm::sys::fs::CD_OpenExisting));
    CHECK_FALSE(llvm::sys::fs::setLastAccessAndModificationTime(
        Entry, llvm::sys::TimePoint<>(std::chrono::seconds(1000000 + I))));
    llvm::sys::Process::SafelyCloseFileDescriptor(Entry);
  };
  auto Name = [](size_t I) { return "/src/f" + std::to_string(I) + ".cpp"; };
  for (size_t I = 0; I < PreambleStore::Kept + 4; ++I) {
    llvm::Error Stored =
        Store.store(Name(I), Commands, {"#include <a.h>\n", {}, {}, "pch"});
    REQUIRE(llvm::toString(std::move(Stored)).empty());
    for (const std::string &Path : Entries())
      if (Dated.insert(Path).second)
        Date(Path, I);
  }
  CHECK(Entries().size() == PreambleStore::Kept);
  auto Found = [&](size_t I) {
    auto Entry = Store.lookup(Name(I), Commands, "#include <a.h>\n", {});
    REQUIRE(static_cast<bool>(Entry));
    return Entry->has_value();
  };
  CHECK(Found(PreambleStore::Kept + 3));
  CHECK(Found(4));
  CHECK_FALSE(Found(3));
  CHECK_FALSE(Found(0));
  llvm::sys::fs::remove_directories(Directory);
}
