//===- DocumentTexts.h - What the editor's buffers hold ---------*- C++ -*-===//
//
// pii-clangd needs the text under a clangd diagnostic to tell a pii::
// attribute from any other unknown attribute, and the editor's buffer may
// differ from the file on disk. It follows didOpen, didChange (whole or
// incremental) and didClose as clangd does.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CLANGD_DOCUMENTTEXTS_H
#define PII_CLANGD_DOCUMENTTEXTS_H

#include <nlohmann/json.hpp>

#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace pii {

class DocumentTexts {
public:
  /// Follows a textDocument/did{Open,Change,Close} notification.
  void update(const std::string &Method, const nlohmann::json &Params);
  /// The text of \p Uri from \p Line, \p Character (0-based) on, to the end
  /// of that line; nothing when the document is not open.
  std::optional<std::string> lineFrom(const std::string &Uri, unsigned Line,
                                      unsigned Character);
  /// Every open document's text, by URI.
  std::map<std::string, std::string> texts();

private:
  std::mutex Lock;
  std::map<std::string, std::string> Texts;
};

} // namespace pii

#endif // PII_CLANGD_DOCUMENTTEXTS_H
