//===- CompileDatabase.cpp ------------------------------------------------===//

#include "driver/CompileDatabase.h"
#include "core/policy/JsonDocument.h"

#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;

namespace pii {
namespace {

using Kind = JsonValue::Kind;

/// Whether \p Entry, one of a compile_commands.json's, is what Clang's
/// loader takes: an error at the place of the first problem if not.
Error checkEntry(const JsonValue &Entry) {
  auto Bad = [](TextPosition Where, const Twine &Message) {
    return make_error<PositionedError>(Where, Message.str());
  };
  if (Entry.kind() != Kind::Object)
    return Bad(Entry.where(), "an entry must be an object, not " +
                                  Twine(JsonValue::describe(Entry.kind())));
  const StringRef Keys[] = {"directory", "file", "command", "arguments",
                            "output"};
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
  return Error::success();
}

} // namespace

Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
readCompileDatabase(StringRef Path) {
  auto Buffer = MemoryBuffer::getFile(Path, /*IsText=*/false,
                                      /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return createStringError("cannot read '" + Path +
                             "': " + Buffer.getError().message());
  StringRef Text = (*Buffer)->getBuffer();
  // Checked strictly first, entry by entry (a database holds hundreds of
  // thousands of strings), so that a problem is an error at its place.
  if (Error Err =
          forEachJsonElement(Text, "compile commands", "entries", checkEntry))
    return handleErrors(std::move(Err), [&](const PositionedError &P) {
      return make_error<PositionedError>(P.where(), P.text(), Path.str());
    });
  std::string Problem;
  if (auto Commands = clang::tooling::JSONCompilationDatabase::loadFromBuffer(
          Text, Problem, clang::tooling::JSONCommandLineSyntax::AutoDetect))
    return Commands;
  return createStringError(
      "cannot read compile commands from '" + Path + "'" +
      (Problem.empty() ? "" : ": " + StringRef(Problem).trim()));
}

} // namespace pii
