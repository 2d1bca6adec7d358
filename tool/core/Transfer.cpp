//===- Transfer.cpp -------------------------------------------------------===//

#include "core/Transfer.h"
#include "core/StepText.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

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

static bool isGlobal(const ValueDecl *D) {
  const auto *V = dyn_cast_or_null<VarDecl>(D);
  return V && !V->hasLocalStorage();
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

/// A body pii-flow may see somewhere in the program; system headers (the
/// standard library) are modelled as opaque instead.
static bool isUserFunction(const FunctionDecl *F, const SourceManager &SM) {
  return F && !F->isImplicit() && !SM.isInSystemHeader(F->getLocation());
}

/// The suffix of \p Longer below its prefix \p Prefix.
static llvm::ArrayRef<const FieldDecl *> suffix(const AccessPath &Longer,
                                                const AccessPath &Prefix) {
  return llvm::ArrayRef(Longer.Fields).drop_front(Prefix.Fields.size());
}

/// The compiler's own variables (a range-for's __range1 and __begin1): steps
/// through them say nothing the loop variable's step does not.
static bool isImplicitVariable(const NamedDecl *D) {
  return D && isa<VarDecl>(D) && D->isImplicit();
}

static bool isOnImplicitVariable(const Expr *Object) {
  const auto *Ref =
      Object ? dyn_cast<DeclRefExpr>(Object->IgnoreParenImpCasts()) : nullptr;
  return Ref && isImplicitVariable(Ref->getDecl());
}

TaintSet Transfer::withStep(const TaintSet &T, SourceLocation Loc, StepKind K,
                            const NamedDecl *Subject, const NamedDecl *Detail) {
  if (isImplicitVariable(Subject) || isImplicitVariable(Detail))
    return T;
  return T.through([&](StepId Parent) {
    return Ctx.Steps.extend(Parent, Loc, K, Subject, Detail);
  });
}

//===----------------------------------------------------------------------===//
// Reading storage
//===----------------------------------------------------------------------===//

TaintSet Transfer::declaredLabels(const ValueDecl *D, SourceLocation Loc,
                                  StepKind Kind) {
  TaintSet Labels;
  for (const std::string &Purpose : Ctx.Annotations.purposesOf(D))
    Labels.add(Ctx.Labels.source(Purpose, D),
               Ctx.Steps.extend(0, Loc, Kind, D));
  return Labels;
}

TaintSet Transfer::globalLabels(const AccessPath &P, SourceLocation Loc) {
  TaintSet Labels = declaredLabels(P.Root, Loc, StepKind::ReadSource);
  LabelId Global = Ctx.Labels.refine(
      Ctx.Labels.input(LabelKind::Global, 0, 0, P.Root), P.Fields);
  Labels.add(Global, Ctx.Steps.extend(0, Loc, StepKind::ReadGlobal, P.Root));
  return Labels;
}

Parts Transfer::readParts(const PathList &Places, SourceLocation Loc,
                          bool FollowTargets) {
  Parts Result;
  auto Whole = [&]() -> TaintSet & {
    if (Result.empty() || !Result.front().first.empty())
      Result.insert(Result.begin(), {{}, TaintSet()});
    return Result.front().second;
  };
  for (const AccessPath &P : Places) {
    S.forEachOverlapping(P, [&](const AccessPath &At, const TaintSet &T) {
      if (At.Fields.size() <= P.Fields.size()) {
        // The whole object, or an enclosing one: what was stored there is
        // this part of it, and a symbolic input names the deeper path.
        for (const auto &[Label, Step] : T)
          Whole().add(Ctx.Labels.refine(Label, suffix(P, At)), Step);
        return;
      }
      auto Below = suffix(At, P);
      Result.push_back({{Below.begin(), Below.end()}, T});
    });
    if (isGlobal(P.Root))
      Whole().join(globalLabels(P, Loc));
    for (const FieldDecl *F : P.Fields)
      Whole().join(declaredLabels(F, Loc, StepKind::ReadSource));
    if (!FollowTargets)
      continue;
    // A by-reference capture: the closure's field refers to the variable,
    // whose value now is what the lambda will see.
    S.forEachTargetBelow(P, [&](const AccessPath &At, const PathList &Targets) {
      if (At == P)
        return;
      auto Below = suffix(At, P);
      for (auto &[Path, T] : readParts(Targets, Loc, /*FollowTargets=*/false)) {
        llvm::SmallVector<const FieldDecl *, 2> Full(Below.begin(), Below.end());
        Full.append(Path.begin(), Path.end());
        Result.push_back({std::move(Full), std::move(T)});
      }
    });
  }
  return Result;
}

TaintSet Transfer::readPlaces(const PathList &Places, SourceLocation Loc) {
  TaintSet Result;
  for (const auto &[Path, T] : readParts(Places, Loc))
    Result.join(T);
  return Result;
}

Parts Transfer::argumentParts(const Expr *Arg, const Value &V,
                              bool WholeObject) {
  Parts Result = readParts(V.Places, Arg->getBeginLoc());
  for (auto &Part : readParts(V.Pointees, Arg->getBeginLoc()))
    Result.push_back(std::move(Part));
  if (V.Places.empty())
    Result.push_back({{}, V.Taint});
  if (!WholeObject)
    return Result;
  for (const ContainedField &C : Ctx.containedPurposeFields(Arg->getType()))
    for (const std::string &Purpose : Ctx.Annotations.purposesOf(C.Field)) {
      TaintSet T;
      T.add(Ctx.Labels.source(Purpose, C.Field),
            Ctx.Steps.extend(0, Arg->getExprLoc(), StepKind::ContainedField,
                             C.Field));
      Result.push_back({C.Path, std::move(T)});
    }
  return Result;
}

TaintSet Transfer::forDestination(const TaintSet &T, QualType Dest) {
  const std::vector<ContainedField> &Held = Ctx.containedPurposeFields(Dest);
  if (Held.empty())
    return T;
  TaintSet Kept;
  for (const auto &[Id, Step] : T) {
    const Label &L = Ctx.Labels.get(Id);
    bool Rederived = L.Kind == LabelKind::Source &&
                     llvm::any_of(Held, [&](const ContainedField &C) {
                       return C.Field == L.Origin;
                     });
    if (!Rederived)
      Kept.add(Id, Step);
  }
  return Kept;
}

void Transfer::reachParts(const Parts &P, const Port &To) {
  for (const auto &[Path, T] : P) {
    Port Part = To;
    FieldPath Below = Ctx.fieldPath(Path);
    Part.Path.insert(Part.Path.end(), Below.begin(), Below.end());
    if (Part.Path.size() > AccessPath::MaxFields)
      Part.Path.resize(AccessPath::MaxFields);
    Summary.reach(T, Part);
  }
}

//===----------------------------------------------------------------------===//
// Writing storage
//===----------------------------------------------------------------------===//

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
  // A symbolic input stored at an enclosing object names the copied part.
  S.forEachOverlapping(From, [&](const AccessPath &At, const TaintSet &T) {
    if (At.Fields.size() < From.Fields.size()) {
      TaintSet Refined;
      for (const auto &[Label, StepId] : T)
        Refined.add(Ctx.Labels.refine(Label, suffix(From, At)), StepId);
      S.add(To, Step(Refined));
    }
  });
  // Purposes declared on the fields leading to the source, or on a global
  // source, hold for the whole copy; those of fields inside it are declared
  // on the copy's fields too, and come back when they are read.
  TaintSet Declared;
  if (isGlobal(From.Root))
    Declared.join(globalLabels(From, Loc));
  for (const FieldDecl *F : From.Fields)
    Declared.join(declaredLabels(F, Loc, StepKind::ReadSource));
  S.add(To, Step(Declared));
  return true;
}

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

void Transfer::enterFunction() {
  const FunctionDecl *F = Summary.function();
  for (unsigned I = 0; I < F->getNumParams(); ++I) {
    const ParmVarDecl *Param = F->getParamDecl(I);
    TaintSet Input;
    Input.add(Ctx.Labels.input(LabelKind::Param, I), 0);
    Input.join(declaredLabels(Param, Param->getLocation(),
                              StepKind::DeclaredSource));
    S.add(AccessPath{Param, {}}, Input);
  }
  if (const auto *M = dyn_cast<CXXMethodDecl>(F); M && M->isInstance()) {
    TaintSet Object;
    Object.add(Ctx.Labels.input(LabelKind::Param, ObjectArg), 0);
    S.add(AccessPath{}, Object);
  }
}

void Transfer::leaveFunction() {
  const FunctionDecl *F = Summary.function();
  S.forEachFact([&](const AccessPath &At, const TaintSet &T) {
    Port Out;
    if (!At.Root) {
      Out.Kind = PortKind::ParamOut;
      Out.Index = ObjectArg;
    } else if (const auto *Param = dyn_cast<ParmVarDecl>(At.Root)) {
      QualType Type = Param->getType();
      bool Shared = Type->isReferenceType() || Type->isPointerType();
      if (!Shared || Param->getDeclContext() != F)
        return;
      Out.Kind = PortKind::ParamOut;
      Out.Index = Param->getFunctionScopeIndex();
    } else if (isGlobal(At.Root)) {
      Out.Kind = PortKind::Global;
      Out.Name = Ctx.usrOf(At.Root);
    } else {
      return; // a local: gone with the call
    }
    Out.Path = Ctx.fieldPath(At.Fields);
    // A parameter's own declared purpose says what the caller passes in, not
    // something the callee writes back.
    TaintSet Written;
    for (const auto &[Label, Step] : T)
      if (Ctx.Labels.get(Label).Origin != At.Root ||
          Ctx.Labels.get(Label).Kind != LabelKind::Source)
        Written.add(Label, Step);
    Summary.reach(Written, Out);
  });
}

void Transfer::execute(const Stmt *St) {
  if (const auto *DS = dyn_cast<DeclStmt>(St)) {
    for (const Decl *D : DS->decls())
      if (const auto *V = dyn_cast<VarDecl>(D))
        declare(V);
    return;
  }
  if (const auto *R = dyn_cast<ReturnStmt>(St)) {
    const Expr *Result = R->getRetValue();
    if (!Result)
      return;
    // `return u;` copies u: report it part by part.
    const auto *Copy = dyn_cast<CXXConstructExpr>(Result->IgnoreImplicit());
    if (Copy && Copy->getConstructor()->isCopyOrMoveConstructor() &&
        Copy->getNumArgs() >= 1)
      Result = Copy->getArg(0);
    Value V = eval(Result);
    Parts P = argumentParts(Result, V, /*WholeObject=*/false);
    for (auto &[Path, T] : P)
      T = withStep(T, R->getBeginLoc(), StepKind::Returned,
                   Summary.function());
    Port Out;
    Out.Kind = PortKind::Return;
    reachParts(P, Out);
    return;
  }
  if (const auto *E = dyn_cast<Expr>(St))
    eval(E);
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
  const Expr *Bare = Init->IgnoreImplicit();
  // Aggregate initialisation is field-sensitive: User u{phone, name} puts the
  // phone's labels at u.phone only.
  if (const auto *List = dyn_cast<InitListExpr>(Bare)) {
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
  if (const auto *Lambda = dyn_cast<LambdaExpr>(Bare); Lambda && Exact) {
    initializeClosure(P, Lambda);
    return;
  }
  // So is a copy: `Contact b = a;` copies a.name to b.name, nothing more.
  if (const Expr *Copied = copiedObject(Init))
    if (copyObject(Target, eval(Copied), Var->getLocation()))
      return;
  Value V = eval(Init);
  assign(Target, V.Taint, /*Strong=*/true, Var->getLocation());
  bindTargets(Target, V);
}

void Transfer::initializeClosure(const AccessPath &P, const LambdaExpr *L) {
  S.assign(P, TaintSet());
  llvm::DenseMap<const ValueDecl *, FieldDecl *> Fields;
  FieldDecl *ThisField = nullptr;
  L->getLambdaClass()->getCaptureFields(Fields, ThisField);
  auto Init = L->capture_init_begin();
  for (const LambdaCapture &Capture : L->captures()) {
    const Expr *Value = *Init++;
    const FieldDecl *Field = Capture.capturesThis()
                                 ? ThisField
                                 : (Capture.capturesVariable()
                                        ? Fields.lookup(Capture.getCapturedVar())
                                        : nullptr);
    if (!Field || !Value)
      continue;
    AccessPath Member = P;
    bool Exact = Member.extend(Field);
    if (Capture.getCaptureKind() == LCK_ByRef) {
      ::pii::Value Bound = eval(Value);
      S.setTargets(Member, Bound.Places);
    } else if (Capture.capturesThis()) {
      ::pii::Value Object = eval(Value);
      S.setTargets(Member, Object.Pointees);
    } else {
      initialize(Member, Exact, Value, Field);
    }
  }
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

Value Transfer::eval(const Expr *E) {
  E = E->IgnoreParens();
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return evalDeclRef(DRE);
  if (const auto *M = dyn_cast<MemberExpr>(E))
    return evalMember(M);
  if (isa<CXXThisExpr>(E)) {
    Value V;
    AccessPath Object; // `this`, or in a lambda the object it captured
    if (const FieldDecl *Captured = Summary.captureField(nullptr))
      Object.extend(Captured);
    V.Pointees.push_back(Object);
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
  if (const auto *L = dyn_cast<LambdaExpr>(E)) {
    // A closure used as a temporary carries what it captured by value.
    Value V;
    for (const Expr *Capture : L->capture_inits())
      if (Capture)
        V.Taint.join(eval(Capture).Taint);
    return V;
  }
  if (isa<UnaryExprOrTypeTraitExpr, CXXTypeidExpr, StmtExpr>(E))
    return Value(); // sizeof/typeid see no values; a statement expression
                    // is its own CFG
  return evalChildren(E);
}

Value Transfer::evalChildren(const Stmt *St) {
  Value V;
  for (const Stmt *Child : St->children())
    if (const auto *E = dyn_cast_or_null<Expr>(Child))
      V.Taint.join(eval(E).Taint);
  return V;
}

Value Transfer::evalDeclRef(const DeclRefExpr *Ref) {
  const ValueDecl *D = Ref->getDecl();
  if (const auto *F = dyn_cast<FunctionDecl>(D)) {
    // A function as a value: what a function pointer will refer to.
    Value V;
    V.Places.push_back(AccessPath{F, {}});
    V.ExactPlace = true;
    return V;
  }
  if (Ref->refersToEnclosingVariableOrCapture())
    if (const FieldDecl *Captured = Summary.captureField(D)) {
      // Inside a lambda: the closure's copy of, or reference to, D.
      Value V;
      AccessPath Field;
      Field.extend(Captured);
      V.Places.push_back(Field);
      V.ExactPlace = true;
      V.Taint = readPlaces(V.Places, Ref->getLocation());
      return V;
    }
  return evalVariable(D, Ref->getLocation());
}

Value Transfer::evalVariable(const ValueDecl *D, SourceLocation Loc) {
  Value V;
  if (const auto *B = dyn_cast<BindingDecl>(D))
    return B->getBinding() ? eval(B->getBinding()) : V;
  if (!isa<VarDecl>(D))
    return V; // enumerators, template parameters: no data
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
  if (Bound && isGlobal(D))
    V.Taint.join(declaredLabels(D, Loc, StepKind::ReadSource));
  return V;
}

Value Transfer::evalMember(const MemberExpr *M) {
  const ValueDecl *Member = M->getMemberDecl();
  if (isa<VarDecl>(Member)) { // static data member
    eval(M->getBase());
    return evalVariable(Member, M->getMemberLoc());
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
    if (Plain) {
      bindTargets(LHS, RHS);
      LHS.Taint = RHS.Taint;
    } else {
      LHS.Taint.join(RHS.Taint);
    }
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
  for (const ContainedField &C : Ctx.containedPurposeFields(Class))
    V.Taint.join(
        declaredLabels(C.Field, B->getExprLoc(), StepKind::ReadSource));
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
  case CK_ArrayToPointerDecay:
  case CK_FunctionToPointerDecay: {
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

/// A call through a pointer to a method is resolved by its static type;
/// a qualified call (Base::f()) is not virtual.
static bool isVirtualCall(const CallExpr *C, const FunctionDecl *Callee) {
  const auto *M = dyn_cast_or_null<CXXMethodDecl>(Callee);
  if (!M || !M->isVirtual())
    return false;
  if (const auto *Member =
          dyn_cast<MemberExpr>(C->getCallee()->IgnoreParenImpCasts()))
    return !Member->hasQualifier();
  return true;
}

Value Transfer::evalCall(const CallExpr *C) {
  const SourceManager &SM = Ctx.AST.getSourceManager();
  const FunctionDecl *Callee = C->getDirectCallee();
  const Expr *ObjectExpr = implicitObject(C, Callee);

  // Who may be called: the static callee, or what a function pointer refers
  // to.
  llvm::SmallVector<const FunctionDecl *, 1> Targets;
  if (Callee) {
    Targets.push_back(Callee);
  } else if (!isa<CXXMemberCallExpr>(C)) {
    for (const AccessPath &P : eval(C->getCallee()).Pointees)
      if (const auto *F = dyn_cast_or_null<FunctionDecl>(P.Root);
          F && P.Fields.empty())
        Targets.push_back(F);
  }

  Value Object;
  PathList ObjectPlaces;
  if (ObjectExpr) {
    Object = eval(ObjectExpr);
    ObjectPlaces = ObjectExpr->getType()->isPointerType() ? Object.Pointees
                                                          : Object.Places;
  }
  TaintSet ObjectTaint = Object.Taint;
  if (ObjectExpr && ObjectExpr->getType()->isPointerType())
    ObjectTaint.join(readPlaces(ObjectPlaces, ObjectExpr->getExprLoc()));

  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
  bool CopiesObject = Method && (Method->isCopyAssignmentOperator() ||
                                 Method->isMoveAssignmentOperator());
  llvm::SmallVector<const Expr *, 4> Args;
  for (unsigned I = ObjectExpr && isa<CXXOperatorCallExpr>(C) ? 1 : 0;
       I < C->getNumArgs(); ++I)
    Args.push_back(C->getArg(I));
  llvm::SmallVector<Value, 4> ArgValues;
  llvm::SmallVector<Parts, 4> ArgParts;
  llvm::SmallVector<TaintSet, 4> ArgTaints;
  for (const Expr *Arg : Args) {
    ArgValues.push_back(eval(Arg));
    ArgParts.push_back(argumentParts(Arg, ArgValues.back(), !CopiesObject));
    TaintSet All;
    for (const auto &[Path, T] : ArgParts.back())
      All.join(T);
    ArgTaints.push_back(std::move(All));
  }

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

  llvm::SmallVector<std::optional<std::string>, 4> SinkKinds;
  for (unsigned I = 0; I < Args.size(); ++I) {
    SinkKinds.emplace_back();
    for (const FunctionDecl *T : Targets)
      if (auto Kind = Ctx.Annotations.sinkKindOf(T, I))
        SinkKinds.back() = Kind;
  }
  bool Summarized = llvm::any_of(
      Targets, [&](const FunctionDecl *T) { return isUserFunction(T, SM); });
  bool AnySink = llvm::any_of(SinkKinds, [](const auto &K) { return K; });
  bool Declassifies =
      Callee && Ctx.Annotations.isDeclassifier(Callee);

  // Which arguments an opaque callee writes: non-const references and
  // pointers, and iterators passed by value (std::back_inserter(out)).
  llvm::SmallVector<PathList, 4> Written(Args.size());
  for (unsigned I = 0; I < Args.size(); ++I) {
    QualType Param = Callee && I < Callee->getNumParams()
                         ? Callee->getParamDecl(I)->getType()
                         : QualType();
    if (!Param.isNull() && Param->isLValueReferenceType() &&
        isOutputParameter(Param))
      Written[I] = ArgValues[I].Places;
    else if ((!Param.isNull() && Param->isPointerType() &&
              isOutputParameter(Param)) ||
             isIteratorLike(Args[I]->getType()))
      Written[I] = ArgValues[I].Pointees;
  }
  bool MutatesObject =
      Method && !Method->isConst() && !isa<CXXDestructorDecl>(Method);

  int Site = -1;
  if (Summarized || AnySink) {
    Site = Summary.callSite(C, [&](CallSite &Call) {
      for (const FunctionDecl *T : Targets)
        Call.Callees.push_back(Ctx.usrOf(T));
      Call.CalleeName = Targets.empty() ? std::string("<unknown>")
                                        : displayName(Targets.front());
      Call.Virtual = isVirtualCall(C, Callee);
      Call.Where = spotOf(SM, C->getExprLoc());
      for (unsigned I = 0; I < Args.size(); ++I) {
        Call.ArgSpots.push_back(spotOf(SM, Args[I]->getBeginLoc()));
        Call.OutputArgs.push_back(!Written[I].empty());
      }
      Call.SinkKinds.assign(SinkKinds.begin(), SinkKinds.end());
      Call.HasObject = ObjectExpr != nullptr;
      Call.MutatesObject = MutatesObject;
      Call.Declassifies = Declassifies;
    });
    for (unsigned I = 0; I < Args.size(); ++I) {
      Port Arg;
      Arg.Kind = PortKind::CallArg;
      Arg.Index = Site;
      Arg.Arg = I;
      reachParts(ArgParts[I], Arg);
    }
    if (ObjectExpr) {
      Port Arg;
      Arg.Kind = PortKind::CallArg;
      Arg.Index = Site;
      Arg.Arg = ObjectArg;
      reachParts(argumentParts(ObjectExpr, Value{ObjectTaint, ObjectPlaces, {},
                                                false, false},
                               /*WholeObject=*/false),
                 Arg);
    }
  }
  if (Declassifies)
    return Value();

  SourceLocation CallLoc = C->getExprLoc();
  // Calls the compiler wrote on its own variables (`*__begin1`) get no step,
  // like the variables themselves.
  bool Silent = isOnImplicitVariable(ObjectExpr);
  auto Stepped = [&](const TaintSet &T, StepKind K, const NamedDecl *Detail) {
    return Silent ? T : withStep(T, CallLoc, K, Callee, Detail);
  };
  Value Result;
  if (Summarized) {
    // What the callee returns and writes is resolved by the link step.
    Result.Taint.add(Ctx.Labels.input(LabelKind::CallResult, Site), 0);
    for (unsigned I = 0; I < Args.size(); ++I) {
      TaintSet Out;
      Out.add(Ctx.Labels.input(LabelKind::CallOut, Site, I), 0);
      for (const AccessPath &P : Written[I])
        S.add(P, Out);
    }
    if (MutatesObject) {
      TaintSet Out;
      Out.add(Ctx.Labels.input(LabelKind::CallOut, Site, ObjectArg), 0);
      for (const AccessPath &P : ObjectPlaces)
        S.add(P, Out);
    }
  } else {
    // An opaque callee: every input may reach the result and every output.
    TaintSet Inputs = ObjectTaint;
    for (const TaintSet &T : ArgTaints)
      Inputs.join(T);
    for (unsigned I = 0; I < Args.size(); ++I) {
      if (Written[I].empty())
        continue;
      TaintSet Others = ObjectTaint;
      for (unsigned J = 0; J < Args.size(); ++J)
        if (J != I)
          Others.join(ArgTaints[J]);
      TaintSet Out = Stepped(forDestination(Others, Args[I]->getType()),
                             StepKind::CallOutput, rootDecl(Written[I]));
      for (const AccessPath &P : Written[I])
        S.add(P, Out);
    }
    if (MutatesObject) {
      TaintSet ArgsOnly;
      for (const TaintSet &T : ArgTaints)
        ArgsOnly.join(T);
      QualType ObjectType = ObjectExpr->getType();
      if (ObjectType->isPointerType())
        ObjectType = ObjectType->getPointeeType();
      TaintSet Out = Stepped(forDestination(ArgsOnly, ObjectType),
                             StepKind::CallOutput, rootDecl(ObjectPlaces));
      for (const AccessPath &P : ObjectPlaces)
        S.add(P, Out);
    }
    Result.Taint = Stepped(forDestination(Inputs, C->getType()),
                           StepKind::CallResult, nullptr);
  }
  if (Callee)
    for (const std::string &Purpose : Ctx.Annotations.returnPurposesOf(Callee))
      Result.Taint.add(Ctx.Labels.source(Purpose, Callee),
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
      if (const PathList *Refers = S.targetsOf(ObjectPlaces.front()))
        Into.append(Refers->begin(), Refers->end());
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
  const SourceManager &SM = Ctx.AST.getSourceManager();
  const CXXConstructorDecl *Ctor = C->getConstructor();
  llvm::SmallVector<const Expr *, 4> Args(C->arguments());
  llvm::SmallVector<Parts, 4> ArgParts;
  TaintSet Inputs;
  for (const Expr *Arg : Args) {
    ArgParts.push_back(argumentParts(Arg, eval(Arg),
                                     !Ctor->isCopyOrMoveConstructor()));
    for (const auto &[Path, T] : ArgParts.back())
      Inputs.join(T);
  }
  llvm::SmallVector<std::optional<std::string>, 4> SinkKinds;
  for (unsigned I = 0; I < Args.size(); ++I)
    SinkKinds.push_back(Ctx.Annotations.sinkKindOf(Ctor, I));
  bool Summarized = isUserFunction(Ctor, SM) && !Ctor->isTrivial();
  bool AnySink = llvm::any_of(SinkKinds, [](const auto &K) { return K; });
  bool Declassifies = Ctx.Annotations.isDeclassifier(Ctor);

  Value V;
  if (Summarized || AnySink) {
    int Site = Summary.callSite(C, [&](CallSite &Call) {
      Call.Callees.push_back(Ctx.usrOf(Ctor));
      Call.CalleeName = displayName(Ctor);
      Call.Where = spotOf(SM, C->getBeginLoc());
      for (const Expr *Arg : Args) {
        Call.ArgSpots.push_back(spotOf(SM, Arg->getBeginLoc()));
        Call.OutputArgs.push_back(false);
      }
      Call.SinkKinds.assign(SinkKinds.begin(), SinkKinds.end());
      // The object under construction receives what an opaque constructor
      // is given.
      Call.HasObject = true;
      Call.MutatesObject = true;
      Call.Declassifies = Declassifies;
    });
    for (unsigned I = 0; I < Args.size(); ++I) {
      Port Arg;
      Arg.Kind = PortKind::CallArg;
      Arg.Index = Site;
      Arg.Arg = I;
      reachParts(ArgParts[I], Arg);
    }
    if (Summarized && !Declassifies) {
      V.Taint.add(Ctx.Labels.input(LabelKind::CallOut, Site, ObjectArg), 0);
      return V;
    }
  }
  if (Declassifies)
    return V;
  // A constructed object holds what it was built from; the variable it
  // initializes records the step, so the constructor adds none.
  V.Taint = forDestination(Inputs, C->getType());
  return V;
}

} // namespace pii
