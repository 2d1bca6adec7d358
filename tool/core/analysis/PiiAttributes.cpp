//===- PiiAttributes.cpp - [[pii::purpose]] and friends -------------------===//
//
// Registers the [[pii::purpose]], [[pii::sink]] and [[pii::declassify]]
// spellings with Clang's parser and stores each as the AnnotateAttr that the
// PII_* macros produce, so the analysis reads one form. Argument and placement
// checks happen once, for both spellings, in AnnotationChecks.cpp.
//
// Clang 19 looks plugin attributes up by their unscoped name when deciding
// whether to parse arguments; without the bare spelling ("purpose") the
// arguments of [[pii::purpose("x")]] are silently dropped. We therefore
// register both and refuse the unscoped one in the handler.
//
//===----------------------------------------------------------------------===//

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/Basic/ParsedAttrInfo.h"
#include "clang/Sema/ParsedAttr.h"
#include "clang/Sema/Sema.h"

using namespace clang;

namespace {

template <const char *Name, const char *Scoped>
struct PiiAttrInfo : ParsedAttrInfo {
  PiiAttrInfo() {
    OptArgs = 15; // the most the bitfield holds; checked later, not here
    static constexpr Spelling S[] = {{ParsedAttr::AS_CXX11, Scoped},
                                     {ParsedAttr::AS_CXX11, Name}};
    Spellings = S;
  }

  static bool isPiiScoped(const ParsedAttr &Attr) {
    return Attr.getScopeName() && Attr.getScopeName()->getName() == "pii";
  }

  bool diagAppertainsToStmt(Sema &S, const ParsedAttr &Attr,
                            const Stmt *) const override {
    if (isPiiScoped(Attr))
      S.Diag(Attr.getLoc(), S.getDiagnostics().getCustomDiagID(
                                DiagnosticsEngine::Error,
                                "'%0' cannot be applied to a statement"))
          << Scoped;
    return false;
  }

  AttrHandling handleDeclAttribute(Sema &S, Decl *D,
                                   const ParsedAttr &Attr) const override {
    if (!isPiiScoped(Attr)) {
      // Only registered to work around the lookup described above.
      S.Diag(Attr.getLoc(), diag::warn_unknown_attribute_ignored)
          << Attr << Attr.getRange();
      return AttributeNotApplied;
    }
    SmallVector<Expr *, 2> Args;
    for (unsigned I = 0; I < Attr.getNumArgs(); ++I) {
      if (!Attr.isArgExpr(I)) {
        S.Diag(Attr.getLoc(), S.getDiagnostics().getCustomDiagID(
                                  DiagnosticsEngine::Error,
                                  "argument %0 of '%1' must be a string "
                                  "literal"))
            << (I + 1) << Scoped;
        return AttributeNotApplied;
      }
      Args.push_back(Attr.getArgAsExpr(I));
    }
    D->addAttr(AnnotateAttr::Create(S.Context, Scoped, Args.data(), Args.size(),
                                    Attr.getRange()));
    return AttributeApplied;
  }
};

constexpr char PurposeName[] = "purpose";
constexpr char PurposeScoped[] = "pii::purpose";
constexpr char SinkName[] = "sink";
constexpr char SinkScoped[] = "pii::sink";
constexpr char DeclassifyName[] = "declassify";
constexpr char DeclassifyScoped[] = "pii::declassify";

ParsedAttrInfoRegistry::Add<PiiAttrInfo<PurposeName, PurposeScoped>>
    PurposeAttr("pii-purpose", "[[pii::purpose(\"...\")]]");
ParsedAttrInfoRegistry::Add<PiiAttrInfo<SinkName, SinkScoped>>
    SinkAttr("pii-sink", "[[pii::sink(\"...\")]]");
ParsedAttrInfoRegistry::Add<PiiAttrInfo<DeclassifyName, DeclassifyScoped>>
    DeclassifyAttr("pii-declassify", "[[pii::declassify(\"...\")]]");

} // namespace
