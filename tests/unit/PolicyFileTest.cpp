#include "core/policy/PolicyFile.h"

#include <catch2/catch.hpp>

using pii::PolicyFile;

namespace {

/// "line:col: message" for a policy that must be refused.
std::string errorIn(llvm::StringRef Text) {
  llvm::Expected<PolicyFile> P = pii::parsePolicy(Text);
  if (P)
    return "accepted";
  return llvm::toString(P.takeError());
}

std::vector<std::string> warningsIn(llvm::StringRef Text) {
  llvm::Expected<PolicyFile> P = pii::parsePolicy(Text);
  REQUIRE(static_cast<bool>(P));
  std::vector<std::string> Lines;
  for (const pii::PolicyWarning &W : P->Warnings)
    Lines.push_back(std::to_string(W.Where.Line) + ":" +
                    std::to_string(W.Where.Column) + ": " + W.Message);
  return Lines;
}

/// Adds \p Text to \p Builder, which must accept it.
void add(pii::PolicyBuilder &Builder, llvm::StringRef Text,
         llvm::StringRef Name) {
  llvm::Error E = Builder.add(Text, Name);
  INFO(Name.str());
  CHECK(llvm::toString(std::move(E)) == "");
}

} // namespace

TEST_CASE("a policy file adds to the built-in policy", "[policy-file]") {
  auto P = pii::parsePolicy(R"({
    "rules": [{"id": "fraud-to-ads", "from": ["fraud"], "to": ["advertising"],
               "level": "warning"}],
    "sources": [{"field": "::acct::User::phone", "purposes": ["security"]},
                {"function": "acct::phone", "purposes": ["security", "fraud"]},
                {"variable": "acct::g_email", "purposes": ["security"]}],
    "sinks": [{"function": "ads::upload", "kind": "advertising", "args": [0, 2]}],
    "declassifiers": [{"function": "stats::count", "reason": "aggregate"}]
  })");
  REQUIRE(static_cast<bool>(P));
  const pii::Policy &Rules = P->Rules;
  REQUIRE(Rules.Rules.size() == 2);
  CHECK(Rules.Rules[0].Id == "security-to-advertising");
  CHECK(Rules.Rules[1].Level == pii::RuleLevel::Warning);
  CHECK(Rules.FieldPurposes.at("acct::User::phone") ==
        std::vector<std::string>{"security"});
  CHECK(Rules.FunctionPurposes.at("acct::phone").size() == 2);
  CHECK(Rules.VariablePurposes.count("acct::g_email"));
  const pii::NamedSink &Sink = Rules.Sinks.at("ads::upload").front();
  CHECK(Sink.appliesTo(2));
  CHECK_FALSE(Sink.appliesTo(1));
  CHECK(Rules.Declassifiers.at("stats::count") == "aggregate");
  CHECK(P->Warnings.empty());
}

TEST_CASE("a rule with the built-in's id replaces it", "[policy-file]") {
  auto P = pii::parsePolicy(R"({"rules": [{"id": "security-to-advertising",
      "from": ["security"], "to": ["advertising"], "level": "note"}]})");
  REQUIRE(static_cast<bool>(P));
  REQUIRE(P->Rules.Rules.size() == 1);
  CHECK(P->Rules.Rules[0].To == std::vector<std::string>{"advertising"});
  CHECK(P->Rules.Rules[0].Level == pii::RuleLevel::Note);
  CHECK_FALSE(P->Rules.Rules[0].Description.empty());
}

TEST_CASE("errors name the line, column and key", "[policy-file]") {
  CHECK(errorIn("[]") == "1:1: the policy must be an object, not an array");
  CHECK(errorIn("{\n  \"rule\": []}") ==
        "2:3: unknown key \"rule\" in the policy (did you mean \"rules\"?); "
        "known keys: rules, sources, sinks, declassifiers, propagations");
  CHECK(errorIn(R"({"rules": [{"id": "r", "from": ["a"], "to": ["b"],
 "level": "fatal"}]})") ==
        "2:11: unknown \"level\" \"fatal\"; a level is \"error\", "
        "\"warning\" or \"note\"");
  CHECK(errorIn(R"({"rules": [{"id": "r", "from": "a", "to": ["b"]}]})") ==
        "1:32: \"from\" must be an array, not a string");
  CHECK(errorIn(R"({"rules": [{"id": "r", "to": ["b"]}]})") ==
        "1:12: a rule needs \"from\"");
  CHECK(errorIn(R"({"rules": [{"id": "r", "from": ["a"], "to": ["b"]},
{"id": "r", "from": ["a"], "to": ["b"]}]})") ==
        "2:8: a second rule with id \"r\"");
  CHECK(errorIn(R"({"sources": [{"field": "a::b", "function": "c",
 "purposes": ["x"]}]})") ==
        "1:14: a source names exactly one of \"field\", \"function\" or "
        "\"variable\"");
  CHECK(errorIn(R"({"sinks": [{"function": "f", "kind": "advertising",
 "args": [-1]}]})") ==
        "2:11: each of \"args\" must be a 0-based argument index (0, 1, ...)");
  CHECK(errorIn(R"({"declassifiers": [{"function": "f", "reason": ""}]})") ==
        "1:48: \"reason\" must not be empty");
  CHECK(errorIn(R"({"sinks": [{"function": "f", "kind": "advertising",
 "arg": [0]}]})") ==
        "2:2: unknown key \"arg\" in a sink (did you mean \"args\"?); known "
        "keys: function, kind, args");
}

TEST_CASE("propagations say what a function without a body does",
          "[policy-file]") {
  auto P = pii::parsePolicy(R"({"propagations": [
    {"function": "::log::Builder::add", "from": ["args"], "to": ["this"]},
    {"function": "util::count", "from": [0], "to": []},
    {"function": "util::copyTo", "to": [1, "return"]},
    {"function": "std::transform", "from": ["this"]}
  ]})");
  REQUIRE(static_cast<bool>(P));
  const auto &Models = P->Rules.Propagations;
  const pii::Propagation &Add = Models.at("log::Builder::add");
  CHECK_FALSE(Add.FromArgs);
  CHECK_FALSE(Add.FromObject);
  CHECK(Add.ToObject == true);
  CHECK_FALSE(Add.ToResult);
  CHECK(Add.ToArgs == std::vector<unsigned>{});
  const pii::Propagation &Count = Models.at("util::count");
  CHECK(Count.FromArgs == std::vector<unsigned>{0});
  CHECK_FALSE(Count.ToResult);
  // What "from" does not say stays the opaque-call rule's.
  const pii::Propagation &CopyTo = Models.at("util::copyTo");
  CHECK_FALSE(CopyTo.FromArgs);
  CHECK(CopyTo.FromObject);
  CHECK(CopyTo.ToArgs == std::vector<unsigned>{1});
  CHECK(CopyTo.ToResult);
  // A policy's entry replaces the built-in one.
  CHECK_FALSE(Models.at("std::transform").ProjectsThroughCallable);
  CHECK(pii::Policy::builtin()
            .Propagations.at("std::accumulate")
            .ProjectsThroughCallable);
}

TEST_CASE("a malformed propagation names the place", "[policy-file]") {
  CHECK(errorIn(R"({"propagations": [{"function": "f"}]})") ==
        "1:19: a propagation needs \"from\" or \"to\" (or both): without "
        "them it says what a function without a body does anyway");
  CHECK(errorIn(R"({"propagations": [{"function": "f", "to": ["result"]}]})") ==
        "1:44: each of \"to\" is a 0-based argument index (0, 1, ...), "
        "\"return\" or \"this\"");
  CHECK(errorIn(R"({"propagations": [{"function": "f", "from": [-1]}]})") ==
        "1:46: each of \"from\" is a 0-based argument index (0, 1, ...), "
        "\"args\" (every argument) or \"this\"");
  CHECK(errorIn(R"({"propagations": [{"function": "f", "into": []}]})") ==
        "1:37: unknown key \"into\" in a propagation (did you mean "
        "\"to\"?); known keys: function, from, to");
}

TEST_CASE("a purpose or kind no rule names is a warning with a likely "
          "spelling",
          "[policy-file]") {
  CHECK(warningsIn(R"({"sources": [{"field": "a::b", "purposes": ["securty"]}],
"sinks": [{"function": "f", "kind": "billing"}]})") ==
        std::vector<std::string>{
            "1:45: no rule names the purpose \"securty\" (did you mean "
            "\"security\"?); values with it are not checked",
            "2:37: no rule names the sink kind \"billing\"; nothing reaching "
            "it is checked"});
}

TEST_CASE("several policy files add up, in order", "[policy-file]") {
  pii::PolicyBuilder Builder;
  // The first file's source has a purpose that only the second's rule names.
  add(Builder, R"({
    "sources": [{"field": "acct::Device::fingerprint", "purposes": ["fraud"]},
                {"field": "acct::User::phone", "purposes": ["security"]}],
    "declassifiers": [{"function": "stats::count", "reason": "first"}]})",
      "a.json");
  add(Builder, R"({
    "rules": [{"id": "fraud-to-marketing", "from": ["fraud"], "to": ["marketing"]}],
    "sources": [{"field": "acct::User::phone", "purposes": ["fraud"]}],
    "sinks": [{"function": "crm::send", "kind": "marketing"}],
    "declassifiers": [{"function": "stats::count", "reason": "second"}]})",
      "b.json");
  PolicyFile P = std::move(Builder).finish();
  CHECK(P.Warnings.empty());
  CHECK(P.Rules.Rules.size() == 2);
  CHECK(P.Rules.FieldPurposes.at("acct::User::phone") ==
        std::vector<std::string>{"security", "fraud"});
  CHECK(P.Rules.Sinks.count("crm::send"));
  CHECK(P.Rules.Declassifiers.at("stats::count") == "first");
  // Every name, with its file and place, for the warning about names the
  // program does not declare; the policy keeps each once, for extraction.
  std::vector<std::string> Uses;
  for (const pii::PolicyNameUse &Use : P.Names)
    Uses.push_back(Use.File + ":" + std::to_string(Use.Where.Line) + ":" +
                   std::to_string(Use.Where.Column) + " " +
                   pii::toString(Use.Named.Kind) + " " + Use.Named.Name);
  CHECK(Uses == std::vector<std::string>{
                    "a.json:2:27 field acct::Device::fingerprint",
                    "a.json:3:27 field acct::User::phone",
                    "a.json:4:36 function stats::count",
                    "b.json:3:27 field acct::User::phone",
                    "b.json:4:28 function crm::send",
                    "b.json:5:36 function stats::count"});
  CHECK(P.Rules.NamedInFiles.size() == 4);
}

TEST_CASE("one rule id in two policy files is an error naming both",
          "[policy-file]") {
  pii::PolicyBuilder Builder;
  add(Builder, R"({"rules": [{"id": "r", "from": ["a"], "to": ["b"]}]})",
      "a.json");
  llvm::Error E = Builder.add(
      "{\"rules\": [\n {\"id\": \"r\", \"from\": [\"a\"], \"to\": [\"c\"]}]}",
      "b.json");
  CHECK(llvm::toString(std::move(E)) ==
        "2:9: a rule with id \"r\" is also defined in a.json:1:19; each id "
        "may be defined once");
}

TEST_CASE("a name no rule of any file names is a warning in its file",
          "[policy-file]") {
  pii::PolicyBuilder Builder;
  add(Builder, R"({"sinks": [{"function": "f", "kind": "marketng"}]})",
      "a.json");
  add(Builder, R"({"rules": []})", "b.json");
  PolicyFile P = std::move(Builder).finish();
  REQUIRE(P.Warnings.size() == 1);
  CHECK(P.Warnings[0].File == "a.json");
  CHECK(P.Warnings[0].Message ==
        "no rule names the sink kind \"marketng\" (did you mean "
        "\"marketing\"?); nothing reaching it is checked");
}

TEST_CASE("a policy of 200,000 rules and sources loads", "[policy-file]") {
  // Quadratic loading (each rule compared with every other) took minutes.
  std::string Text = "{\"rules\": [";
  for (int I = 0; I < 200000; ++I)
    Text += (I ? ",{\"id\": \"r" : "{\"id\": \"r") + std::to_string(I) +
            "\", \"from\": [\"p" + std::to_string(I) + "\"], \"to\": [\"k" +
            std::to_string(I) + "\"]}";
  Text += "], \"sources\": [";
  for (int I = 0; I < 200000; ++I)
    Text += (I ? ",{\"field\": \"N::f" : "{\"field\": \"N::f") +
            std::to_string(I) + "\", \"purposes\": [\"p" + std::to_string(I) +
            "\"]}";
  Text += "]}";
  auto P = pii::parsePolicy(Text);
  REQUIRE(static_cast<bool>(P));
  CHECK(P->Rules.Rules.size() == 200001);
  CHECK(P->Warnings.empty());
}
