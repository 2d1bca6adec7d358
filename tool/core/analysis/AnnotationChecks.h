//===- AnnotationChecks.h - Misused pii:: annotations -----------*- C++ -*-===//
//
// Finds annotations the analysis would otherwise have to ignore: a missing or
// non-string argument, an empty purpose or reason, an unknown pii:: name, or a
// placement SPEC section 1 does not allow. Ignoring one silently would turn a
// typo into a disabled check; for the same reason a purpose or sink kind that
// no rule of the policy names is a warning, with the name it is probably a
// misspelling of.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_ANALYSIS_ANNOTATIONCHECKS_H
#define PII_CORE_ANALYSIS_ANNOTATIONCHECKS_H

#include "core/model/Finding.h"
#include "core/policy/Policy.h"

#include "clang/Basic/SourceLocation.h"

#include <string>
#include <vector>

namespace clang {
class ASTContext;
}

namespace pii {

struct AnnotationProblem {
  clang::SourceLocation Loc;
  std::string Message;
  /// A name no rule knows: worth a look, but the analysis is whole.
  bool Warning = false;
};

/// Checks every pii:: annotation written outside system headers in \p Ctx
/// against SPEC section 1 and the names \p P knows.
std::vector<AnnotationProblem> checkAnnotations(clang::ASTContext &Ctx,
                                                const Policy &P);

} // namespace pii

#endif // PII_CORE_ANALYSIS_ANNOTATIONCHECKS_H
