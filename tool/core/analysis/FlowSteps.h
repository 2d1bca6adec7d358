//===- FlowSteps.h - Steps as summaries keep them ---------------*- C++ -*-===//
//
// How steps are kept in summaries: where they are (file, line, column as the
// user wrote them, not inside macro definitions) and the names of what they
// are about.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_ANALYSIS_FLOWSTEPS_H
#define PII_CORE_ANALYSIS_FLOWSTEPS_H

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

/// \p D's qualified name, a lambda or unnamed class in it said without
/// its place (`LambdaPromise<(lambda)>`): a name that changed when lines
/// are added above would change every summary that says it
/// (link/MovedBody.h).
std::string qualifiedName(const clang::NamedDecl *D);

/// \p S, on a path whose source has purpose \p Purpose, as a summary
/// keeps it.
FlowStep flowStepOf(const clang::SourceManager &SM, const Step &S,
                    const std::string &Purpose);

} // namespace pii

#endif // PII_CORE_ANALYSIS_FLOWSTEPS_H
