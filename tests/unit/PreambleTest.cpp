//===- PreambleTest.cpp - Which files can have a preamble -----------------===//

#include "core/Preamble.h"

#include <catch2/catch.hpp>

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
