//===- LspJson.h - Reading LSP messages without trusting them ---*- C++ -*-===//
//
// pii-clangd reads what the editor and clangd send, and neither is ours to
// trust: a member may be missing or of another type (nlohmann's value()
// throws then, and const operator[] is undefined behaviour), and a message
// may nest deeper than copying or printing it (both recursive) can take.
// Every member pii-clangd reads is read through these.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CLANGD_LSPJSON_H
#define PII_CLANGD_LSPJSON_H

#include <nlohmann/json.hpp>

#include <string>

namespace pii {

/// How deep a message may nest for pii-clangd to follow it; deeper ones
/// are passed on as they came, unread. LSP's own messages nest a few levels.
inline constexpr int MaxMessageDepth = 64;

/// \p Content parsed, or a discarded value if it is not JSON or nests
/// deeper than MaxMessageDepth.
nlohmann::json parseMessage(const std::string &Content);

/// The member \p Key of \p Object, or null when \p Object is not an object
/// or has none.
const nlohmann::json &memberOf(const nlohmann::json &Object, const char *Key);

/// The string at \p Key of \p Object, or "".
std::string stringAt(const nlohmann::json &Object, const char *Key);

/// The unsigned number at \p Key of \p Object, or 0.
unsigned unsignedAt(const nlohmann::json &Object, const char *Key);

} // namespace pii

#endif // PII_CLANGD_LSPJSON_H
