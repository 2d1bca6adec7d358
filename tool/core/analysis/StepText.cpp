//===- StepText.cpp -------------------------------------------------------===//

#include "core/analysis/StepText.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace pii {

SourceSpot spotOf(const SourceManager &SM, SourceLocation Loc) {
  PresumedLoc P = SM.getPresumedLoc(SM.getFileLoc(Loc));
  if (P.isInvalid())
    return {};
  llvm::SmallString<256> Path(P.getFilename());
  // Against the compile command's directory, not the process's.
  SM.getFileManager().makeAbsolutePath(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return {Path.str().str(), P.getLine(), P.getColumn()};
}

std::string displayName(const NamedDecl *D) {
  if (!D)
    return "this";
  if (const auto *M = dyn_cast<CXXMethodDecl>(D);
      M && M->getParent()->isLambda()) {
    const SourceManager &SM = D->getASTContext().getSourceManager();
    PresumedLoc P =
        SM.getPresumedLoc(SM.getFileLoc(M->getParent()->getLocation()));
    return "lambda at " + llvm::sys::path::filename(P.getFilename()).str() +
           ":" + std::to_string(P.getLine()) + ":" +
           std::to_string(P.getColumn());
  }
  if (const auto *Bindings = dyn_cast<DecompositionDecl>(D)) {
    std::string Names;
    for (const BindingDecl *B : Bindings->bindings())
      Names += (Names.empty() ? "" : ", ") + B->getNameAsString();
    return "[" + Names + "]"; // auto [number, name] = ...
  }
  if (D->getDeclContext()->isFunctionOrMethod())
    return D->getNameAsString();
  return D->getQualifiedNameAsString();
}

std::string describeStep(const Step &S, const std::string &Purpose) {
  std::string Subject = "'" + displayName(S.Subject) + "'";
  std::string Quoted = "'" + Purpose + "'";
  switch (S.Kind) {
  case StepKind::ReadSource:
    return Subject + " (purpose " + Quoted + ") is read here";
  case StepKind::DeclaredSource:
    return Subject + " is declared with purpose " + Quoted;
  case StepKind::ReturnSource:
    return Subject + " returns a value with purpose " + Quoted;
  case StepKind::ContainedField:
    return "the object passed here contains " + Subject + " (purpose " +
           Quoted + ")";
  case StepKind::ReadGlobal:
    return Subject + " is read here";
  case StepKind::Returned:
    return "returned by " + Subject;
  case StepKind::Assign:
    if (S.Detail)
      return "flows into '" + (S.Subject ? displayName(S.Subject) + "." : "") +
             S.Detail->getNameAsString() + "'";
    return "flows into " + Subject;
  case StepKind::CallResult:
    return "flows through a call to " + Subject;
  case StepKind::CallOutput:
    if (S.Detail)
      return "flows into '" + displayName(S.Detail) + "' through a call to " +
             Subject;
    return "flows into an output of " + Subject;
  }
  return "";
}

} // namespace pii
