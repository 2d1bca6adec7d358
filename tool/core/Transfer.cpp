//===- Transfer.cpp -------------------------------------------------------===//

#include "core/Transfer.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace pii {

void AliasMap::add(const ValueDecl *V, const PathList &Paths) {
  PathList &Known = Targets[V];
  for (const AccessPath &P : Paths)
    if (llvm::find(Known, P) == Known.end()) {
      Known.push_back(P);
      Changed = true;
    }
}

const PathList *AliasMap::find(const ValueDecl *V) const {
  auto It = Targets.find(V);
  return It == Targets.end() || It->second.empty() ? nullptr : &It->second;
}

static const ValueDecl *rootDecl(const PathList &Places) {
  return Places.size() == 1 ? Places.front().Root : nullptr;
}

static const NamedDecl *lastField(const PathList &Places) {
  return Places.size() == 1 && !Places.front().Fields.empty()
             ? Places.front().Fields.back()
             : nullptr;
}

static bool isOutputParameter(QualType T) {
  if (T->isLValueReferenceType() || T->isPointerType())
    return !T->getPointeeType().isConstQualified() &&
           !T->getPointeeType()->isFunctionType();
  return false;
}

TaintSet Transfer::withStep(const TaintSet &T, SourceLocation Loc, StepKind K,
                            const NamedDecl *Subject, const NamedDecl *Detail) {
  return T.through([&](StepId Parent) {
    return Ctx.Steps.extend(Parent, Loc, K, Subject, Detail);
  });
}

void Transfer::addDeclaredLabels(const ValueDecl *D, SourceLocation Loc,
                                 TaintSet &Out) {
  for (const std::string &Purpose : Ctx.Annotations.purposesOf(D))
    Out.add(Ctx.Labels.intern(Purpose, D),
            Ctx.Steps.extend(0, Loc, StepKind::ReadSource, D));
}

TaintSet Transfer::readPlaces(const PathList &Places, SourceLocation Loc) {
  TaintSet Result;
  for (const AccessPath &P : Places) {
    Result.join(S.read(P));
    if (P.Root)
      addDeclaredLabels(P.Root, Loc, Result);
    for (const FieldDecl *F : P.Fields)
      addDeclaredLabels(F, Loc, Result);
  }
  return Result;
}

TaintSet Transfer::argumentTaint(const Expr *Arg, const Value &V,
                                 bool WholeObject) {
  TaintSet Result = V.Taint;
  Result.join(readPlaces(V.Pointees, Arg->getExprLoc()));
  if (!WholeObject)
    return Result;
  for (const FieldDecl *F : Ctx.containedPurposeFields(Arg->getType()))
    for (const std::string &Purpose : Ctx.Annotations.purposesOf(F))
      Result.add(Ctx.Labels.intern(Purpose, F),
                 Ctx.Steps.extend(0, Arg->getExprLoc(),
                                  StepKind::ContainedField, F));
  return Result;
}

void Transfer::assign(const Value &Target, TaintSet Taint, bool Strong,
                      SourceLocation Loc) {
  TaintSet Stepped = withStep(Taint, Loc, StepKind::Assign,
                              rootDecl(Target.Places), lastField(Target.Places));
  if (Strong && Target.ExactPlace && Target.Places.size() == 1) {
    S.assign(Target.Places.front(), std::move(Stepped));
    return;
  }
  for (const AccessPath &P : Target.Places)
    S.add(P, Stepped);
}

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

void Transfer::execute(const Stmt *St) {
  if (const auto *DS = dyn_cast<DeclStmt>(St)) {
    for (const Decl *D : DS->decls())
      if (const auto *V = dyn_cast<VarDecl>(D))
        declare(V);
    return;
  }
  if (const auto *R = dyn_cast<ReturnStmt>(St)) {
    if (const Expr *Result = R->getRetValue())
      eval(Result);
    return;
  }
  if (const auto *E = dyn_cast<Expr>(St))
    eval(E);
}

void Transfer::initializeMember(const CXXCtorInitializer *Init) {
  const FieldDecl *F = Init->getMember();
  if (!F || !Init->getInit())
    return;
  AccessPath P; // the object `this` points to
  bool Exact = P.extend(F);
  initialize(P, Exact, Init->getInit(), F);
}

void Transfer::declare(const VarDecl *V) {
  const Expr *Init = V->getInit();
  if (V->getType()->isReferenceType()) {
    if (!Init)
      return;
    Value Bound = eval(Init);
    if (!Bound.Places.empty())
      Aliases.add(V, Bound.Places);
    else // bound to a temporary, which the reference now owns
      S.assign(AccessPath{V, {}},
               withStep(Bound.Taint, V->getLocation(), StepKind::Assign, V));
    return;
  }
  AccessPath P{V, {}};
  if (!Init) {
    S.assign(P, TaintSet());
    return;
  }
  initialize(P, /*Exact=*/true, Init, V);
}

void Transfer::initialize(const AccessPath &P, bool Exact, const Expr *Init,
                          const NamedDecl *Var) {
  // Aggregate initialisation is field-sensitive: User u{phone, name} puts the
  // phone's labels at u.phone only.
  if (const auto *List = dyn_cast<InitListExpr>(Init->IgnoreImplicit())) {
    const auto *Record = List->getType()->getAsRecordDecl();
    if (Record && !List->isTransparent() && Exact) {
      S.assign(P, TaintSet());
      unsigned Index = 0;
      for (const FieldDecl *F : Record->fields()) {
        if (Index >= List->getNumInits())
          break;
        AccessPath Field = P;
        bool FieldExact = Field.extend(F);
        initialize(Field, FieldExact, List->getInit(Index++), Var);
      }
      return;
    }
  }
  Value V = eval(Init);
  Value Target;
  Target.Places.push_back(P);
  Target.ExactPlace = Exact;
  assign(Target, V.Taint, /*Strong=*/true, Var->getLocation());
  if (P.Fields.empty() && P.Root && P.Root->getType()->isPointerType())
    Aliases.add(P.Root, V.Pointees);
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

Value Transfer::eval(const Expr *E) {
  E = E->IgnoreParens();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return evalDeclRef(DRE->getDecl(), DRE->getLocation());
  if (const auto *M = dyn_cast<MemberExpr>(E))
    return evalMember(M);
  if (isa<CXXThisExpr>(E)) {
    Value V;
    V.Pointees.push_back(AccessPath{});
    V.ExactPointee = true;
    return V;
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E))
    return evalUnary(U);
  if (const auto *B = dyn_cast<BinaryOperator>(E))
    return evalBinary(B);
  if (const auto *C = dyn_cast<AbstractConditionalOperator>(E)) {
    eval(C->getCond());
    Value True = eval(C->getTrueExpr());
    Value False = eval(C->getFalseExpr());
    True.Taint.join(False.Taint);
    True.Places.append(False.Places.begin(), False.Places.end());
    True.Pointees.append(False.Pointees.begin(), False.Pointees.end());
    True.ExactPlace = True.ExactPointee = false;
    return True;
  }
  if (const auto *C = dyn_cast<CastExpr>(E))
    return evalCast(C);
  if (const auto *C = dyn_cast<CallExpr>(E))
    return evalCall(C);
  if (const auto *C = dyn_cast<CXXConstructExpr>(E))
    return evalConstruct(C);
  if (const auto *A = dyn_cast<ArraySubscriptExpr>(E)) {
    Value Base = eval(A->getBase());
    eval(A->getIdx());
    Value V;
    V.Places = Base.Pointees.empty() ? Base.Places : Base.Pointees;
    V.Taint = readPlaces(V.Places, A->getExprLoc());
    V.Taint.join(Base.Taint);
    return V;
  }
  if (const auto *D = dyn_cast<CXXDefaultArgExpr>(E))
    return eval(D->getExpr());
  if (const auto *D = dyn_cast<CXXDefaultInitExpr>(E))
    return eval(D->getExpr());
  if (const auto *O = dyn_cast<OpaqueValueExpr>(E))
    return O->getSourceExpr() ? eval(O->getSourceExpr()) : Value();
  if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
    return eval(M->getSubExpr());
  if (const auto *F = dyn_cast<FullExpr>(E))
    return eval(F->getSubExpr());
  if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
    return eval(B->getSubExpr());
  if (const auto *L = dyn_cast<CXXStdInitializerListExpr>(E))
    return eval(L->getSubExpr());
  if (const auto *N = dyn_cast<CXXNewExpr>(E)) {
    Value V;
    if (const Expr *Init = N->getInitializer())
      V.Taint = eval(Init).Taint;
    return V;
  }
  if (const auto *L = dyn_cast<InitListExpr>(E))
    return evalChildren(L->isSemanticForm() ? L : L->getSemanticForm());
  if (isa<UnaryExprOrTypeTraitExpr, CXXTypeidExpr, StmtExpr, LambdaExpr>(E)) {
    // sizeof/typeid see no values; statement expressions and lambda bodies are
    // separate CFGs. A lambda object carries what it captured.
    if (const auto *L = dyn_cast<LambdaExpr>(E)) {
      Value V;
      for (const Expr *Capture : L->capture_inits())
        if (Capture)
          V.Taint.join(eval(Capture).Taint);
      return V;
    }
    return Value();
  }
  return evalChildren(E);
}

Value Transfer::evalChildren(const Stmt *St) {
  Value V;
  for (const Stmt *Child : St->children())
    if (const auto *E = dyn_cast_or_null<Expr>(Child))
      V.Taint.join(eval(E).Taint);
  return V;
}

Value Transfer::evalDeclRef(const ValueDecl *D, SourceLocation Loc) {
  Value V;
  if (const auto *B = dyn_cast<BindingDecl>(D))
    return B->getBinding() ? eval(B->getBinding()) : V;
  if (!isa<VarDecl>(D))
    return V; // functions, enumerators: no data
  const PathList *Bound =
      D->getType()->isReferenceType() ? Aliases.find(D) : nullptr;
  if (Bound) {
    V.Places = *Bound;
    V.ExactPlace = Bound->size() == 1;
  } else {
    V.Places.push_back(AccessPath{D, {}});
    V.ExactPlace = true;
  }
  V.Taint = readPlaces(V.Places, Loc);
  addDeclaredLabels(D, Loc, V.Taint);
  return V;
}

Value Transfer::evalMember(const MemberExpr *M) {
  const ValueDecl *Member = M->getMemberDecl();
  if (isa<VarDecl>(Member)) { // static data member
    eval(M->getBase());
    return evalDeclRef(Member, M->getMemberLoc());
  }
  Value Base = eval(M->getBase());
  const auto *F = dyn_cast<FieldDecl>(Member);
  if (!F)
    return Value(); // a member function being called: see evalCall
  Value V;
  const PathList &Objects = M->isArrow() ? Base.Pointees : Base.Places;
  if (Objects.empty()) { // a member of a temporary
    V.Taint = Base.Taint;
    addDeclaredLabels(F, M->getBeginLoc(), V.Taint);
    return V;
  }
  V.ExactPlace = M->isArrow() ? Base.ExactPointee : Base.ExactPlace;
  for (AccessPath P : Objects) {
    V.ExactPlace &= P.extend(F);
    V.Places.push_back(std::move(P));
  }
  V.Taint = readPlaces(V.Places, M->getBeginLoc());
  return V;
}

Value Transfer::evalUnary(const UnaryOperator *U) {
  Value Sub = eval(U->getSubExpr());
  switch (U->getOpcode()) {
  case UO_AddrOf: {
    Value V;
    V.Taint = Sub.Taint;
    V.Pointees = Sub.Places;
    V.ExactPointee = Sub.ExactPlace;
    return V;
  }
  case UO_Deref: {
    Value V;
    // A pointer whose targets are unknown stands for them itself.
    V.Places = Sub.Pointees.empty() ? Sub.Places : Sub.Pointees;
    V.ExactPlace = !Sub.Pointees.empty() && Sub.ExactPointee;
    V.Taint = readPlaces(V.Places, U->getExprLoc());
    V.Taint.join(Sub.Taint);
    return V;
  }
  default:
    return Sub; // ++x and x++ keep the operand's storage; -x, !x its labels
  }
}

Value Transfer::evalBinary(const BinaryOperator *B) {
  if (B->getOpcode() == BO_Comma) {
    eval(B->getLHS());
    return eval(B->getRHS());
  }
  Value RHS = eval(B->getRHS());
  Value LHS = eval(B->getLHS());
  if (B->isAssignmentOp()) {
    bool Plain = B->getOpcode() == BO_Assign;
    assign(LHS, RHS.Taint, /*Strong=*/Plain, B->getLHS()->getBeginLoc());
    if (const auto *Root = rootDecl(LHS.Places);
        Root && LHS.Places.front().Fields.empty() &&
        Root->getType()->isPointerType())
      Aliases.add(Root, RHS.Pointees);
    if (Plain)
      LHS.Taint = RHS.Taint;
    else
      LHS.Taint.join(RHS.Taint);
    return LHS;
  }
  Value V;
  V.Taint = LHS.Taint;
  V.Taint.join(RHS.Taint);
  if (B->getType()->isPointerType()) // pointer arithmetic stays in its object
    V.Pointees = LHS.Pointees.empty() ? RHS.Pointees : LHS.Pointees;
  return V;
}

Value Transfer::evalCast(const CastExpr *C) {
  Value Sub = eval(C->getSubExpr());
  switch (C->getCastKind()) {
  case CK_LValueToRValue: {
    Value V;
    V.Taint = Sub.Taint;
    if (C->getType()->isPointerType()) {
      // Loading a pointer: its targets, if known, else the pointer itself.
      const auto *Root = rootDecl(Sub.Places);
      const PathList *Known =
          Root && Sub.Places.front().Fields.empty()
              ? Aliases.find(Root)
              : nullptr;
      V.Pointees = Known ? *Known : Sub.Places;
    }
    return V;
  }
  case CK_ArrayToPointerDecay: {
    Value V;
    V.Taint = Sub.Taint;
    V.Pointees = Sub.Places;
    V.ExactPointee = Sub.ExactPlace;
    return V;
  }
  default:
    return Sub; // derived-to-base, no-op, numeric and user-defined conversions
  }
}

//===----------------------------------------------------------------------===//
// Calls
//===----------------------------------------------------------------------===//

void Transfer::checkSink(const FunctionDecl *Callee,
                         llvm::ArrayRef<const Expr *> Args,
                         llvm::ArrayRef<TaintSet> Taints) {
  for (unsigned I = 0; I < Args.size(); ++I) {
    if (Taints[I].empty())
      continue;
    if (auto Kind = Ctx.Annotations.sinkKindOf(Callee, I))
      Ctx.recordSinkArgument(Callee, *Kind, I, Args[I], Taints[I]);
  }
}

/// The implicit object of a member call, if the callee has one.
static const Expr *implicitObject(const CallExpr *C, const FunctionDecl *F) {
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(C))
    return MC->getImplicitObjectArgument();
  if (isa<CXXOperatorCallExpr>(C))
    if (const auto *M = dyn_cast_or_null<CXXMethodDecl>(F);
        M && M->isImplicitObjectMemberFunction())
      return C->getArg(0);
  return nullptr;
}

Value Transfer::evalCall(const CallExpr *C) {
  const FunctionDecl *Callee = C->getDirectCallee();
  const Expr *ObjectExpr = implicitObject(C, Callee);
  if (!Callee && !isa<CXXMemberCallExpr>(C))
    eval(C->getCallee()); // a call through a pointer: evaluate for effects

  Value Object;
  PathList ObjectPlaces;
  TaintSet ObjectTaint;
  if (ObjectExpr) {
    Object = eval(ObjectExpr);
    bool ViaPointer = ObjectExpr->getType()->isPointerType();
    ObjectPlaces = ViaPointer ? Object.Pointees : Object.Places;
    ObjectTaint = Object.Taint;
    if (ViaPointer)
      ObjectTaint.join(readPlaces(ObjectPlaces, ObjectExpr->getExprLoc()));
  }

  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
  bool CopiesObject = Method && (Method->isCopyAssignmentOperator() ||
                                 Method->isMoveAssignmentOperator());
  llvm::SmallVector<const Expr *, 4> Args;
  for (unsigned I = ObjectExpr && isa<CXXOperatorCallExpr>(C) ? 1 : 0;
       I < C->getNumArgs(); ++I)
    Args.push_back(C->getArg(I));
  llvm::SmallVector<Value, 4> ArgValues;
  llvm::SmallVector<TaintSet, 4> ArgTaints;
  for (const Expr *Arg : Args) {
    ArgValues.push_back(eval(Arg));
    ArgTaints.push_back(argumentTaint(Arg, ArgValues.back(), !CopiesObject));
  }

  if (Callee)
    checkSink(Callee, Args, ArgTaints);
  if (Callee && Ctx.Annotations.isDeclassifier(Callee))
    return Value();

  const NamedDecl *Through = Callee;
  SourceLocation CallLoc = C->getExprLoc();

  // Assignment operators replace the object's contents.
  if (Method && Method->getOverloadedOperator() == OO_Equal && !Args.empty()) {
    Value Target;
    Target.Places = ObjectPlaces;
    Target.ExactPlace = Object.ExactPlace && ObjectPlaces.size() == 1;
    assign(Target, ArgTaints.front(), /*Strong=*/true, ObjectExpr->getBeginLoc());
    Target.Taint = ArgTaints.front();
    return Target;
  }

  // An opaque callee: every input may reach the result and every output.
  TaintSet Inputs = ObjectTaint;
  for (const TaintSet &T : ArgTaints)
    Inputs.join(T);

  for (unsigned I = 0; I < Args.size(); ++I) {
    if (!Callee || I >= Callee->getNumParams() ||
        !isOutputParameter(Callee->getParamDecl(I)->getType()))
      continue;
    TaintSet Others = ObjectTaint;
    for (unsigned J = 0; J < Args.size(); ++J)
      if (J != I)
        Others.join(ArgTaints[J]);
    const Value &Out = ArgValues[I];
    bool ByPointer = Callee->getParamDecl(I)->getType()->isPointerType();
    const PathList &Written = ByPointer ? Out.Pointees : Out.Places;
    TaintSet Stepped = withStep(Others, CallLoc, StepKind::CallOutput, Through,
                                rootDecl(Written));
    for (const AccessPath &P : Written)
      S.add(P, Stepped);
  }
  if (Method && !Method->isConst() && !isa<CXXDestructorDecl>(Method)) {
    TaintSet ArgsOnly;
    for (const TaintSet &T : ArgTaints)
      ArgsOnly.join(T);
    TaintSet Stepped = withStep(ArgsOnly, CallLoc, StepKind::CallOutput,
                                Through, rootDecl(ObjectPlaces));
    for (const AccessPath &P : ObjectPlaces)
      S.add(P, Stepped);
  }

  Value Result;
  Result.Taint = withStep(Inputs, CallLoc, StepKind::CallResult, Through);
  if (Callee)
    for (const std::string &Purpose : Ctx.Annotations.returnPurposesOf(Callee))
      Result.Taint.add(Ctx.Labels.intern(Purpose, Callee),
                       Ctx.Steps.extend(0, CallLoc, StepKind::ReturnSource,
                                        Callee));

  // Results that refer back into an argument: s.append(x) is s, v[i] is in v,
  // std::move(x) is x, `os << x` is os.
  if (C->isGLValue()) {
    if (ObjectExpr) {
      Result.Places = ObjectPlaces;
    } else if (Callee) {
      QualType Returned =
          C->getType().getNonReferenceType().getUnqualifiedType();
      for (unsigned I = 0; I < Args.size() && I < Callee->getNumParams(); ++I) {
        QualType Param = Callee->getParamDecl(I)->getType();
        if (Param->isReferenceType() &&
            Ctx.AST.hasSameUnqualifiedType(Param.getNonReferenceType(),
                                           Returned))
          Result.Places.append(ArgValues[I].Places.begin(),
                               ArgValues[I].Places.end());
      }
    }
  } else if (C->getType()->isPointerType() && ObjectExpr) {
    Result.Pointees = ObjectPlaces; // s.c_str(), s.data(), p.get()
  }
  return Result;
}

Value Transfer::evalConstruct(const CXXConstructExpr *C) {
  const CXXConstructorDecl *Ctor = C->getConstructor();
  llvm::SmallVector<const Expr *, 4> Args(C->arguments());
  llvm::SmallVector<TaintSet, 4> ArgTaints;
  for (const Expr *Arg : Args)
    ArgTaints.push_back(
        argumentTaint(Arg, eval(Arg), !Ctor->isCopyOrMoveConstructor()));
  checkSink(Ctor, Args, ArgTaints);
  Value V;
  if (Ctx.Annotations.isDeclassifier(Ctor))
    return V;
  // A constructed object holds what it was built from; the variable it
  // initializes records the step, so the constructor adds none.
  for (const TaintSet &T : ArgTaints)
    V.Taint.join(T);
  return V;
}

} // namespace pii
