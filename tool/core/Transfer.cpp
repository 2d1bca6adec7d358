//===- Transfer.cpp -------------------------------------------------------===//

#include "core/Transfer.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace pii {

static const ValueDecl *rootDecl(const PathList &Places) {
  return Places.size() == 1 ? Places.front().Root : nullptr;
}

static const NamedDecl *lastField(const PathList &Places) {
  return Places.size() == 1 && !Places.front().Fields.empty()
             ? Places.front().Fields.back()
             : nullptr;
}

static bool isArrayPlace(const AccessPath &P) {
  QualType T = !P.Fields.empty() ? P.Fields.back()->getType()
               : P.Root           ? P.Root->getType()
                                  : QualType();
  return !T.isNull() && T->isArrayType();
}

/// Iterators, smart pointers and inserters: class values that refer to
/// storage elsewhere, recognised by their operator* or operator->.
static bool isIteratorLike(QualType T) {
  const auto *Record = T->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition())
    return false;
  auto Dereferences = [](const CXXRecordDecl *R) {
    return llvm::any_of(R->methods(), [](const CXXMethodDecl *M) {
      return M->getOverloadedOperator() == OO_Star ||
             M->getOverloadedOperator() == OO_Arrow;
    });
  };
  return Dereferences(Record->getDefinition()) ||
         !Record->getDefinition()->forallBases(
             [&](const CXXRecordDecl *Base) { return !Dereferences(Base); });
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

/// Locals and parameters carry their declared purposes in the store.
static bool hasLocalStorage(const ValueDecl *D) {
  const auto *V = dyn_cast<VarDecl>(D);
  return V && V->hasLocalStorage();
}

TaintSet Transfer::declaredLabels(const ValueDecl *D, SourceLocation Loc,
                                  StepKind Kind) {
  TaintSet Labels;
  for (const std::string &Purpose : Ctx.Annotations.purposesOf(D))
    Labels.add(Ctx.Labels.intern(Purpose, D),
               Ctx.Steps.extend(0, Loc, Kind, D));
  return Labels;
}

TaintSet Transfer::readPlaces(const PathList &Places, SourceLocation Loc) {
  TaintSet Result;
  for (const AccessPath &P : Places) {
    Result.join(S.read(P));
    if (P.Root && !hasLocalStorage(P.Root))
      Result.join(declaredLabels(P.Root, Loc, StepKind::ReadSource));
    for (const FieldDecl *F : P.Fields)
      Result.join(declaredLabels(F, Loc, StepKind::ReadSource));
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

void Transfer::bindTargets(const Value &Target, const Value &Source) {
  if (Target.ExactPlace && Target.Places.size() == 1) {
    // Re-pointing forgets the old target, even when the new one is unknown.
    S.setTargets(Target.Places.front(), Source.Pointees);
    return;
  }
  for (const AccessPath &P : Target.Places)
    S.addTargets(P, Source.Pointees);
}

bool Transfer::copyObject(const Value &Target, const Value &Source,
                          SourceLocation Loc) {
  if (Target.Places.size() != 1 || Source.Places.size() != 1)
    return false;
  const AccessPath &To = Target.Places.front();
  const AccessPath &From = Source.Places.front();
  if (Target.ExactPlace)
    S.assign(To, TaintSet());
  auto Step = [&](const TaintSet &T) {
    return withStep(T, Loc, StepKind::Assign, To.Root, lastField(Target.Places));
  };
  S.copyObject(From, To, Step);
  // Purposes declared on the source's root (a global) or on the fields that
  // lead to it hold for the whole copy; those of fields inside it are
  // declared on the copy's fields too, and come back when they are read.
  TaintSet Declared;
  if (From.Root && !hasLocalStorage(From.Root))
    Declared.join(declaredLabels(From.Root, Loc, StepKind::ReadSource));
  for (const FieldDecl *F : From.Fields)
    Declared.join(declaredLabels(F, Loc, StepKind::ReadSource));
  S.add(To, Step(Declared));
  return true;
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

void Transfer::enterFunction(const FunctionDecl *F) {
  for (const ParmVarDecl *Param : F->parameters())
    S.add(AccessPath{Param, {}},
          declaredLabels(Param, Param->getLocation(), StepKind::DeclaredSource));
}

void Transfer::enterCatch(const VarDecl *Exception) {
  S.assign(AccessPath{Exception, {}},
           withStep(S.thrown(), Exception->getLocation(), StepKind::Assign,
                    Exception));
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
  AccessPath P{V, {}};
  if (V->getType()->isReferenceType()) {
    if (!Init)
      return;
    Value Bound = eval(Init);
    if (!Bound.Places.empty())
      S.setTargets(P, Bound.Places);
    else // bound to a temporary, which the reference now owns
      S.assign(P, withStep(Bound.Taint, V->getLocation(), StepKind::Assign, V));
  } else if (Init) {
    initialize(P, /*Exact=*/true, Init, V);
  } else {
    S.assign(P, TaintSet());
  }
  if (V->hasLocalStorage())
    S.add(P, declaredLabels(V, V->getLocation(), StepKind::DeclaredSource));
}

/// The object a copy or move constructor copies, if \p Init is one.
static const Expr *copiedObject(const Expr *Init) {
  const auto *Construct = dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit());
  if (Construct && Construct->getConstructor()->isCopyOrMoveConstructor() &&
      Construct->getNumArgs() >= 1)
    return Construct->getArg(0);
  return nullptr;
}

void Transfer::initialize(const AccessPath &P, bool Exact, const Expr *Init,
                          const NamedDecl *Var) {
  Value Target;
  Target.Places.push_back(P);
  Target.ExactPlace = Exact;
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
  // So is a copy: `Contact b = a;` copies a.name to b.name, nothing more.
  if (const Expr *Copied = copiedObject(Init))
    if (copyObject(Target, eval(Copied), Var->getLocation()))
      return;
  Value V = eval(Init);
  assign(Target, V.Taint, /*Strong=*/true, Var->getLocation());
  bindTargets(Target, V);
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
  if (const auto *Throw = dyn_cast<CXXThrowExpr>(E)) {
    if (const Expr *Thrown = Throw->getSubExpr())
      S.addThrown(eval(Thrown).Taint);
    return Value();
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
  AccessPath Self{D, {}};
  const PathList *Bound =
      D->getType()->isReferenceType() ? S.targetsOf(Self) : nullptr;
  if (Bound) {
    V.Places = *Bound;
    V.ExactPlace = Bound->size() == 1;
  } else {
    V.Places.push_back(Self);
    V.ExactPlace = true;
  }
  V.Taint = readPlaces(V.Places, Loc);
  if (Bound && !hasLocalStorage(D))
    V.Taint.join(declaredLabels(D, Loc, StepKind::ReadSource));
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
    V.Taint.join(declaredLabels(F, M->getBeginLoc(), StepKind::ReadSource));
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

/// `&User::phone` as a value: the path it selects, relative to an object.
static std::optional<AccessPath> memberPointerLiteral(const UnaryOperator *U) {
  if (U->getOpcode() != UO_AddrOf || !U->getType()->isMemberPointerType())
    return std::nullopt;
  const auto *Named = dyn_cast<DeclRefExpr>(U->getSubExpr()->IgnoreParens());
  const auto *F = Named ? dyn_cast<FieldDecl>(Named->getDecl()) : nullptr;
  if (!F)
    return std::nullopt;
  AccessPath Relative;
  Relative.extend(F);
  return Relative;
}

Value Transfer::evalUnary(const UnaryOperator *U) {
  if (auto Relative = memberPointerLiteral(U)) {
    Value V;
    V.Pointees.push_back(std::move(*Relative));
    V.ExactPointee = true;
    return V;
  }
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
    // Writing one element of an array leaves the others as they were.
    V.ExactPlace = !Sub.Pointees.empty() && Sub.ExactPointee &&
                   !isArrayPlace(V.Places.front());
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
  if (B->isPtrMemOp())
    return evalMemberPointer(B);
  Value RHS = eval(B->getRHS());
  Value LHS = eval(B->getLHS());
  if (B->isAssignmentOp()) {
    bool Plain = B->getOpcode() == BO_Assign;
    assign(LHS, RHS.Taint, /*Strong=*/Plain, B->getLHS()->getBeginLoc());
    if (Plain)
      bindTargets(LHS, RHS);
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

Value Transfer::evalMemberPointer(const BinaryOperator *B) {
  Value Object = eval(B->getLHS());
  // A member pointer's value is the field path it selects, relative to the
  // object (see memberPointerLiteral), when known.
  Value Member = eval(B->getRHS());
  PathList Objects = B->getOpcode() == BO_PtrMemI ? Object.Pointees
                                                  : Object.Places;
  Value V;
  if (!Member.Pointees.empty()) {
    for (const AccessPath &Base : Objects)
      for (const AccessPath &Relative : Member.Pointees) {
        AccessPath P = Base;
        for (const FieldDecl *F : Relative.Fields)
          P.extend(F);
        V.Places.push_back(std::move(P));
      }
    V.Taint = readPlaces(V.Places, B->getExprLoc());
    for (const AccessPath &Relative : Member.Pointees)
      for (const FieldDecl *F : Relative.Fields)
        V.Taint.join(declaredLabels(F, B->getExprLoc(), StepKind::ReadSource));
    return V;
  }
  // Unknown: it may select any field, so the read carries them all.
  V.Taint = readPlaces(Objects, B->getExprLoc());
  V.Taint.join(Object.Taint);
  QualType Class = QualType(
      B->getRHS()->getType()->castAs<MemberPointerType>()->getClass(), 0);
  for (const FieldDecl *F : Ctx.containedPurposeFields(Class))
    V.Taint.join(declaredLabels(F, B->getExprLoc(), StepKind::ReadSource));
  return V;
}

Value Transfer::evalCast(const CastExpr *C) {
  Value Sub = eval(C->getSubExpr());
  switch (C->getCastKind()) {
  case CK_LValueToRValue: {
    Value V;
    V.Taint = Sub.Taint;
    // Loading a pointer: its targets, if known, else the pointer itself.
    const PathList *Known =
        Sub.Places.size() == 1 ? S.targetsOf(Sub.Places.front()) : nullptr;
    if (Known) {
      V.Pointees = *Known;
      V.ExactPointee = Known->size() == 1;
    } else if (C->getType()->isPointerType()) {
      V.Pointees = Sub.Places;
      V.ExactPointee = Sub.ExactPlace;
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

  // Assignment operators replace the object's contents; copies field-wise.
  if (Method && Method->getOverloadedOperator() == OO_Equal && !Args.empty()) {
    Value Target;
    Target.Places = ObjectPlaces;
    Target.ExactPlace = Object.ExactPlace && ObjectPlaces.size() == 1;
    if (!CopiesObject ||
        !copyObject(Target, ArgValues.front(), ObjectExpr->getBeginLoc()))
      assign(Target, ArgTaints.front(), /*Strong=*/true,
             ObjectExpr->getBeginLoc());
    bindTargets(Target, ArgValues.front());
    Target.Taint = ArgTaints.front();
    return Target;
  }

  // An opaque callee: every input may reach the result and every output.
  TaintSet Inputs = ObjectTaint;
  for (const TaintSet &T : ArgTaints)
    Inputs.join(T);

  // Outputs: what non-const references and pointers refer to, and what an
  // iterator passed by value refers to (std::back_inserter(out)).
  for (unsigned I = 0; I < Args.size(); ++I) {
    bool ByReference = false, ByPointer = false;
    if (Callee && I < Callee->getNumParams()) {
      QualType Param = Callee->getParamDecl(I)->getType();
      ByReference = Param->isLValueReferenceType() && isOutputParameter(Param);
      ByPointer = Param->isPointerType() && isOutputParameter(Param);
    }
    bool ByIterator = !ByReference && !ByPointer &&
                      isIteratorLike(Args[I]->getType()) &&
                      !ArgValues[I].Pointees.empty();
    if (!ByReference && !ByPointer && !ByIterator)
      continue;
    TaintSet Others = ObjectTaint;
    for (unsigned J = 0; J < Args.size(); ++J)
      if (J != I)
        Others.join(ArgTaints[J]);
    const PathList &Written =
        ByReference ? ArgValues[I].Places : ArgValues[I].Pointees;
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

  // What the result refers to. A member's reference or pointer result refers
  // into its object (s.append(x), v[i], s.c_str()), or into what the object
  // refers to (*it, it->x). A free function's refers into its reference
  // arguments (std::move(x), `os << x`, std::back_inserter(out)).
  PathList Into;
  if (ObjectExpr) {
    Into = ObjectPlaces;
    if (ObjectPlaces.size() == 1)
      if (const PathList *Targets = S.targetsOf(ObjectPlaces.front()))
        Into.append(Targets->begin(), Targets->end());
  } else if (Callee) {
    for (unsigned I = 0; I < Args.size() && I < Callee->getNumParams(); ++I)
      if (Callee->getParamDecl(I)->getType()->isReferenceType())
        Into.append(ArgValues[I].Places.begin(), ArgValues[I].Places.end());
  }
  if (C->isGLValue()) {
    Result.Places = std::move(Into);
    Result.Taint.join(readPlaces(Result.Places, CallLoc));
  } else if (C->getType()->isPointerType() || isIteratorLike(C->getType())) {
    Result.Pointees = std::move(Into);
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
