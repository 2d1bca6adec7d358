//===- CompileDatabase.cpp ------------------------------------------------===//

#include "driver/CompileDatabase.h"
#include "core/policy/JsonDocument.h"

#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MemoryBuffer.h"

#include <nlohmann/json.hpp>

using namespace llvm;

namespace pii {
namespace {

using Kind = JsonValue::Kind;

/// The first entry of \p Root, a compile_commands.json's document, that
/// Clang's loader refuses, as an error at its place; none if every entry
/// is well formed.
std::optional<PositionedError> firstBadEntry(const JsonValue &Root,
                                             StringRef Path) {
  auto Bad = [&](TextPosition Where, const Twine &Message) {
    return PositionedError(Where, Message.str(), Path.str());
  };
  if (Root.kind() != Kind::Array)
    return Bad(Root.where(), "compile commands must be an array of entries, "
                             "not " +
                                 Twine(JsonValue::describe(Root.kind())));
  const StringRef Keys[] = {"directory", "file", "command", "arguments",
                            "output"};
  for (const JsonValue &Entry : Root.elements()) {
    if (Entry.kind() != Kind::Object)
      return Bad(Entry.where(), "an entry must be an object, not " +
                                    Twine(JsonValue::describe(Entry.kind())));
    for (const JsonMember &M : Entry.members()) {
      if (!is_contained(Keys, M.Key))
        return Bad(M.KeyWhere, "unknown key \"" + M.Key +
                                   "\" in an entry; known keys: directory, "
                                   "file, command, arguments, output");
      if (M.Key == "arguments") {
        if (M.Value.kind() != Kind::Array)
          return Bad(M.Value.where(), "\"arguments\" must be an array");
        for (const JsonValue &A : M.Value.elements())
          if (A.kind() != Kind::String)
            return Bad(A.where(), "each of \"arguments\" must be a string");
      } else if (M.Value.kind() != Kind::String) {
        return Bad(M.Value.where(), "\"" + M.Key + "\" must be a string, not " +
                                        JsonValue::describe(M.Value.kind()));
      }
    }
    for (StringRef Required : {"directory", "file"})
      if (!Entry.get(Required))
        return Bad(Entry.where(), "an entry needs \"" + Required + "\"");
    if (!Entry.get("command") && !Entry.get("arguments"))
      return Bad(Entry.where(), "an entry needs \"command\" or \"arguments\"");
  }
  return std::nullopt;
}

/// Reads a compile_commands.json as events, keeping no document, and tells
/// whether every entry is what firstBadEntry asks: an object whose known
/// keys hold strings (an array of them for "arguments").
class EntryShapes : public nlohmann::json_sax<nlohmann::json> {
public:
  bool Good = true;

  bool null() override { return value(false); }
  bool boolean(bool) override { return value(false); }
  bool number_integer(number_integer_t) override { return value(false); }
  bool number_unsigned(number_unsigned_t) override { return value(false); }
  bool number_float(number_float_t, const string_t &) override {
    return value(false);
  }
  bool string(string_t &) override { return value(true); }
  bool binary(binary_t &) override { return value(false); }
  bool start_object(std::size_t) override {
    // Only the entries, in the top array, are objects.
    bool Expected = Depth == 1;
    ++Depth;
    return check(Expected);
  }
  bool end_object() override {
    --Depth;
    return true;
  }
  bool start_array(std::size_t) override {
    // The top array, and an entry's "arguments".
    bool Expected = Depth == 0 || (Depth == 2 && Key == "arguments");
    ++Depth;
    return check(Expected);
  }
  bool end_array() override {
    --Depth;
    return true;
  }
  bool key(string_t &K) override {
    Key = K;
    return check(Key == "directory" || Key == "file" || Key == "command" ||
                 Key == "arguments" || Key == "output");
  }
  bool parse_error(std::size_t, const std::string &,
                   const nlohmann::detail::exception &) override {
    return check(false);
  }

private:
  /// A scalar at the current depth: only strings, as an entry's values or
  /// as arguments.
  bool value(bool IsString) {
    return check(IsString && ((Depth == 2 && Key != "arguments") ||
                              (Depth == 3 && Key == "arguments")));
  }
  bool check(bool Ok) {
    Good &= Ok;
    return Ok;
  }

  unsigned Depth = 0;
  std::string Key;
};

} // namespace

Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
readCompileDatabase(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/false,
                                      /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return createStringError("cannot read '" + Path +
                             "': " + Buffer.getError().message());
  StringRef Text = (*Buffer)->getBuffer();
  // Checked by a parser that keeps no document first: a database holds
  // hundreds of thousands of strings. The place of a problem comes from a
  // second reading, of a file known to be wrong.
  EntryShapes Shapes;
  nlohmann::json::sax_parse(Text.begin(), Text.end(), &Shapes);
  std::string Problem;
  if (Shapes.Good)
    if (auto Commands = clang::tooling::JSONCompilationDatabase::loadFromBuffer(
            Text, Problem, clang::tooling::JSONCommandLineSyntax::AutoDetect))
      return Commands;
  Expected<JsonValue> Root = parseJson(Text);
  if (!Root)
    return handleErrors(Root.takeError(), [&](const PositionedError &P) {
      return make_error<PositionedError>(P.where(), P.text(), Path.str());
    });
  if (std::optional<PositionedError> Bad = firstBadEntry(*Root, Path))
    return make_error<PositionedError>(std::move(*Bad));
  return createStringError(
      "cannot read compile commands from '" + Path + "'" +
      (Problem.empty() ? "" : ": " + StringRef(Problem).trim()));
}

} // namespace pii
