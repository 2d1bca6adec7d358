//===- AnnotationChecks.h - Misused pii:: annotations ----------*- C++ -*-===//
//
// Finds annotations the analysis would otherwise have to ignore: a missing or
// non-string argument, an empty purpose or reason, an unknown pii:: name, or a
// placement SPEC section 1 does not allow. Ignoring one silently would turn a
// typo into a disabled check.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_ANNOTATIONCHECKS_H
#define PII_CORE_ANNOTATIONCHECKS_H

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
};

/// Checks every pii:: annotation written outside system headers in \p Ctx.
std::vector<AnnotationProblem> checkAnnotations(clang::ASTContext &Ctx);

} // namespace pii

#endif // PII_CORE_ANNOTATIONCHECKS_H
