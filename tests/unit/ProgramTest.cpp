//===- ProgramTest.cpp - The program both front ends drive ----------------===//

#include "driver/Program.h"
#include "core/policy/Policy.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <catch2/catch.hpp>

using namespace pii;

namespace {

constexpr llvm::StringLiteral Header = R"cpp(#include <pii/annotations.h>
#include <string>
struct User { PII_PURPOSE("security") std::string phone; };
PII_SINK("advertising") void showAd(const std::string &key);
)cpp";

constexpr llvm::StringLiteral Leaks = R"cpp(#include "user.h"
void sync(const User &u) { showAd(u.phone); }
)cpp";

struct ProgramFixture {
  ProgramFixture()
      : Commands(".", {"-std=c++17", "-I" PII_ANNOTATIONS_DIR}),
        P(Policy::builtin()) {
    REQUIRE_FALSE(
        llvm::sys::fs::createUniqueDirectory("pii-program-test", Dir));
    Source = write("a.cpp", Leaks);
    HeaderPath = write("user.h", Header);
  }
  ~ProgramFixture() { llvm::sys::fs::remove_directories(Dir); }

  std::string write(llvm::StringRef Name, llvm::StringRef Text) {
    llvm::SmallString<128> Path(Dir);
    llvm::sys::path::append(Path, Name);
    std::error_code EC;
    llvm::raw_fd_ostream Out(Path, EC);
    REQUIRE_FALSE(EC);
    Out << Text;
    return Path.str().str();
  }

  llvm::SmallString<128> Dir;
  std::string Source, HeaderPath;
  clang::tooling::FixedCompilationDatabase Commands;
  Policy P;
};

} // namespace

TEST_CASE("a program is extracted, linked, and updated with unsaved text",
          "[program]") {
  ProgramFixture F;
  Program Analyzed(F.Commands, {F.Source}, F.P);
  Analyzed.extractAll(1);
  ProgramAnalysis First = Analyzed.link();
  CHECK(First.TranslationUnits == 1);
  REQUIRE(First.Findings.size() == 1);
  CHECK(First.Findings[0].Where.Line == 2);
  CHECK(First.complete());

  // The editor's text, not the file's.
  FileOverlay Unsaved = {{F.Source,
                          "#include \"user.h\"\nvoid sync(const User &u) {\n"
                          "  showAd(\"shoes\");\n}\n"}};
  Analyzed.update(F.Source, Unsaved);
  CHECK(Analyzed.link().Findings.empty());
}

TEST_CASE("a header's readers are the units that include it", "[program]") {
  ProgramFixture F;
  Program Analyzed(F.Commands, {F.Source}, F.P);
  Analyzed.extractAll(1);
  CHECK(Analyzed.readersOf(F.HeaderPath) == std::vector<std::string>{F.Source});
  CHECK(Analyzed.readersOf(F.Source) == std::vector<std::string>{F.Source});
}

TEST_CASE("a file that is not one of the program's becomes one", "[program]") {
  ProgramFixture F;
  std::string Other =
      F.write("b.cpp", "#include \"user.h\"\n"
                       "void upload(const User &u) { showAd(u.phone); }\n");
  Program Analyzed(F.Commands, {F.Source}, F.P);
  Analyzed.extractAll(1);
  CHECK(Analyzed.readersOf(Other).empty());
  Analyzed.update(Other, {});
  CHECK(Analyzed.readersOf(Other) == std::vector<std::string>{Other});
  // One flow in each file.
  CHECK(Analyzed.link().Findings.size() == 2);
}

TEST_CASE("a file that does not compile is reported, the others analyzed",
          "[program]") {
  ProgramFixture F;
  std::string Broken = F.write("broken.cpp", "int main() { return }\n");
  Program Analyzed(F.Commands, {Broken, F.Source}, F.P);
  Analyzed.extractAll(1);
  ProgramAnalysis Result = Analyzed.link();
  CHECK(Result.FailedFiles == std::vector<std::string>{Broken});
  CHECK(Result.Findings.size() == 1);
  CHECK_FALSE(Result.complete());
}
