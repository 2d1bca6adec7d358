//===- UnknownPiiAttributes.cpp -------------------------------------------===//

#include "core/analysis/UnknownPiiAttributes.h"
#include "core/analysis/Annotations.h"
#include "core/policy/Spelling.h"

#include "clang/Lex/Preprocessor.h"

using namespace clang;

namespace pii {

void UnknownPiiAttributes::watch(Preprocessor &Watched) {
  PP = &Watched;
  PP->setTokenWatcher([this](const Token &Tok) { see(Tok); });
}

std::vector<AnnotationProblem> UnknownPiiAttributes::take() {
  return std::move(Found);
}

void UnknownPiiAttributes::see(const Token &Tok) {
  tok::TokenKind Kind = Tok.getKind();
  tok::TokenKind Before = Previous;
  Previous = Kind;
  const IdentifierInfo *Identifier = Tok.getIdentifierInfo();
  switch (At) {
  case State::Outside:
    if (Kind == tok::l_square && Before == tok::l_square) {
      At = State::Name;
      UsingPii = false;
    }
    return;
  case State::Name:
    if (Kind == tok::comma)
      return;
    if (Kind == tok::r_square) {
      At = State::Closing;
      return;
    }
    if (Identifier && Identifier->getName() == "using") {
      At = State::AfterUsing;
      return;
    }
    if (Identifier) {
      First = Identifier->getName();
      NameStart = Tok.getLocation();
      At = State::AfterFirst;
      return;
    }
    break;
  case State::AfterUsing:
    if (Identifier) {
      UsingPii = Identifier->getName() == "pii";
      At = State::AfterUsingNamespace;
      return;
    }
    break;
  case State::AfterUsingNamespace:
    if (Kind == tok::colon) {
      At = State::Name;
      return;
    }
    break;
  case State::AfterFirst:
    if (Kind == tok::coloncolon) {
      At = State::AfterScope;
      return;
    }
    check(First, UsingPii);
    afterName(Kind);
    return;
  case State::AfterScope:
    if (Identifier) {
      check(Identifier->getName(), First == "pii");
      At = State::AfterName;
      return;
    }
    break;
  case State::AfterName:
    afterName(Kind);
    return;
  case State::Arguments:
    if (Kind == tok::l_paren)
      ++ParenDepth;
    else if (Kind == tok::r_paren && --ParenDepth == 0)
      At = State::AfterName;
    return;
  case State::Closing:
    break; // `]]` ends the specifier, and anything else is not one
  }
  At = State::Outside;
}

void UnknownPiiAttributes::afterName(tok::TokenKind Kind) {
  switch (Kind) {
  case tok::l_paren:
    At = State::Arguments;
    ParenDepth = 1;
    return;
  case tok::comma:
    At = State::Name;
    return;
  case tok::ellipsis:
    At = State::AfterName;
    return;
  case tok::r_square:
    At = State::Closing;
    return;
  default:
    At = State::Outside; // not an attribute specifier after all
  }
}

void UnknownPiiAttributes::check(llvm::StringRef Name, bool InPii) {
  if (!InPii || llvm::is_contained(PiiAttributeNames, Name))
    return;
  SourceManager &SM = PP->getSourceManager();
  SourceLocation Where = SM.getFileLoc(NameStart);
  if (SM.isInSystemHeader(Where) || !Seen.insert(Where).second)
    return;
  std::vector<llvm::StringRef> Known(std::begin(PiiAttributeNames),
                                     std::end(PiiAttributeNames));
  std::string Suggestion;
  if (std::optional<std::string> Closest = closestSpelling(Name, Known))
    Suggestion = " (did you mean 'pii::" + *Closest + "'?)";
  Found.push_back({NameStart,
                   "unknown attribute 'pii::" + Name.str() + "'" + Suggestion +
                       "; pii-flow knows '" + PurposeAnnotation + "', '" +
                       SinkAnnotation + "' and '" + DeclassifyAnnotation + "'",
                   /*Warning=*/false});
}

} // namespace pii
