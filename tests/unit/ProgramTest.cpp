//===- ProgramTest.cpp - The program both front ends drive ----------------===//

#include "driver/Program.h"
#include "core/link/Link.h"
#include "core/link/LinkMemo.h"
#include "core/policy/Policy.h"
#include "store/Caches.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <catch2/catch.hpp>

using namespace pii;

namespace {

constexpr llvm::StringLiteral Header = R"cpp(#include <pii/annotations.h>
#include <memory>
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

namespace {

constexpr llvm::StringLiteral Helpers = R"cpp(#include "user.h"
std::string relay(const std::string &s);
// Its summary reads relay's.
inline std::string forward(const std::string &s) { return relay(s); }
void notify(const std::string &s);
inline void notifyAll(const std::string &s) { notify(s); }
struct Channel {
  virtual ~Channel() = default;
  virtual void send(const std::string &s) {}
};
)cpp";

/// Where each finding is, in order.
std::vector<std::string> places(const ProgramAnalysis &Result) {
  std::vector<std::string> Places;
  for (const Finding &F : Result.Findings)
    Places.push_back(llvm::sys::path::filename(F.Where.File).str() + ":" +
                     std::to_string(F.Where.Line));
  return Places;
}

/// Each finding's path: the place and subject of each step, then the
/// sink's place.
std::vector<std::string> routes(const ProgramAnalysis &Result) {
  auto Place = [](const SourceSpot &S) {
    return llvm::sys::path::filename(S.File).str() + ":" +
           std::to_string(S.Line) + ":" + std::to_string(S.Column);
  };
  std::vector<std::string> Routes;
  for (const Finding &F : Result.Findings) {
    std::string Route;
    for (const FlowStep &Step : F.Steps)
      Route += Place(Step.Where) + " " + Step.Subject.str() + " ";
    Routes.push_back(Route + Place(F.Where));
  }
  return Routes;
}

/// A program of the files a fixture wrote, linked afresh with \p Overlay:
/// what a link that remembers must find.
ProgramAnalysis linkedAfresh(ProgramFixture &F,
                             const std::vector<std::string> &Files,
                             const FileOverlay &Overlay) {
  Program Fresh(F.Commands, Files, F.P);
  Fresh.extractAll(1);
  for (const auto &[File, Text] : Overlay)
    Fresh.update(File, Overlay);
  return Fresh.link();
}

/// Writes relay.cpp and uses.cpp (one flow, through helpers.h's forward
/// and relay's summary) to \p F; returns their paths.
std::pair<std::string, std::string> writeRelayedProgram(ProgramFixture &F) {
  F.write("helpers.h", Helpers);
  std::string Relay = F.write(
      "relay.cpp", "#include \"helpers.h\"\n"
                   "std::string relay(const std::string &s) { return s; }\n");
  std::string Uses = F.write(
      "uses.cpp", "#include \"helpers.h\"\n"
                  "void sync(const User &u) { showAd(forward(u.phone)); }\n"
                  "void tell(const User &u, Channel &c) { c.send(u.phone); }\n"
                  "void told(const User &u) { notifyAll(u.phone); }\n");
  return {Relay, Uses};
}

} // namespace

TEST_CASE("a link that remembers finds what a fresh one does, edit after edit",
          "[program]") {
  ProgramFixture F;
  auto [Relay, Uses] = writeRelayedProgram(F);
  std::string Other =
      F.write("other.cpp", "#include \"helpers.h\"\n"
                           "int unrelated(int x) { return x; }\n");
  std::vector<std::string> Files = {Relay, Uses, Other};
  Program Remembering(F.Commands, Files, F.P);
  Remembering.rememberLinks();
  Remembering.extractAll(1);
  ProgramAnalysis First = Remembering.link();
  CHECK(places(First) == std::vector<std::string>{"uses.cpp:2"});
  CHECK(First.Link.KeptSummaries == 0);

  FileOverlay Overlay;
  auto Edit = [&](const std::string &File, std::string Text) {
    Overlay[File] = std::move(Text);
    Remembering.update(File, Overlay);
    ProgramAnalysis Linked = Remembering.link();
    CHECK(routes(Linked) == routes(linkedAfresh(F, Files, Overlay)));
    return Linked;
  };

  SECTION("an unrelated function changes: the flow, which met nothing of "
          "it, is kept") {
    ProgramAnalysis Linked =
        Edit(Other, "#include \"helpers.h\"\n"
                    "int unrelated(int x) { return x + 1; }\n");
    CHECK(places(Linked) == std::vector<std::string>{"uses.cpp:2"});
    CHECK(Linked.Link.Flows == 1);
    CHECK(Linked.Link.KeptFlows == 1);
    CHECK(Linked.Link.Summaries == 0);
  }
  SECTION("a function the flow met changes: the flow is followed again, "
          "with the summaries it read nothing of kept") {
    ProgramAnalysis Linked =
        Edit(Uses, "#include \"helpers.h\"\n"
                   "void sync(const User &u) { showAd(forward(u.phone)); }\n"
                   "void tell(const User &u, Channel &c) { c.send(u.phone); }\n"
                   "void told(const User &u) { notifyAll(\"x\"); }\n");
    CHECK(places(Linked) == std::vector<std::string>{"uses.cpp:2"});
    CHECK(Linked.Link.KeptFlows == 0);
    CHECK(Linked.Link.KeptSummaries > 0);
  }
  // What a flow met besides bodies: each changes with no body it followed
  // changing, and a flow kept would miss the finding.
  SECTION("a new reader of the source") {
    ProgramAnalysis Linked =
        Edit(Other, "#include \"helpers.h\"\n"
                    "void leak(const User &u) { showAd(u.phone); }\n");
    CHECK(places(Linked) ==
          std::vector<std::string>{"other.cpp:2", "uses.cpp:2"});
    CHECK(Linked.Link.KeptFlows == 0);
  }
  SECTION("a new caller of a function the flow returned from") {
    Edit(Other, "#include \"helpers.h\"\n"
                "std::string phoneOf(const User &u) { return u.phone; }\n");
    ProgramAnalysis Linked =
        Edit(Relay, "#include \"helpers.h\"\n"
                    "std::string relay(const std::string &s) { return s; }\n"
                    "std::string phoneOf(const User &u);\n"
                    "void leak(const User &u) { showAd(phoneOf(u)); }\n");
    CHECK(places(Linked) ==
          std::vector<std::string>{"relay.cpp:4", "uses.cpp:2"});
    CHECK(Linked.Link.KeptFlows == 0);
  }
  SECTION("a new reader of a global the flow wrote") {
    Edit(Other, "#include \"helpers.h\"\n"
                "std::string lastPhone;\n"
                "void keep(const User &u) { lastPhone = u.phone; }\n");
    ProgramAnalysis Linked =
        Edit(Relay, "#include \"helpers.h\"\n"
                    "std::string relay(const std::string &s) { return s; }\n"
                    "extern std::string lastPhone;\n"
                    "void leak() { showAd(lastPhone); }\n");
    CHECK(places(Linked) ==
          std::vector<std::string>{"relay.cpp:4", "uses.cpp:2"});
    CHECK(Linked.Link.KeptFlows == 0);
  }
  SECTION("a callee stops passing the value on, then passes it again") {
    ProgramAnalysis Linked = Edit(
        Relay, "#include \"helpers.h\"\n"
               "std::string relay(const std::string &s) { return \"x\"; }\n");
    CHECK(Linked.Findings.empty());
    Linked =
        Edit(Relay, "#include \"helpers.h\"\n\n"
                    "std::string relay(const std::string &s) { return s; }\n");
    CHECK(places(Linked) == std::vector<std::string>{"uses.cpp:2"});
  }
  SECTION("a body that only moved keeps its summaries, their places moved") {
    ProgramAnalysis Linked =
        Edit(Relay, "#include \"helpers.h\"\n\n"
                    "std::string relay(const std::string &s) { return s; }\n");
    CHECK(places(Linked) == std::vector<std::string>{"uses.cpp:2"});
    CHECK(Linked.Link.KeptFlows == 1);
    Linked =
        Edit(Uses, "#include \"helpers.h\"\n\n"
                   "void sync(const User &u) { showAd(forward(u.phone)); }\n"
                   "void tell(const User &u, Channel &c) { c.send(u.phone); }\n"
                   "void told(const User &u) { notifyAll(u.phone); }\n");
    CHECK(places(Linked) == std::vector<std::string>{"uses.cpp:3"});
    CHECK(Linked.Link.KeptFlows == 1);
    // A step's words are the user's, not the link's: a local renamed.
    Linked = Edit(Relay, "#include \"helpers.h\"\n\n"
                         "std::string relay(const std::string &s) {\n"
                         "  std::string r = s;\n  return r;\n}\n");
    Linked = Edit(Relay, "#include \"helpers.h\"\n\n"
                         "std::string relay(const std::string &s) {\n"
                         "  std::string renamed = s;\n  return renamed;\n}\n");
    CHECK(Linked.Link.KeptFlows == 1);
  }
  SECTION("a lambda, and a template given it, only move with their file") {
    std::string Lambdas =
        "#include \"helpers.h\"\n"
        "template <class F> struct Holder {\n"
        "  F f;\n"
        "  std::string run(const std::string &s) { return f(s); }\n"
        "};\n"
        "template <class F> Holder<F> hold(F f) { return {f}; }\n"
        "void viaLambda(const User &u) {\n"
        "  auto h = hold([](const std::string &s) { return s; });\n"
        "  showAd(h.run(u.phone));\n"
        "}\n";
    ProgramAnalysis Linked = Edit(Other, Lambdas);
    CHECK(places(Linked) ==
          std::vector<std::string>{"other.cpp:9", "uses.cpp:2"});
    Linked = Edit(Other, "// a line on top\n" + Lambdas);
    CHECK(places(Linked) ==
          std::vector<std::string>{"other.cpp:10", "uses.cpp:2"});
    CHECK(Linked.Link.KeptFlows == 1);
  }
  SECTION(
      "a class deriving from two makes a kept call reach another override") {
    F.write("audit.h", "#include \"helpers.h\"\n"
                       "struct Keeper { std::string phone; };\n"
                       "struct Flusher {\n"
                       "  virtual ~Flusher() = default;\n"
                       "  virtual void flush() {}\n"
                       "};\n"
                       "struct Audit : Flusher {\n"
                       "  void flush() override;\n"
                       "};\n"
                       "struct Stored : Keeper, Flusher {};\n");
    // flushAll's summary, for a value in Keeper::phone, takes it to no
    // override while no class derives from both Keeper and Audit.
    ProgramAnalysis Linked =
        Edit(Other, "#include \"audit.h\"\n"
                    "std::string describe(const void *object);\n"
                    "void Audit::flush() { showAd(describe(this)); }\n"
                    "void flushAll(Flusher &f) { f.flush(); }\n"
                    "void keepAndFlush(Stored &s, const User &u) {\n"
                    "  s.phone = u.phone;\n"
                    "  flushAll(s);\n"
                    "}\n");
    CHECK(places(Linked) == std::vector<std::string>{"uses.cpp:2"});
    Linked =
        Edit(Relay, "#include \"audit.h\"\n"
                    "std::string relay(const std::string &s) { return s; }\n"
                    "struct Both : Keeper, Audit {};\n"
                    "void makeBoth() { Both b; }\n");
    CHECK(places(Linked) ==
          std::vector<std::string>{"other.cpp:3", "uses.cpp:2"});
  }
  SECTION("a function given a body is a new target") {
    ProgramAnalysis Linked =
        Edit(Other, "#include \"helpers.h\"\n"
                    "void notify(const std::string &s) { showAd(s); }\n");
    CHECK(places(Linked) ==
          std::vector<std::string>{"other.cpp:2", "uses.cpp:2"});
  }
  SECTION("a new override of a virtual call is a new target") {
    ProgramAnalysis Linked = Edit(
        Other, "#include \"helpers.h\"\n"
               "struct AdChannel : Channel {\n"
               "  void send(const std::string &s) override { showAd(s); }\n"
               "};\n"
               "void use() { AdChannel c; }\n");
    CHECK(places(Linked) ==
          std::vector<std::string>{"other.cpp:3", "uses.cpp:2"});
  }
}

TEST_CASE("the editor's first link takes what the last run's link kept",
          "[program]") {
  ProgramFixture F;
  auto [Relay, Uses] = writeRelayedProgram(F);
  std::vector<std::string> Files = {Relay, Uses};
  llvm::SmallString<128> CacheDir(F.Dir);
  llvm::sys::path::append(CacheDir, "cache");
  Caches Cache(CacheDirectory(CacheDir.str().str(), "salt"));
  Program CommandLine(F.Commands, Files, F.P, &Cache);
  CommandLine.extractAll(1);
  ProgramAnalysis Run = CommandLine.link();
  REQUIRE(places(Run) == std::vector<std::string>{"uses.cpp:2"});
  REQUIRE(Run.Link.KeptSummaries == 0);

  Program Editor(F.Commands, Files, F.P, &Cache);
  Editor.rememberLinks();
  Editor.extractAll(1);
  ProgramAnalysis Opened = Editor.link();
  CHECK(Opened.LinkFromCache);
  CHECK(routes(Opened) == routes(Run));
  // Its first link after an edit takes what the run's kept.
  FileOverlay Overlay{
      {Relay, "#include \"helpers.h\"\n\n"
              "std::string relay(const std::string &s) { return s; }\n"}};
  Editor.update(Relay, Overlay);
  ProgramAnalysis Edited = Editor.link();
  CHECK(routes(Edited) == routes(linkedAfresh(F, Files, Overlay)));
  CHECK(Edited.Link.Flows == 1);
  CHECK(Edited.Link.KeptFlows == 1);
}

TEST_CASE("summaries taken from the cache are unpacked early only when a "
          "file changed",
          "[program]") {
  // Early, while the changed files parse: their link will not be in the
  // cache. A file whose header is missing is parsed again in every run (the
  // header may be there the next time), and says nothing of the link.
  ProgramFixture F;
  auto [Relay, Uses] = writeRelayedProgram(F);
  std::string Broken = F.write(
      "broken.cpp", "#include \"helpers.h\"\n#include \"generated.h\"\n");
  std::vector<std::string> Files = {Relay, Uses, Broken};
  llvm::SmallString<128> CacheDir(F.Dir);
  llvm::sys::path::append(CacheDir, "cache");
  // A Caches a run: it reads each input's status once.
  auto Run = [&] {
    return std::make_unique<Caches>(
        CacheDirectory(CacheDir.str().str(), "salt"));
  };
  auto Cache = Run();
  {
    Program First(F.Commands, Files, F.P, Cache.get());
    First.extractAll(1);
    REQUIRE(First.link().Findings.size() == 1);
  }
  Cache = Run();
  Program Again(F.Commands, Files, F.P, Cache.get());
  Again.extractAll(1);
  CHECK(Again.units().empty());
  ProgramAnalysis Linked = Again.link();
  CHECK(Linked.LinkFromCache);
  CHECK(Linked.Findings.size() == 1);

  F.write("relay.cpp",
          "#include \"helpers.h\"\n"
          "std::string relay(const std::string &s) { return \"\"; }\n");
  auto EditedCache = Run();
  Program Edited(F.Commands, Files, F.P, EditedCache.get());
  Edited.extractAll(1);
  // uses.cpp's, taken from the cache; relay.cpp's is packed as it parsed.
  CHECK(Edited.units().size() == 1);
  CHECK(Edited.link().Findings.empty());
}

TEST_CASE("a memo taken back from its snapshot keeps what holds, and trusts "
          "no index",
          "[program]") {
  ProgramFixture F;
  auto [Relay, Uses] = writeRelayedProgram(F);
  Program Extracted(F.Commands, {Relay, Uses}, F.P);
  Extracted.extractAll(1);
  Extracted.extraction(); // the summaries, decoded
  std::vector<const TranslationUnitSummary *> Units = Extracted.units();
  ProgramIndex Index;
  for (size_t U = 0; U < Units.size(); ++U)
    Index.add(*Units[U], U);
  LinkMemo First;
  LinkResult Fresh = link(Index, Units, F.P, {}, &First);
  REQUIRE(Fresh.Findings.size() == 1);
  MemoSnapshot Snapshot = First.snapshot();
  REQUIRE(Snapshot.Summaries.size() > 0);
  REQUIRE(Snapshot.Nodes.size() > 0);
  REQUIRE(Snapshot.Flows.size() == 1);
  REQUIRE(Snapshot.Flows.front().Findings.size() == 1);
  // The snapshot lists summaries in no set order, and some have no effect.
  auto WithEffects =
      llvm::find_if(Snapshot.Summaries, [](const MemoSnapshot::Summary &S) {
        return !S.Effects.empty();
      });
  REQUIRE(WithEffects != Snapshot.Summaries.end());
  MemoSnapshot::Effect &AnEffect = WithEffects->Effects.front();

  auto LinkWith = [&](MemoSnapshot Taken) {
    LinkMemo Next;
    Next.adopt(std::move(Taken));
    return link(Index, Units, F.P, {}, &Next);
  };
  auto Steps = [](const LinkResult &R) {
    std::vector<std::pair<unsigned, unsigned>> Places;
    for (const FlowStep &S : R.Findings.front().Steps)
      Places.emplace_back(S.Where.Line, S.Where.Column);
    return Places;
  };
  SECTION("as it was: the flow is kept") {
    LinkResult Linked = LinkWith(Snapshot);
    CHECK(Linked.Stats.KeptFlows == 1);
    REQUIRE(Linked.Findings.size() == 1);
    CHECK(Steps(Linked) == Steps(Fresh));
  }
  SECTION("with indices past its lists: nothing is kept, the flow found") {
    uint32_t Past = 1000000;
    SECTION("a body read") { Snapshot.Bodies.front().Reads.push_back(Past); }
    SECTION("a node's parts") { Snapshot.Nodes.back().Before = Past; }
    SECTION("a node's edge") {
      for (MemoSnapshot::Node &N : Snapshot.Nodes)
        if (N.Body)
          N.Edge = Past;
    }
    SECTION("an effect's path") { AnEffect.Path = Past; }
    SECTION("an effect's trace") { AnEffect.Trace = Past; }
    SECTION("a flow's body") { Snapshot.Flows.front().Reads.push_back(Past); }
    SECTION("a flow's finding's trace") {
      Snapshot.Flows.front().Findings.front().At.Trace = Past;
    }
    LinkResult Linked = LinkWith(Snapshot);
    CHECK(Linked.Stats.KeptSummaries == 0);
    CHECK(Linked.Stats.KeptFlows == 0);
    REQUIRE(Linked.Findings.size() == 1);
    CHECK(Steps(Linked) == Steps(Fresh));
  }
  SECTION("answers the classes now give otherwise: nothing is kept") {
    // No class relates to others with that digest.
    Snapshot.Classes.push_back({"c:@S@Channel", 1});
    SECTION("asked again when the classes' digest differs") {
      Snapshot.ClassesDigest += 1;
      LinkResult Linked = LinkWith(Snapshot);
      CHECK(Linked.Stats.KeptSummaries == 0);
      CHECK(Linked.Stats.KeptFlows == 0);
      REQUIRE(Linked.Findings.size() == 1);
    }
    SECTION("not asked while it is the same") {
      LinkResult Linked = LinkWith(Snapshot);
      CHECK(Linked.Stats.KeptFlows == 1);
    }
  }
  SECTION("a body of another shape is not kept, nor what read it") {
    for (MemoSnapshot::Body &B : Snapshot.Bodies)
      B.Shape.Digest += 1;
    LinkResult Linked = LinkWith(Snapshot);
    CHECK(Linked.Stats.KeptSummaries == 0);
    CHECK(Linked.Stats.KeptFlows == 0);
    REQUIRE(Linked.Findings.size() == 1);
  }
}
