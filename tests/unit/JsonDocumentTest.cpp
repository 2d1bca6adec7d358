#include "core/policy/JsonDocument.h"

#include <catch2/catch.hpp>

using pii::JsonValue;

namespace {

/// "line:col: message" for a document that must not parse.
std::string errorIn(llvm::StringRef Text) {
  llvm::Expected<JsonValue> V = pii::parseJson(Text);
  if (V)
    return "parsed";
  return llvm::toString(V.takeError());
}

} // namespace

TEST_CASE("values keep where they were written", "[json]") {
  auto V = pii::parseJson("{\n  \"a\": [1, true],\n  \"b\": \"x\\u00e9\"\n}");
  REQUIRE(static_cast<bool>(V));
  REQUIRE(V->kind() == JsonValue::Kind::Object);
  REQUIRE(V->members().size() == 2);
  CHECK(V->members()[0].KeyWhere.Line == 2);
  CHECK(V->members()[0].KeyWhere.Column == 3);
  const JsonValue &A = V->members()[0].Value;
  CHECK(A.where().Column == 8);
  REQUIRE(A.elements().size() == 2);
  CHECK(A.elements()[0].number() == 1);
  CHECK(A.elements()[1].where().Column == 12);
  CHECK(V->get("b")->string() == "x\xc3\xa9");
  CHECK(V->get("c") == nullptr);
}

TEST_CASE("escapes and surrogate pairs decode to UTF-8", "[json]") {
  auto V = pii::parseJson(R"(["\"\\\/\b\f\n\r\t", "\ud83d\ude00"])");
  REQUIRE(static_cast<bool>(V));
  CHECK(V->elements()[0].string() == "\"\\/\b\f\n\r\t");
  CHECK(V->elements()[1].string() == "\xf0\x9f\x98\x80");
}

TEST_CASE("malformed documents are refused at the right place", "[json]") {
  CHECK(errorIn("") == "1:1: unexpected end of the file; a value was expected");
  CHECK(errorIn("{\"a\": 1,") ==
        "1:9: unexpected end of the file in an object");
  CHECK(errorIn("{\"a\": 1, }") ==
        "1:10: expected a key (a string in double quotes)");
  CHECK(errorIn("[1 2]") == "1:4: expected ',' or ']' in an array");
  CHECK(errorIn("{\n \"a\": 1,\n \"a\": 2}") == "3:2: duplicate key \"a\"");
  CHECK(errorIn("tru") == "1:1: invalid value; did you mean 'true'?");
  CHECK(errorIn("01") == "1:2: unexpected text after the JSON document");
  CHECK(errorIn("1.") == "1:3: invalid number: digits must follow '.'");
  CHECK(errorIn("1e999") == "1:6: number out of range");
  CHECK(errorIn("\"a\nb\"") ==
        "1:3: control character in a string; write it as an escape");
  CHECK(errorIn("\"\\ud800\"") == "1:8: unpaired surrogate in a \\u escape");
  CHECK(errorIn("\"\\x\"") == "1:4: invalid escape in a string");
  CHECK(errorIn("\"abc") == "1:5: unterminated string");
  CHECK(errorIn("[\"ok\", \"\xff\"]") == "1:9: invalid UTF-8");
  CHECK(errorIn("// comment\n{}") ==
        "1:1: unexpected character '/'; a value was expected");
}

TEST_CASE("nesting is bounded rather than exhausting the stack", "[json]") {
  std::string Deep(pii::MaxJsonDepth, '[');
  Deep += std::string(pii::MaxJsonDepth, ']');
  CHECK(errorIn(Deep) == "parsed");
  std::string Deeper(100000, '[');
  CHECK(errorIn(Deeper) == "1:65: nested deeper than 64 levels");
}

TEST_CASE("an array is read one element at a time", "[json]") {
  std::vector<std::string> Seen;
  auto Collect = [&](const JsonValue &E) {
    Seen.push_back(E.kind() == JsonValue::Kind::String ? E.string() : "?");
    return llvm::Error::success();
  };
  CHECK(!pii::forEachJsonElement(R"(["a", 1, "c"])", "names", "entries",
                                 Collect));
  CHECK(Seen == std::vector<std::string>{"a", "?", "c"});

  SECTION("an error of the caller stops the reading") {
    Seen.clear();
    llvm::Error Err = pii::forEachJsonElement(
        R"(["a", "b", "c"])", "names", "entries", [&](const JsonValue &E) {
          Seen.push_back(E.string());
          return E.string() == "b" ? llvm::make_error<pii::PositionedError>(
                                         E.where(), "not b")
                                   : llvm::Error::success();
        });
    CHECK(llvm::toString(std::move(Err)) == "1:7: not b");
    CHECK(Seen == std::vector<std::string>{"a", "b"});
  }
  SECTION("a document that is not an array, or not JSON, is refused") {
    CHECK(llvm::toString(pii::forEachJsonElement(R"( {"a": 1})", "names",
                                                 "entries", Collect)) ==
          "1:2: names must be an array of entries, not an object");
    CHECK(llvm::toString(pii::forEachJsonElement(R"(["a" "b"])", "names",
                                                 "entries", Collect)) ==
          "1:6: expected ',' or ']' in an array");
    CHECK(llvm::toString(pii::forEachJsonElement(R"([] x)", "names",
                                                 "entries", Collect)) ==
          "1:4: unexpected text after the JSON document");
  }
}
