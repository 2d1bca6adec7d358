//===- SuppressionComments.cpp --------------------------------------------===//

#include "core/analysis/SuppressionComments.h"
#include "core/analysis/FlowSteps.h"

#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

namespace pii {

static constexpr llvm::StringLiteral Marker = "pii-flow:";
static constexpr llvm::StringLiteral Syntax =
    "'pii-flow: allow(<rule-id>) <reason>'";

/// Where the marker starts a line of \p Comment (after the comment's
/// opener, a block comment's leading stars and blanks): a comment that only
/// mentions pii-flow is no suppression.
static size_t markerIn(llvm::StringRef Comment) {
  for (size_t LineStart = 0; LineStart < Comment.size();) {
    size_t At = LineStart;
    while (At < Comment.size() &&
           llvm::StringRef(" \t/*!").contains(Comment[At]))
      ++At;
    if (Comment.substr(At).starts_with(Marker))
      return At;
    LineStart = Comment.find('\n', LineStart);
    if (LineStart == llvm::StringRef::npos)
      break;
    ++LineStart;
  }
  return llvm::StringRef::npos;
}

std::optional<SuppressionComment> parseSuppression(llvm::StringRef Comment,
                                                   SourceSpot Start) {
  size_t At = markerIn(Comment);
  if (At == llvm::StringRef::npos)
    return std::nullopt;
  SuppressionComment C;
  C.Where = Start;
  // Columns count bytes, as Clang's do; the marker is on the comment's
  // first line, or on a later one of a block comment.
  llvm::StringRef Before = Comment.take_front(At);
  size_t LineStart = Before.rfind('\n');
  if (LineStart == llvm::StringRef::npos) {
    C.Where.Column += At;
  } else {
    C.Where.Line += Before.count('\n');
    C.Where.Column = At - LineStart;
  }
  llvm::StringRef Rest = Comment.drop_front(At + Marker.size());
  Rest = Rest.split('\n').first.split("*/").first.trim();
  if (!Rest.consume_front("allow(")) {
    C.Problem =
        "unknown pii-flow comment; a suppression is written " + Syntax.str();
    return C;
  }
  size_t Close = Rest.find(')');
  if (Close == llvm::StringRef::npos) {
    C.Problem =
        "unterminated 'allow('; a suppression is written " + Syntax.str();
    return C;
  }
  llvm::SmallVector<llvm::StringRef, 2> Ids;
  Rest.take_front(Close).split(Ids, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Id : Ids)
    if (!Id.trim().empty())
      C.Rules.push_back(Id.trim().str());
  llvm::sort(C.Rules);
  C.Rules.erase(std::unique(C.Rules.begin(), C.Rules.end()), C.Rules.end());
  if (C.Rules.empty()) {
    C.Problem = "a suppression names the rule it accepts: " + Syntax.str();
    return C;
  }
  // Another comment may follow the reason.
  C.Reason = Rest.drop_front(Close + 1).split("//").first.trim().str();
  if (C.Reason.empty())
    C.Problem =
        "a suppression needs a reason a reviewer can read: " + Syntax.str();
  return C;
}

bool SuppressionCollector::HandleComment(clang::Preprocessor &PP,
                                         clang::SourceRange Comment) {
  const clang::SourceManager &SM = PP.getSourceManager();
  clang::SourceLocation Begin = Comment.getBegin();
  if (!Begin.isFileID() || SM.isInSystemHeader(Begin))
    return false;
  bool Invalid = false;
  const char *Text = SM.getCharacterData(Begin, &Invalid);
  unsigned Length =
      SM.getFileOffset(Comment.getEnd()) - SM.getFileOffset(Begin);
  if (Invalid)
    return false;
  llvm::StringRef Body(Text, Length);
  if (!Body.contains(Marker))
    return false;
  // Placed as findings are, so that the two meet.
  if (std::optional<SuppressionComment> C =
          parseSuppression(Body, spotOf(SM, Begin)))
    Found.push_back(std::move(*C));
  return false;
}

std::vector<SuppressionComment> SuppressionCollector::take() {
  llvm::sort(Found);
  return std::move(Found);
}

} // namespace pii
