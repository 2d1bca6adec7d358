#include "clangd/ClangdOptions.h"

#include <catch2/catch.hpp>

using pii::parseClangdOptions;

TEST_CASE("pii-clangd keeps its options and passes clangd's on in order",
          "[clangd]") {
  auto O = parseClangdOptions({"--log=verbose", "--policy", "a.json",
                               "--clangd=/opt/clangd", "--policy=b.json",
                               "--compile-commands-dir=build", "-j=2"});
  CHECK(O.Clangd == "/opt/clangd");
  CHECK(O.PolicyPaths == std::vector<std::string>{"a.json", "b.json"});
  CHECK(O.ClangdArgs == std::vector<std::string>{
                            "--log=verbose", "--compile-commands-dir=build",
                            "-j=2"});
  CHECK(O.BuildDir == "build");
  CHECK(!O.ClangdAnswersAlone);
}

TEST_CASE("--help and --version are answered by clangd", "[clangd]") {
  auto Help = parseClangdOptions({"--clangd", "c", "--help"});
  CHECK(Help.ClangdAnswersAlone);
  CHECK(Help.PrintOwnHelp);
  CHECK(Help.ClangdArgs == std::vector<std::string>{"--help"});
  auto Version = parseClangdOptions({"-version"});
  CHECK(Version.ClangdAnswersAlone);
  CHECK(!Version.PrintOwnHelp);
  // A last option without its value is clangd's to refuse.
  auto Dangling = parseClangdOptions({"--policy"});
  CHECK(Dangling.PolicyPaths.empty());
  CHECK(Dangling.ClangdArgs == std::vector<std::string>{"--policy"});
}
