//===- SuppressionComments.h - allow() comments as parsed -------*- C++ -*-===//
//
// A team accepts a flow with a comment on the sink call's line:
//
//   ads.upload(hash(u.phone)); // pii-flow: allow(security-to-advertising)
//   consented in ToS v4
//
// The comments are collected while the file is parsed, from the text the
// parse read (an editor's unsaved buffer included), in every file outside
// the system headers, whether or not a finding is there: one that accepts
// nothing has gone stale, and says so (Suppressions.h).
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_ANALYSIS_SUPPRESSIONCOMMENTS_H
#define PII_CORE_ANALYSIS_SUPPRESSIONCOMMENTS_H

#include "core/model/Summary.h"

#include "clang/Lex/Preprocessor.h"

#include <optional>
#include <vector>

namespace pii {

/// The suppression that \p Comment, a comment's text (`//` or `/*`
/// included) starting at \p Start, holds: one whose marker `pii-flow:`
/// starts the comment, or a line of it; nothing if it holds none.
std::optional<SuppressionComment> parseSuppression(llvm::StringRef Comment,
                                                   SourceSpot Start);

/// Collects the suppression comments of the files a parse reads, once
/// registered with Preprocessor::addCommentHandler. It must outlive the
/// parse.
class SuppressionCollector : public clang::CommentHandler {
public:
  bool HandleComment(clang::Preprocessor &PP,
                     clang::SourceRange Comment) override;

  /// The comments found so far, in the order of their places.
  std::vector<SuppressionComment> take();

private:
  std::vector<SuppressionComment> Found;
};

} // namespace pii

#endif // PII_CORE_ANALYSIS_SUPPRESSIONCOMMENTS_H
