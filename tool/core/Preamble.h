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
// and edits anywhere but in the #include lines keep the preamble. A
// diagnostic in a header prints as it would without the preamble
// (PreambleDiagnostics.h). A file whose leading lines hold anything else (a
// macro, a condition), or that includes a header with neither guard nor
// #pragma once, has none.
//
// The store keeps one entry per file and compile command, sealed like the
// summary cache's: the include lines, every file the PCH read, and the PCH.
// An entry serves only while its include lines are the file's and every
// file it read is unchanged. Only the most recently built entries are kept.
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

/// A header the PCH names by its absolute path (InputFile::Path), and the
/// name the include search found it by, which a parse without the preamble
/// prints.
struct HeaderSpelling {
  std::string Path;
  std::string Spelled;
};

template <typename Ar> void fields(Ar &A, HeaderSpelling &S) {
  A(S.Path, S.Spelled);
}

struct Preamble {
  /// The text of the header the PCH was compiled from.
  std::string IncludeLines;
  /// Every file the PCH read, but that header.
  std::vector<InputFile> Inputs;
  /// The headers whose two names differ.
  std::vector<HeaderSpelling> Spellings;
  /// Empty when a parse with it could not print a diagnostic as a parse
  /// without does (PreambleDiagnostics.h): the file is parsed without until
  /// its headers change.
  std::string Pch;
};

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

class PreambleStore {
public:
  /// How many entries the store keeps, the most recently built: those of
  /// the files being edited. A PCH takes megabytes, and each file has its
  /// own.
  static constexpr size_t Kept = 16;

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
  /// Stores \p P as \p File's, and removes the oldest entries beyond
  /// Kept; returns a problem to report, or "".
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
