//===- StepText.h - Source positions and words for flow steps ---*- C++ -*-===//
//
// How steps read in findings: where they are (file, line, column as the user
// wrote them, not inside macro definitions) and what they say.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_ANALYSIS_STEPTEXT_H
#define PII_CORE_ANALYSIS_STEPTEXT_H

#include "core/analysis/Provenance.h"
#include "core/model/Finding.h"

#include "clang/Basic/SourceLocation.h"

#include <string>

namespace clang {
class NamedDecl;
class SourceManager;
} // namespace clang

namespace pii {

/// The file position of \p Loc, with an absolute path without dots.
SourceSpot spotOf(const clang::SourceManager &SM, clang::SourceLocation Loc);

/// A local's plain name, or a qualified name for everything else.
std::string displayName(const clang::NamedDecl *D);

/// The note for \p S on a path whose source has purpose \p Purpose.
std::string describeStep(const Step &S, const std::string &Purpose);

} // namespace pii

#endif // PII_CORE_ANALYSIS_STEPTEXT_H
