//===- Preamble.h - A file's leading #include lines, compiled ---*- C++ -*-===//
//
// A file being edited is parsed again and again, and a good part of each
// parse is the headers it starts by including, which the edit rarely
// touches. As clangd does, those are precompiled once (a PCH) and the file's
// later parses load them instead of parsing them.
//
// clangd's preamble is the file's own first bytes, so any change to them (a
// line added on top) makes a new one. Ours is a header of the file's leading
// #include lines alone, compiled in the file's directory with the file's
// command. The file is then parsed whole, after the PCH is loaded: its
// #include lines find their headers already included (include guards,
// #pragma once) and skip them. Every location in the file stays its own,
// and edits anywhere but in the #include lines keep the preamble. A
// diagnostic in a header prints as it would without the preamble
// (PreambleDiagnostics.h). A file whose leading lines hold anything else (a
// macro, a condition), or that includes a header with neither guard nor
// #pragma once, has none.
//
// Built preambles are kept in the cache directory (store/PreambleStore.h).
//
//===----------------------------------------------------------------------===//

#ifndef PII_DRIVER_PREAMBLE_H
#define PII_DRIVER_PREAMBLE_H

#include "store/PreambleStore.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace clang::tooling {
class CompilationDatabase;
}

namespace pii {

struct LeadingIncludes {
  /// One #include per line: the text of a preamble's header.
  std::string Lines;
  /// The line of the file each of them is on.
  std::vector<unsigned> MainLines;
};

/// The #include lines \p MainText starts with, or nothing when it starts
/// with anything else (comments and blank lines aside).
std::optional<LeadingIncludes> leadingIncludes(llvm::StringRef MainText);

/// Where a parse of \p MainFile sees its preamble's header and PCH: beside
/// it, so that quoted includes resolve as from the file. Neither is ever on
/// disk.
std::string preambleHeaderPath(llvm::StringRef MainFile);
std::string preamblePchPath(llvm::StringRef MainFile);

/// \p File's preamble for \p IncludeLines, compiled with its one command in
/// \p Commands over \p Overlay; nothing when the headers do not compile on
/// their own. One without a PCH when a header they name has no include
/// guard (or #pragma once), so that the file's parse would read it again.
std::optional<Preamble>
buildPreamble(const clang::tooling::CompilationDatabase &Commands,
              const std::string &File, std::string IncludeLines,
              const FileOverlay &Overlay);

} // namespace pii

#endif // PII_DRIVER_PREAMBLE_H
