//===- Uri.h - File paths as URIs -------------------------------*- C++ -*-===//
//
// SARIF logs and LSP messages name files by URI; both escape a path the same
// way (RFC 3986: unreserved characters and '/' stay, the rest is %XX).
//
//===----------------------------------------------------------------------===//

#ifndef PII_REPORT_URI_H
#define PII_REPORT_URI_H

#include "llvm/ADT/StringRef.h"

#include <string>

namespace pii {

/// \p Path with the characters a URI may not hold percent-encoded.
std::string uriEscape(llvm::StringRef Path);

/// The file:// URI of the absolute path \p Path.
std::string fileUri(llvm::StringRef Path);

/// The path a file:// URI names, or "" for a URI of another scheme.
std::string pathOfFileUri(llvm::StringRef Uri);

/// The path a file:// URI names, or "" for a URI of another scheme.
std::string pathOfFileUri(llvm::StringRef Uri);

} // namespace pii

#endif // PII_REPORT_URI_H
