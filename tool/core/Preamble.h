//===- Preamble.h - A file's leading #include lines, precompiled -*- C++
//-*-===//
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
// and edits anywhere but in the #include lines keep the preamble. Clang
// prints a diagnostic in a header with another include stack and another
// spelling of the header's name, though: a parse that meets one is done
// again without the preamble, and the preamble is not used again until the
// headers change. A file whose
// leading lines hold anything else (a macro, a condition) has none.
//
// The store keeps one entry per file and compile command, sealed like the
// summary cache's: the include lines, every file the PCH read, and the PCH.
// An entry serves only while its include lines are the file's and every
// file it read is unchanged.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_PREAMBLE_H
#define PII_CORE_PREAMBLE_H

#include "core/InputFile.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace clang::tooling {
class CompilationDatabase;
}

namespace pii {

struct Preamble {
  /// The text of the header the PCH was compiled from.
  std::string IncludeLines;
  /// Every file the PCH read, but that header.
  std::vector<InputFile> Inputs;
  /// Empty when the headers have a diagnostic (see above): the file is
  /// parsed without until they change.
  std::string Pch;
};

/// The #include lines \p MainText starts with, one per line, or nothing
/// when it starts with anything else (comments and blank lines aside).
std::optional<std::string> leadingIncludes(llvm::StringRef MainText);

/// Where a parse of \p MainFile sees its preamble's header and PCH: beside
/// it, so that quoted includes resolve as from the file. Neither is ever on
/// disk.
std::string preambleHeaderPath(llvm::StringRef MainFile);
std::string preamblePchPath(llvm::StringRef MainFile);

/// \p File's preamble for \p IncludeLines, compiled with its one command in
/// \p Commands over \p Overlay; nothing when the headers do not compile on
/// their own.
std::optional<Preamble>
buildPreamble(const clang::tooling::CompilationDatabase &Commands,
              const std::string &File, std::string IncludeLines,
              const FileOverlay &Overlay);

class PreambleStore {
public:
  /// \p Salt as the summary cache's: a PCH is only read by the Clang that
  /// wrote it.
  PreambleStore(std::string Directory, std::string Salt);

  /// The preamble stored for \p File compiled with \p Commands, if it was
  /// built from \p IncludeLines and every file it read is as it was (as in
  /// \p Overlay, for the files it holds). \p Problem is set when an entry
  /// was there but unusable.
  std::optional<Preamble> lookup(llvm::StringRef File,
                                 llvm::ArrayRef<std::string> Commands,
                                 llvm::StringRef IncludeLines,
                                 const FileOverlay &Overlay,
                                 std::string &Problem) const;
  /// Stores \p P as \p File's; returns a problem to report, or "".
  std::string store(llvm::StringRef File, llvm::ArrayRef<std::string> Commands,
                    const Preamble &P) const;

private:
  std::string entryPath(llvm::StringRef File,
                        llvm::ArrayRef<std::string> Commands) const;

  std::string Directory;
  std::string Salt;
};

} // namespace pii

#endif // PII_CORE_PREAMBLE_H
