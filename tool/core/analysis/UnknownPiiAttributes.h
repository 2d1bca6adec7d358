//===- UnknownPiiAttributes.h - [[pii::purpos]] and other typos -*- C++ -*-===//
//
// Clang drops an attribute it does not know with a warning that builds
// usually silence (and pii-flow's own parse does), so a misspelled
// [[pii::purpos("security")]] would switch the check off without a word.
// Unknown attributes never reach the AST, so this follows the tokens the
// parse reads instead: any attribute in the pii namespace, written
// [[pii::x]] or [[using pii: x]], whose name pii-flow does not know is a
// problem, with the name it is probably a misspelling of.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_ANALYSIS_UNKNOWNPIIATTRIBUTES_H
#define PII_CORE_ANALYSIS_UNKNOWNPIIATTRIBUTES_H

#include "core/analysis/AnnotationChecks.h"

#include "clang/Basic/TokenKinds.h"

#include <set>
#include <vector>

namespace clang {
class Preprocessor;
class Token;
} // namespace clang

namespace pii {

class UnknownPiiAttributes {
public:
  /// Follows the tokens \p PP hands to the parser from now on, for as long
  /// as this object lives.
  void watch(clang::Preprocessor &PP);

  /// The unknown attributes found so far, outside system headers, each
  /// once.
  std::vector<AnnotationProblem> take();

private:
  void see(const clang::Token &Tok);
  /// After an attribute's name: its arguments, the next one, or the end.
  void afterName(clang::tok::TokenKind Kind);
  /// Checks \p Name, an attribute's name in the pii namespace if \p InPii.
  void check(llvm::StringRef Name, bool InPii);

  /// Where the tokens are, within an attribute specifier `[[...]]`.
  enum class State {
    Outside,
    /// Expecting an attribute name, `using NS:`, a comma or the end.
    Name,
    /// After `using`, and after `using NS`.
    AfterUsing,
    AfterUsingNamespace,
    /// After a first name, which is a scope if `::` follows.
    AfterFirst,
    AfterScope,
    AfterName,
    /// Inside an attribute's arguments, ParenDepth deep.
    Arguments,
    /// After the first `]` of `]]`.
    Closing,
  };

  clang::Preprocessor *PP = nullptr;
  State At = State::Outside;
  clang::tok::TokenKind Previous = clang::tok::unknown;
  /// The specifier's `using pii:` prefix applies to each name in it.
  bool UsingPii = false;
  /// The name being read: its first identifier, and where it starts.
  llvm::StringRef First;
  clang::SourceLocation NameStart;
  unsigned ParenDepth = 0;
  std::set<clang::SourceLocation> Seen;
  std::vector<AnnotationProblem> Found;
};

} // namespace pii

#endif // PII_CORE_ANALYSIS_UNKNOWNPIIATTRIBUTES_H
