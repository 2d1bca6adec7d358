//===- FileParse.h - Parse one file and summarize it ------------*- C++ -*-===//
//
// The parse step: one file, compiled with its command, parsed with
// LibTooling (with its preamble when one fits, driver/Preamble.h), its
// annotations checked and reported through the file's own diagnostics, and
// its translation units summarized (core/analysis/Analyze.h). A file that
// fails to compile is recorded as such; one whose parse crashes costs that
// file only (IsolatedRun.h).
//
//===----------------------------------------------------------------------===//

#ifndef PII_DRIVER_FILEPARSE_H
#define PII_DRIVER_FILEPARSE_H

#include "core/policy/Policy.h"
#include "driver/CompileJob.h"
#include "store/PreambleStore.h"
#include "store/SummaryCache.h"

#include "llvm/Support/Error.h"

namespace clang::tooling {
class CompilationDatabase;
}

namespace pii {

/// What the analysis of one file produced.
struct FileAnalysis {
  /// An AST was analyzed (a file that fails to compile has none).
  bool Analyzed = false;
  bool Crashed = false;
  /// The parse stopped at something it could not find or open
  /// (DiagnosticCapture::stoppedShort).
  bool StoppedShort = false;
  bool FromCache = false;
  /// Parsed with a preamble (Preamble.h).
  bool WithPreamble = false;
  /// Set when a cache entry was unusable, or could not be written.
  std::string CacheProblem;
  /// The summaries are held packed (Result.PackedSummaries) until every file
  /// is done: decoded, they would add to the memory of the parses still
  /// running several times what the encoding takes; and a run whose link
  /// result is cached never decodes them.
  FileResult Result;
  /// A hash of Result.PackedSummaries, which are freed once decoded.
  uint64_t SummaryHash = 0;
  /// Fresh from the parse until packed; then Result.PackedSummaries
  /// decoded, once the program is to be linked.
  std::vector<TranslationUnitSummary> Summaries;
  bool Unpacked = false;
};

/// \p Job's file parsed and summarized, seeing \p Overlay's texts instead
/// of the files on disk; with \p Preambles, with the file's preamble there
/// when it has one that fits the file as it is now.
FileAnalysis
parseAndSummarize(const clang::tooling::CompilationDatabase &Commands,
                  const CompileJob &Job, const Policy &P,
                  const FileOverlay &Overlay = {},
                  const PreambleStore *Preambles = nullptr);

/// Builds and stores \p Job's preamble (driver/Preamble.h), with \p Overlay,
/// unless \p Preambles has a usable one: for a file that is being edited.
llvm::Error preparePreamble(const clang::tooling::CompilationDatabase &Commands,
                            const CompileJob &Job, const FileOverlay &Overlay,
                            const PreambleStore &Preambles);

} // namespace pii

#endif // PII_DRIVER_FILEPARSE_H
