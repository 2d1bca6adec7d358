//===- ExtractionTest.cpp - Functions to summaries ------------------------===//
//
// The per-function analysis (FunctionAnalysis, Transfer, Store,
// SummaryBuilder) on small functions, checked on the edges it summarizes
// them into, as `pii-flow dump` prints them.
//
//===----------------------------------------------------------------------===//

#include "TestAST.h"
#include "core/analysis/Analyze.h"
#include "report/SummaryText.h"

#include "llvm/Support/FileSystem.h"

#include <catch2/catch.hpp>

using pii::test::TestAST;

namespace {

/// The lines of \p Function's summary in \p Code that start with \p Kind
/// ("edge", "step", "call"), without their indentation.
std::vector<std::string> linesOf(const std::string &Code,
                                 const std::string &Function,
                                 llvm::StringRef Kind = "edge") {
  TestAST AST(Code);
  pii::TranslationUnitAnalysis TU =
      pii::summarizeTranslationUnit(AST.context(), pii::Policy::builtin());
  std::vector<std::string> Lines;
  for (const pii::SharedFunction &F : TU.Summary.Functions) {
    if (F->Name.text() != Function)
      continue;
    pii::TranslationUnitSummary One;
    One.Functions = {F};
    std::string Text;
    llvm::raw_string_ostream OS(Text);
    pii::printSummary(OS, One);
    // Places as the test wrote them, not below the test's directory.
    llvm::SmallString<256> Directory;
    llvm::sys::fs::current_path(Directory);
    std::string Prefix = Directory.str().str() + "/";
    for (size_t At; (At = Text.find(Prefix)) != std::string::npos;)
      Text.erase(At, Prefix.size());
    llvm::SmallVector<llvm::StringRef> All;
    llvm::StringRef(Text).split(All, '\n');
    for (llvm::StringRef Line : All)
      if (Line.trim().starts_with(Kind))
        Lines.push_back(Line.trim().str());
  }
  return Lines;
}

using Lines = std::vector<std::string>;

} // namespace

TEST_CASE("a parameter returned is an edge to the return", "[extraction]") {
  CHECK(linesOf("int id(int x) { return x; }", "id") ==
        Lines{"edge param 0 -> return"});
}

TEST_CASE("a local assigned clean data loses what it held", "[extraction]") {
  CHECK(linesOf("int f(int x) { int y = x; y = 0; return y; }", "f").empty());
}

TEST_CASE("fields are told apart", "[extraction]") {
  CHECK(linesOf("struct U { int a; int b; }; int f(U u) { return u.a; }",
                "f") == Lines{"edge param 0 .c:@S@U@FI@a -> return"});
}

TEST_CASE("both arms of a branch reach the join", "[extraction]") {
  CHECK(linesOf(R"cpp(
    int f(bool c, int x, int y) {
      int z = 0;
      if (c) z = x; else z = y;
      return z;
    })cpp",
                "f") ==
        Lines{"edge param 1 -> return", "edge param 2 -> return"});
}

TEST_CASE("a loop runs to its fixpoint", "[extraction]") {
  // b gets x only on the second iteration.
  CHECK(linesOf(R"cpp(
    int f(int x) {
      int a = 0, b = 0;
      for (int i = 0; i < 3; ++i) { b = a; a = x; }
      return b;
    })cpp",
                "f") == Lines{"edge param 0 -> return"});
}

TEST_CASE("a call to a function of the program is a call site for the link",
          "[extraction]") {
  std::string Code = "int g(int); int f(int x) { return g(x); }";
  CHECK(linesOf(Code, "f") == Lines{"edge param 0 -> call #0 arg 0",
                                    "edge call #0 result -> return"});
  CHECK(linesOf(Code, "f", "call") ==
        Lines{"call #0 g at input.cpp:1:35", "callee c:@F@g#I#"});
}

TEST_CASE("a source read is a source edge with its steps", "[extraction]") {
  std::string Code = R"cpp(#include <pii/annotations.h>
struct User { PII_PURPOSE("security") int phone; };
int f(const User &u) { return u.phone; })cpp";
  CHECK(linesOf(Code, "f") ==
        Lines{"edge param 0 .c:@S@User@FI@phone -> return",
              "edge source #0 -> return"});
  CHECK(linesOf(Code, "f", "step") ==
        Lines{"step input.cpp:3:24 returned by 'f'",
              "step input.cpp:3:31 'User::phone' (purpose 'security') is "
              "read here",
              "step input.cpp:3:24 returned by 'f'"});
}

TEST_CASE("of two paths for one edge, the shorter is kept", "[extraction]") {
  // x is returned twice: through a and b, and straight away.
  std::string Code = R"cpp(
int f(int x, bool c) {
  int a = x;
  int b = a;
  if (c)
    return x;
  return b;
})cpp";
  CHECK(linesOf(Code, "f") == Lines{"edge param 0 -> return"});
  CHECK(linesOf(Code, "f", "step") ==
        Lines{"step input.cpp:6:5 returned by 'f'"});
}

TEST_CASE("call outputs joined past a limit are relayed: the summary grows "
          "with writes plus reads, not their product",
          "[extraction]") {
  // 40 branches each write x through a call, and 40 calls read it after.
  std::string Code = "void fill(int &out, int code);\nvoid use(int v);\n"
                     "void f(int op) {\n  int x = 0;\n";
  for (int I = 0; I < 40; ++I)
    Code += (I ? "  else if (op == " : "  if (op == ") + std::to_string(I) +
            ") fill(x, " + std::to_string(I) + ");\n";
  for (int I = 0; I < 40; ++I)
    Code += "  use(x);\n";
  Code += "}\n";
  Lines Edges = linesOf(Code, "f");
  CHECK(Edges.size() == 40 + 40);
  CHECK(llvm::count(Edges, "edge call #0 writes arg 0 -> relay #0") == 1);
  CHECK(llvm::count(Edges, "edge relay #0 -> call #40 arg 0") == 1);
  CHECK(llvm::count(Edges, "edge relay #0 -> call #79 arg 0") == 1);

  // A few stay labels of their own, as they were.
  std::string Few = "void fill(int &out, int code);\nvoid use(int v);\n"
                    "void f(int op) {\n  int x = 0;\n"
                    "  if (op == 0) fill(x, 0); else fill(x, 1);\n"
                    "  use(x);\n}\n";
  CHECK(linesOf(Few, "f") ==
        Lines{"edge call #0 writes arg 0 -> call #2 arg 0",
              "edge call #1 writes arg 0 -> call #2 arg 0"});
}

TEST_CASE("parameters' and globals' values are relayed too, but a "
          "parameter left as it was stays no output",
          "[extraction]") {
  // 40 fields of a parameter added up, then used 40 times.
  std::string Sum = "struct Cfg {";
  for (int I = 0; I < 40; ++I)
    Sum += " int f" + std::to_string(I) + ";";
  Sum += " };\nvoid use(int v);\nvoid f(const Cfg &c) {\n  int t = 0;\n";
  for (int I = 0; I < 40; ++I)
    Sum += "  t += c.f" + std::to_string(I) + ";\n";
  for (int I = 0; I < 40; ++I)
    Sum += "  use(t);\n";
  Sum += "}\n";
  // Each read reaches the relay and the few fields added since, not every
  // field: far fewer edges than 40 x 40.
  Lines Edges = linesOf(Sum, "f");
  CHECK(Edges.size() < 40 * 40 / 2);
  CHECK(llvm::count(Edges, "edge relay #1 -> call #39 arg 0") == 1);

  // p keeps what it held on entry among 20 call results: that is no
  // output of f, relayed or not.
  std::string Kept = "int g(int);\nvoid f(int &p, int op) {\n";
  for (int I = 0; I < 20; ++I)
    Kept += (I ? "  else if (op == " : "  if (op == ") + std::to_string(I) +
            ") p += g(" + std::to_string(I) + ");\n";
  Kept += "}\n";
  Lines KeptEdges = linesOf(Kept, "f");
  CHECK(llvm::count(KeptEdges, "edge call #0 result -> relay #0") == 1);
  CHECK(llvm::count(KeptEdges, "edge relay #0 -> param-out 0") == 1);
  for (const std::string &Edge : KeptEdges)
    CHECK(llvm::StringRef(Edge).starts_with("edge param") == false);
}
