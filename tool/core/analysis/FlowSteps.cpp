//===- FlowSteps.cpp
//-------------------------------------------------------===//

#include "core/analysis/FlowSteps.h"

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

std::string qualifiedName(const NamedDecl *D) {
  PrintingPolicy Policy = D->getASTContext().getPrintingPolicy();
  Policy.AnonymousTagLocations = false;
  std::string Name;
  llvm::raw_string_ostream OS(Name);
  D->printQualifiedName(OS, Policy);
  return Name;
}

std::string displayName(const NamedDecl *D) {
  if (!D)
    return "this";
  if (const auto *M = dyn_cast<CXXMethodDecl>(D);
      M && M->getParent()->isLambda()) {
    // By what it is in, not where: a name that changed when lines are
    // added above would change every summary that says it (MovedBody.h).
    // A step says where.
    for (const DeclContext *In = M->getParent()->getDeclContext(); In;
         In = In->getParent())
      if (const auto *Function = dyn_cast<FunctionDecl>(In))
        return "lambda in " + displayName(Function);
    if (const auto *Named =
            dyn_cast<NamedDecl>(M->getParent()->getDeclContext()))
      return "lambda in " + qualifiedName(Named);
    return "lambda";
  }
  if (const auto *Bindings = dyn_cast<DecompositionDecl>(D)) {
    std::string Names;
    for (const BindingDecl *B : Bindings->bindings())
      Names += (Names.empty() ? "" : ", ") + B->getNameAsString();
    return "[" + Names + "]"; // auto [number, name] = ...
  }
  if (D->getDeclContext()->isFunctionOrMethod())
    return D->getNameAsString();
  return qualifiedName(D);
}

/// The FlowStep kind of \p Kind: one each.
static FlowStepKind flowStepKindOf(StepKind Kind) {
  switch (Kind) {
  case StepKind::ReadSource:
    return FlowStepKind::ReadSource;
  case StepKind::DeclaredSource:
    return FlowStepKind::DeclaredSource;
  case StepKind::ReadGlobal:
    return FlowStepKind::ReadGlobal;
  case StepKind::Returned:
    return FlowStepKind::Returned;
  case StepKind::ReturnSource:
    return FlowStepKind::ReturnSource;
  case StepKind::ContainedField:
    return FlowStepKind::ContainedField;
  case StepKind::Assign:
    return FlowStepKind::Assign;
  case StepKind::CallResult:
    return FlowStepKind::CallResult;
  case StepKind::CallOutput:
    return FlowStepKind::CallOutput;
  }
  llvm_unreachable("a step kind without a flow step kind");
}

FlowStep flowStepOf(const SourceManager &SM, const Step &S,
                    const std::string &Purpose) {
  FlowStep Out;
  Out.Kind = flowStepKindOf(S.Kind);
  Out.Where = spotOf(SM, S.Loc);
  // No subject is `this`, which the reporters name.
  if (S.Subject)
    Out.Subject = displayName(S.Subject);
  if (S.Detail)
    Out.Detail = S.Kind == StepKind::Assign ? S.Detail->getNameAsString()
                                            : displayName(S.Detail);
  switch (S.Kind) {
  case StepKind::ReadSource:
  case StepKind::DeclaredSource:
  case StepKind::ReturnSource:
  case StepKind::ContainedField:
    Out.Purpose = Purpose;
    break;
  default:
    break;
  }
  return Out;
}

} // namespace pii
