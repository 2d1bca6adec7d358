//===- JsonDocument.cpp ---------------------------------------------------===//

#include "core/policy/JsonDocument.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstdlib>

namespace pii {

char PositionedError::ID;

void PositionedError::log(llvm::raw_ostream &OS) const {
  if (!File.empty())
    OS << File << ':';
  OS << Where.Line << ':' << Where.Column << ": " << Message;
}

const JsonValue *JsonValue::get(llvm::StringRef Key) const {
  for (const JsonMember &M : Members)
    if (M.Key == Key)
      return &M.Value;
  return nullptr;
}

const char *JsonValue::describe(Kind K) {
  switch (K) {
  case Kind::Null:
    return "null";
  case Kind::Bool:
    return "a boolean";
  case Kind::Number:
    return "a number";
  case Kind::String:
    return "a string";
  case Kind::Array:
    return "an array";
  case Kind::Object:
    return "an object";
  }
  return "a value";
}

/// A recursive-descent parser over the whole text, which it never reads
/// past: every access checks the end.
class JsonParser {
public:
  explicit JsonParser(llvm::StringRef Text) : Text(Text) {}

  llvm::Expected<JsonValue> document() {
    JsonValue Root;
    if (llvm::Error Err = begin())
      return std::move(Err);
    if (!value(Root, 0))
      return failure();
    if (llvm::Error Err = end())
      return std::move(Err);
    return Root;
  }

  llvm::Error
  elements(llvm::StringRef Document, llvm::StringRef Elements,
           llvm::function_ref<llvm::Error(const JsonValue &)> Each) {
    if (llvm::Error Err = begin())
      return Err;
    if (peek() != '[') {
      JsonValue Root;
      if (!value(Root, 0))
        return failure();
      return llvm::make_error<PositionedError>(
          Root.where(), (Document + " must be an array of " + Elements +
                         ", not " + JsonValue::describe(Root.kind()))
                            .str());
    }
    JsonValue Array;
    bool Done = false;
    open(Array, JsonValue::Kind::Array, 1, ']', Done);
    while (!Done) {
      skipSpace();
      JsonValue Element;
      if (!value(Element, 1))
        return failure();
      if (llvm::Error Err = Each(Element))
        return Err;
      if (!next(']', "an array", Done))
        return failure();
    }
    return end();
  }

private:
  /// Checks the encoding, and moves to the first value.
  llvm::Error begin() {
    size_t BadByte = 0;
    if (!llvm::json::isUTF8(Text, &BadByte)) {
      advanceTo(BadByte);
      return fail("invalid UTF-8");
    }
    skipSpace();
    return llvm::Error::success();
  }
  /// After the document's one value: only space.
  llvm::Error end() {
    skipSpace();
    if (Next != Text.size())
      return fail("unexpected text after the JSON document");
    return llvm::Error::success();
  }
  /// The error recorded by failed().
  llvm::Error failure() const {
    return llvm::make_error<PositionedError>(FailedAt, FailMessage);
  }

  bool atEnd() const { return Next >= Text.size(); }
  char peek() const { return atEnd() ? '\0' : Text[Next]; }

  /// Moves to byte \p Offset, keeping the line and column.
  void advanceTo(size_t Offset) {
    for (; Next < Offset && Next < Text.size(); ++Next) {
      // A column counts bytes; a multi-byte character is several.
      if (Text[Next] == '\n') {
        ++Here.Line;
        Here.Column = 1;
      } else {
        ++Here.Column;
      }
    }
  }
  void advance() { advanceTo(Next + 1); }

  void skipSpace() {
    while (!atEnd() && llvm::is_contained(" \t\r\n", peek()))
      advance();
  }

  llvm::Error fail(const llvm::Twine &Message) {
    return llvm::make_error<PositionedError>(Here, Message.str());
  }
  /// Records the error; parsing then unwinds.
  bool failed(const llvm::Twine &Message) {
    FailedAt = Here;
    FailMessage = Message.str();
    return false;
  }

  bool value(JsonValue &Out, unsigned Depth) {
    Out.Where = Here;
    if (atEnd())
      return failed("unexpected end of the file; a value was expected");
    switch (peek()) {
    case '{':
      return object(Out, Depth + 1);
    case '[':
      return array(Out, Depth + 1);
    case '"':
      Out.K = JsonValue::Kind::String;
      return string(Out.Text);
    case 't':
      Out.K = JsonValue::Kind::Bool;
      Out.Bool = true;
      return literal("true");
    case 'f':
      Out.K = JsonValue::Kind::Bool;
      return literal("false");
    case 'n':
      return literal("null");
    default:
      if (peek() == '-' || llvm::isDigit(peek()))
        return number(Out);
      return failed("unexpected character '" + llvm::Twine(peek()) +
                    "'; a value was expected");
    }
  }

  bool literal(llvm::StringRef Word) {
    if (!Text.substr(Next).starts_with(Word))
      return failed("invalid value; did you mean '" + Word + "'?");
    advanceTo(Next + Word.size());
    return true;
  }

  bool number(JsonValue &Out) {
    size_t Start = Next;
    auto Digits = [&] {
      size_t Before = Next;
      while (llvm::isDigit(peek()))
        advance();
      return Next > Before;
    };
    if (peek() == '-')
      advance();
    if (peek() == '0')
      advance();
    else if (!Digits())
      return failed("invalid number");
    if (peek() == '.') {
      advance();
      if (!Digits())
        return failed("invalid number: digits must follow '.'");
    }
    if (peek() == 'e' || peek() == 'E') {
      advance();
      if (peek() == '+' || peek() == '-')
        advance();
      if (!Digits())
        return failed("invalid number: digits must follow the exponent");
    }
    Out.K = JsonValue::Kind::Number;
    Out.Number =
        std::strtod(Text.substr(Start, Next - Start).str().c_str(), nullptr);
    if (!std::isfinite(Out.Number))
      return failed("number out of range");
    return true;
  }

  /// Four hex digits of a \u escape.
  bool hexQuad(unsigned &Code) {
    Code = 0;
    for (int I = 0; I < 4; ++I) {
      unsigned Digit = llvm::hexDigitValue(peek());
      if (Digit == ~0U)
        return failed("invalid \\u escape: four hex digits expected");
      Code = Code * 16 + Digit;
      advance();
    }
    return true;
  }

  bool escape(std::string &Out) {
    char C = peek();
    advance();
    switch (C) {
    case '"':
    case '\\':
    case '/':
      Out += C;
      return true;
    case 'b':
      Out += '\b';
      return true;
    case 'f':
      Out += '\f';
      return true;
    case 'n':
      Out += '\n';
      return true;
    case 'r':
      Out += '\r';
      return true;
    case 't':
      Out += '\t';
      return true;
    case 'u':
      break;
    default:
      return failed("invalid escape in a string");
    }
    unsigned Code = 0;
    if (!hexQuad(Code))
      return false;
    if (Code >= 0xD800 && Code < 0xDC00) { // a surrogate pair's first half
      unsigned Low = 0;
      if (!Text.substr(Next).starts_with("\\u"))
        return failed("unpaired surrogate in a \\u escape");
      advanceTo(Next + 2);
      if (!hexQuad(Low))
        return false;
      if (Low < 0xDC00 || Low >= 0xE000)
        return failed("unpaired surrogate in a \\u escape");
      Code = 0x10000 + ((Code - 0xD800) << 10) + (Low - 0xDC00);
    } else if (Code >= 0xDC00 && Code < 0xE000) {
      return failed("unpaired surrogate in a \\u escape");
    }
    char Buffer[8];
    char *End = Buffer;
    llvm::ConvertCodePointToUTF8(Code, End);
    Out.append(Buffer, End);
    return true;
  }

  bool string(std::string &Out) {
    advance(); // the opening quote
    while (true) {
      if (atEnd())
        return failed("unterminated string");
      char C = peek();
      if (C == '"') {
        advance();
        return true;
      }
      if (static_cast<unsigned char>(C) < 0x20)
        return failed("control character in a string; write it as an "
                      "escape");
      if (C == '\\') {
        advance();
        if (!escape(Out))
          return false;
        continue;
      }
      Out += C;
      advance();
    }
  }

  /// Opens a container of kind \p K ending with \p Close; \p Done is set
  /// when it is empty.
  bool open(JsonValue &Out, JsonValue::Kind K, unsigned Depth, char Close,
            bool &Done) {
    if (Depth > MaxJsonDepth)
      return failed("nested deeper than " + llvm::Twine(MaxJsonDepth) +
                    " levels");
    Out.K = K;
    advance();
    skipSpace();
    Done = peek() == Close;
    if (Done)
      advance();
    return true;
  }

  /// After an element of a container ending with \p Close: a comma, or the
  /// end (\p Done).
  bool next(char Close, llvm::StringRef What, bool &Done) {
    skipSpace();
    Done = peek() == Close;
    if (Done || peek() == ',') {
      advance();
      return true;
    }
    if (atEnd())
      return failed("unexpected end of the file in " + What);
    return failed("expected ',' or '" + llvm::Twine(Close) + "' in " + What);
  }

  bool array(JsonValue &Out, unsigned Depth) {
    bool Done = false;
    if (!open(Out, JsonValue::Kind::Array, Depth, ']', Done))
      return false;
    while (!Done) {
      skipSpace();
      if (!value(Out.Elements.emplace_back(), Depth) ||
          !next(']', "an array", Done))
        return false;
    }
    return true;
  }

  bool object(JsonValue &Out, unsigned Depth) {
    bool Done = false;
    if (!open(Out, JsonValue::Kind::Object, Depth, '}', Done))
      return false;
    llvm::StringSet<> Keys;
    while (!Done) {
      skipSpace();
      if (peek() != '"')
        return failed(atEnd() ? "unexpected end of the file in an object"
                              : "expected a key (a string in double quotes)");
      JsonMember Member;
      Member.KeyWhere = Here;
      if (!string(Member.Key))
        return false;
      if (!Keys.insert(Member.Key).second) {
        Here = Member.KeyWhere;
        return failed("duplicate key \"" + Member.Key + "\"");
      }
      skipSpace();
      if (peek() != ':')
        return failed("expected ':' after the key");
      advance();
      skipSpace();
      if (!value(Member.Value, Depth))
        return false;
      Out.Members.push_back(std::move(Member));
      if (!next('}', "an object", Done))
        return false;
    }
    return true;
  }

  llvm::StringRef Text;
  size_t Next = 0;
  TextPosition Here;
  TextPosition FailedAt;
  std::string FailMessage;
};

llvm::Expected<JsonValue> parseJson(llvm::StringRef Text) {
  return JsonParser(Text).document();
}

llvm::Error
forEachJsonElement(llvm::StringRef Text, llvm::StringRef Document,
                   llvm::StringRef Elements,
                   llvm::function_ref<llvm::Error(const JsonValue &)> Each) {
  return JsonParser(Text).elements(Document, Elements, Each);
}

llvm::Expected<JsonValue> readJsonFile(llvm::StringRef Path,
                                       llvm::StringRef What, size_t MaxBytes) {
  auto CannotRead = [&](const std::error_code &EC) {
    return llvm::createStringError("cannot read " + What + " '" + Path +
                                   "': " + EC.message());
  };
  llvm::sys::fs::file_status Status;
  if (std::error_code EC = llvm::sys::fs::status(Path, Status))
    return CannotRead(EC);
  if (llvm::sys::fs::is_directory(Status))
    return CannotRead(std::make_error_code(std::errc::is_a_directory));
  // A pipe would block the read, or never end.
  if (!llvm::sys::fs::is_regular_file(Status))
    return llvm::createStringError("cannot read " + What + " '" + Path +
                                   "': not a regular file");
  uint64_t Size = Status.getSize();
  if (Size > MaxBytes)
    return llvm::createStringError(
        What + " '" + Path + "' is " + llvm::Twine(Size >> 20) +
        " MiB; at most " + llvm::Twine(MaxBytes >> 20) + " MiB is read");
  auto Buffer = llvm::MemoryBuffer::getFile(Path, /*IsText=*/false,
                                            /*RequiresNullTerminator=*/false);
  if (!Buffer)
    return CannotRead(Buffer.getError());
  return parseJson((*Buffer)->getBuffer());
}

} // namespace pii
