//===- LspReporter.h - Findings as LSP diagnostics --------------*- C++ -*-===//
//
// What pii-clangd adds to clangd's textDocument/publishDiagnostics: one
// diagnostic per finding, at the sink argument, with the rule as its code
// and the path as related information. Several clients (Neovim 0.7, Emacs
// eglot) show no related information, so the headline stands on its own
// (purpose, source, sink), and when the client does not advertise related
// information the steps are folded into the message, as clangd folds notes.
// A misused or unknown pii:: annotation is a diagnostic of its own.
//
//===----------------------------------------------------------------------===//

#ifndef PII_REPORT_LSPREPORTER_H
#define PII_REPORT_LSPREPORTER_H

#include "core/model/Finding.h"
#include "report/SourceLines.h"

#include <nlohmann/json.hpp>

#include <string>

namespace pii {

/// The LSP Diagnostic for \p F, covering the sink argument; columns count
/// UTF-16 code units of the texts \p Lines reads (the editor's).
nlohmann::json lspDiagnostic(const Finding &F, bool RelatedInformation,
                             SourceLines &Lines);

/// The LSP Diagnostic for a problem in the code (a misused annotation, a
/// stale suppression).
nlohmann::json lspDiagnostic(const PlacedProblem &Problem, SourceLines &Lines);

} // namespace pii

#endif // PII_REPORT_LSPREPORTER_H
