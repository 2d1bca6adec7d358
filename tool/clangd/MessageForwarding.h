//===- MessageForwarding.h - The two directions of pii-clangd ---*- C++ -*-===//
//
// pii-clangd forwards every message between the editor and clangd as it
// came, following the editor's documents on the way and merging pii-flow's
// diagnostics into clangd's. A message it cannot read is still forwarded,
// and nothing in one ends the process (the editor would lose clangd).
//
//===----------------------------------------------------------------------===//

#ifndef PII_CLANGD_MESSAGEFORWARDING_H
#define PII_CLANGD_MESSAGEFORWARDING_H

#include "clangd/AnalysisQueue.h"
#include "clangd/DiagnosticMerger.h"
#include "clangd/DocumentTexts.h"
#include "clangd/LspChannel.h"

namespace pii {

/// Editor to clangd, until either side ends: every message forwarded as it
/// came; the document notifications are also followed in \p Texts, and
/// given to \p Analysis if there is one.
void forwardToClangd(LspReader &Editor, LspWriter &Clangd, DocumentTexts &Texts,
                     AnalysisQueue *Analysis);

/// clangd to editor, until clangd's output ends: diagnostics merged by
/// \p Merger, everything else unchanged.
void forwardToEditor(LspReader &Clangd, LspWriter &Editor,
                     DiagnosticMerger &Merger);

} // namespace pii

#endif // PII_CLANGD_MESSAGEFORWARDING_H
