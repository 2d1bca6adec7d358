//===- JsonText.h - JSON values as text, always valid UTF-8 -----*- C++ -*-===//
//
// Every JSON document pii-flow writes (SARIF logs, LSP messages) is turned
// into text here, and only here. Its strings come from the user's code and
// file system, which may hold any bytes: a Latin-1 comment, a file name in
// another encoding. JSON must be UTF-8, so each byte that is not is written
// as U+FFFD; one bad byte must not cost a log or an editor session.
//
//===----------------------------------------------------------------------===//

#ifndef PII_REPORT_JSONTEXT_H
#define PII_REPORT_JSONTEXT_H

#include <nlohmann/json.hpp>

#include <string>

namespace pii {

/// \p Value as JSON text, indented by \p Indent spaces a level (-1: on one
/// line).
template <typename JsonT>
std::string jsonText(const JsonT &Value, int Indent = -1) {
  return Value.dump(Indent, ' ', /*ensure_ascii=*/false,
                    nlohmann::json::error_handler_t::replace);
}

} // namespace pii

#endif // PII_REPORT_JSONTEXT_H
