//===- JsonDocument.h - JSON with positions ---------------------*- C++ -*-===//
//
// Policy files and baselines are written by people, and an error in one must
// name the line and column of the key at fault. JSON libraries forget where
// values came from once parsed (nlohmann's SAX events carry no position), so
// this reader keeps a position on every value and key.
//
// It is strict, as input from anywhere must be handled: RFC 8259 only (no
// comments, no trailing commas), valid UTF-8, no duplicate keys in an object
// (which JSON libraries silently resolve, one way or the other), and a bound
// on nesting so that a hostile file cannot exhaust the stack.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_POLICY_JSONDOCUMENT_H
#define PII_CORE_POLICY_JSONDOCUMENT_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace pii {

/// 1-based line and column (in bytes, as Clang counts them).
struct TextPosition {
  unsigned Line = 1;
  unsigned Column = 1;
};

/// A problem at a place in a document.
class PositionedError : public llvm::ErrorInfo<PositionedError> {
public:
  static char ID;
  /// \p File: the document's, when the error is to name it itself.
  PositionedError(TextPosition Where, std::string Message,
                  std::string File = "")
      : Where(Where), Message(std::move(Message)), File(std::move(File)) {}

  TextPosition where() const { return Where; }
  const std::string &file() const { return File; }
  /// The problem, without the position.
  const std::string &text() const { return Message; }

  void log(llvm::raw_ostream &OS) const override;
  std::error_code convertToErrorCode() const override {
    return llvm::inconvertibleErrorCode();
  }

private:
  TextPosition Where;
  std::string Message;
  std::string File;
};

struct JsonMember;

class JsonValue {
public:
  enum class Kind { Null, Bool, Number, String, Array, Object };

  Kind kind() const { return K; }
  TextPosition where() const { return Where; }

  bool boolean() const { return Bool; }
  double number() const { return Number; }
  /// The unescaped text of a string.
  const std::string &string() const { return Text; }
  const std::vector<JsonValue> &elements() const { return Elements; }
  /// In the order written.
  const std::vector<JsonMember> &members() const { return Members; }
  /// The member named \p Key, if any.
  const JsonValue *get(llvm::StringRef Key) const;

  /// "an object", "a string", ...: for messages.
  static const char *describe(Kind K);

private:
  friend class JsonParser;
  Kind K = Kind::Null;
  TextPosition Where;
  bool Bool = false;
  double Number = 0;
  std::string Text;
  std::vector<JsonValue> Elements;
  std::vector<JsonMember> Members;
};

struct JsonMember {
  std::string Key;
  TextPosition KeyWhere;
  JsonValue Value;
};

/// Deeper nesting than this is refused.
inline constexpr unsigned MaxJsonDepth = 64;

/// Parses \p Text as one JSON document; errors are PositionedErrors.
llvm::Expected<JsonValue> parseJson(llvm::StringRef Text);

/// Parses \p Text, which must be \p Document ("compile commands"): an
/// array of \p Elements ("entries"), one
/// element at a time, calling \p Each on each: a document of any length is
/// read in the memory its largest element takes. Stops at the first error,
/// of the parse (a PositionedError) or of \p Each.
llvm::Error
forEachJsonElement(llvm::StringRef Text, llvm::StringRef Document,
                   llvm::StringRef Elements,
                   llvm::function_ref<llvm::Error(const JsonValue &)> Each);

/// Reads and parses the file \p Path, refusing one over \p MaxBytes. Errors
/// are PositionedErrors for its content, plain ones naming it as \p What
/// ("the policy file") when it cannot be read.
llvm::Expected<JsonValue> readJsonFile(llvm::StringRef Path,
                                       llvm::StringRef What, size_t MaxBytes);

} // namespace pii

#endif // PII_CORE_POLICY_JSONDOCUMENT_H
