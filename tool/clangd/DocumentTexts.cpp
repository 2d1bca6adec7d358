//===- DocumentTexts.cpp --------------------------------------------------===//

#include "clangd/DocumentTexts.h"
#include "clangd/LspJson.h"

namespace pii {

/// The byte offset of an LSP position in \p Text. LSP counts a line's
/// characters in UTF-16 code units (clangd's default encoding): a character
/// of four UTF-8 bytes is two of them, any other one.
static size_t offsetOf(const std::string &Text, unsigned Line,
                       unsigned Character) {
  size_t Offset = 0;
  for (unsigned L = 0; L < Line && Offset < Text.size(); ++L) {
    size_t End = Text.find('\n', Offset);
    Offset = End == std::string::npos ? Text.size() : End + 1;
  }
  for (unsigned Units = 0;
       Units < Character && Offset < Text.size() && Text[Offset] != '\n';) {
    unsigned char Lead = Text[Offset];
    size_t Bytes = Lead < 0x80 ? 1 : Lead < 0xE0 ? 2 : Lead < 0xF0 ? 3 : 4;
    Offset = std::min(Offset + Bytes, Text.size());
    Units += Bytes == 4 ? 2 : 1;
  }
  return Offset;
}

void DocumentTexts::update(const std::string &Method,
                           const nlohmann::json &Params) {
  const nlohmann::json &Document = memberOf(Params, "textDocument");
  std::string Uri = stringAt(Document, "uri");
  std::lock_guard<std::mutex> Guard(Lock);
  if (Method == "textDocument/didOpen") {
    Texts[Uri] = stringAt(Document, "text");
  } else if (Method == "textDocument/didClose") {
    Texts.erase(Uri);
  } else if (Method == "textDocument/didChange") {
    auto It = Texts.find(Uri);
    const nlohmann::json &Changes = memberOf(Params, "contentChanges");
    if (It == Texts.end() || !Changes.is_array())
      return;
    for (const nlohmann::json &Change : Changes) {
      const nlohmann::json &Range = memberOf(Change, "range");
      if (Range.is_null()) {
        It->second = stringAt(Change, "text");
        continue;
      }
      auto At = [&](const char *Where) {
        const nlohmann::json &Position = memberOf(Range, Where);
        return offsetOf(It->second, unsignedAt(Position, "line"),
                        unsignedAt(Position, "character"));
      };
      size_t Begin = At("start");
      size_t End = At("end");
      if (End < Begin)
        End = Begin;
      It->second.replace(Begin, End - Begin, stringAt(Change, "text"));
    }
  }
}

std::optional<std::string> DocumentTexts::lineFrom(const std::string &Uri,
                                                   unsigned Line,
                                                   unsigned Character) {
  std::lock_guard<std::mutex> Guard(Lock);
  auto It = Texts.find(Uri);
  if (It == Texts.end())
    return std::nullopt;
  const std::string &Text = It->second;
  size_t Begin = offsetOf(Text, Line, Character);
  size_t End = Text.find('\n', Begin);
  return Text.substr(Begin, End == std::string::npos ? std::string::npos
                                                     : End - Begin);
}

std::map<std::string, std::string> DocumentTexts::texts() {
  std::lock_guard<std::mutex> Guard(Lock);
  return Texts;
}

} // namespace pii
