//===- Transfer.cpp -------------------------------------------------------===//
//
// Statements, declarations and expressions other than calls.
//
//===----------------------------------------------------------------------===//

#include "core/analysis/Transfer.h"
#include "core/analysis/CallTransfer.h"
#include "core/analysis/FlowSteps.h"
#include "core/analysis/MemberModels.h"
#include "core/analysis/TransferHelpers.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"

using namespace clang;

namespace pii {

static bool isArrayPlace(const AccessPath &P) {
  QualType T = !P.Fields.empty() ? P.Fields.back()->getType()
               : P.Root          ? P.Root->getType()
                                 : QualType();
  return !T.isNull() && T->isArrayType();
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
    Input.join(
        declaredLabels(Param, Param->getLocation(), StepKind::DeclaredSource));
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
    FieldPath Path = Ctx.fieldPath(At.Fields);
    if (!At.Root) {
      Out = Port::paramOut(ObjectArg, std::move(Path));
    } else if (const auto *Param = dyn_cast<ParmVarDecl>(At.Root)) {
      QualType Type = Param->getType();
      bool Shared = Type->isReferenceType() || Type->isPointerType();
      if (!Shared || Param->getDeclContext() != F)
        return;
      Out = Port::paramOut(Param->getFunctionScopeIndex(), std::move(Path));
    } else if (isGlobal(At.Root)) {
      Out = Port::global(Ctx.usrOf(At.Root), std::move(Path));
    } else {
      return; // a local: gone with the call
    }
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

/// \p E without what does not change its value: implicit nodes, parentheses,
/// and the no-op cast of `Contact{...}`.
static const Expr *bare(const Expr *E) {
  for (;;) {
    const Expr *Inner = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(Inner);
        Cast && Cast->getCastKind() == CK_NoOp)
      Inner = Cast->getSubExpr();
    if (Inner == E)
      return E;
    E = Inner;
  }
}

/// The object an implicit copy or move constructor copies, if \p Init is
/// one.
static const Expr *copiedObject(const Expr *Init) {
  const auto *Construct = dyn_cast<CXXConstructExpr>(bare(Init));
  if (!Construct || Construct->getNumArgs() < 1)
    return nullptr;
  // A user-written copy constructor does what its body says.
  const CXXConstructorDecl *Ctor = Construct->getConstructor();
  if (!Ctor->isCopyOrMoveConstructor() || Ctor->isUserProvided())
    return nullptr;
  return Construct->getArg(0);
}

Parts Transfer::valueParts(const Expr *E, unsigned Depth) {
  // Parts deeper than a path holds are the value of the part that holds
  // them, which also bounds the recursion over nested braces.
  bool PartsFit = Depth < AccessPath::MaxFields;
  if (const auto *List = dyn_cast<InitListExpr>(bare(E)); List && PartsFit) {
    const auto *Record = List->getType()->getAsRecordDecl();
    if (Record && !List->isTransparent()) {
      Parts Result;
      unsigned Index = 0;
      for (const FieldDecl *F : Record->fields()) {
        if (Index >= List->getNumInits())
          break;
        appendPrefixed(Result, F,
                       valueParts(List->getInit(Index++), Depth + 1));
      }
      return Result;
    }
  }
  if (auto Members = membersBuilt(E, Ctx.Annotations); Members && PartsFit) {
    Parts Result;
    for (const BuiltMember &M : *Members)
      appendPrefixed(Result, M.Field, valueParts(M.From, Depth + 1));
    return Result;
  }
  if (const Expr *Copied = copiedObject(E))
    E = Copied;
  return argumentParts(E, eval(E), /*WholeObject=*/false);
}

/// How many levels eval may descend into an expression before it meets a
/// value evaluated ahead (see Transfer::EvaluatedAhead).
static constexpr unsigned MaxNesting = 256;

/// Expressions whose operands are not evaluated with them: a lambda's body
/// and a statement expression are CFGs of their own, and the operand of
/// sizeof, typeid or noexcept is never evaluated.
static bool evaluatedApart(const Stmt *St) {
  return isa<LambdaExpr, StmtExpr, UnaryExprOrTypeTraitExpr, CXXTypeidExpr,
             CXXNoexceptExpr>(St);
}

void Transfer::evaluateAhead(const Stmt *Root) {
  // The tree in pre-order, each node with its parent's position: a walk
  // with a stack of its own, since the tree may be as deep as it is large.
  std::vector<std::pair<const Stmt *, size_t>> Nodes;
  std::vector<std::pair<const Stmt *, size_t>> Stack{{Root, 0}};
  llvm::SmallVector<const Stmt *, 4> Children;
  while (!Stack.empty()) {
    auto [St, Parent] = Stack.back();
    Stack.pop_back();
    size_t Index = Nodes.size();
    Nodes.push_back({St, Parent});
    if (evaluatedApart(St))
      continue;
    Children.assign(St->child_begin(), St->child_end());
    for (const Stmt *Child : llvm::reverse(Children))
      if (Child)
        Stack.push_back({Child, Index});
  }
  if (Nodes.size() <= MaxNesting)
    return; // too small to be too deep
  // Heights, children (which follow their parents in pre-order) first.
  std::vector<unsigned> Height(Nodes.size());
  for (size_t I = Nodes.size() - 1; I > 0; --I) {
    unsigned &Parent = Height[Nodes[I].second];
    Parent = std::max(Parent, Height[I] + 1);
  }
  std::vector<size_t> Ahead;
  for (size_t I = 1; I < Nodes.size(); ++I)
    if (Height[I] >= MaxNesting && Height[I] % MaxNesting == 0 &&
        isa<Expr>(Nodes[I].first))
      Ahead.push_back(I);
  llvm::stable_sort(Ahead,
                    [&](size_t A, size_t B) { return Height[A] < Height[B]; });
  for (size_t I : Ahead) {
    const auto *E = cast<Expr>(Nodes[I].first);
    Value V = eval(E);
    EvaluatedAhead.try_emplace(E, std::move(V));
  }
}

template <typename Fn> void Transfer::evaluating(const Stmt *Root, Fn Body) {
  if (InStatement) {
    Body();
    return;
  }
  InStatement = true;
  evaluateAhead(Root);
  Body();
  EvaluatedAhead.clear();
  InStatement = false;
}

void Transfer::execute(const Stmt *St) {
  evaluating(St, [&] { executeStatement(St); });
}

void Transfer::executeStatement(const Stmt *St) {
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
    Parts P = valueParts(Result);
    for (auto &[Path, T] : P)
      T = withStep(T, R->getBeginLoc(), StepKind::Returned, Summary.function());
    reachParts(P, Port::returned());
    return;
  }
  if (const auto *E = dyn_cast<Expr>(St)) {
    eval(E);
    return;
  }
  if (isa<AsmStmt>(St))
    Ctx.approximate(ApproximationKind::InlineAsm, St->getBeginLoc());
}

void Transfer::enterCatch(const VarDecl *Exception) {
  S.assign(AccessPath{Exception, {}},
           withStep(S.thrown(), Exception->getLocation(), StepKind::Assign,
                    Exception));
}

void Transfer::initializeMember(const CXXCtorInitializer *Init) {
  if (!Init->getInit())
    return;
  AccessPath P; // the object `this` points to
  // A base's constructor builds the base's part of the object, which holds
  // the base's fields as the object's own; a constructor delegated to
  // builds all of it. Either may be given values: `String(const String &o)
  // : ObjectWrapper(o) {}` copies o's pointer into the object.
  if (Init->isBaseInitializer() || Init->isDelegatingInitializer()) {
    evaluating(Init->getInit(), [&] {
      initialize(P, /*Exact=*/false, Init->getInit(),
                 Init->getSourceLocation());
    });
    return;
  }
  const FieldDecl *F = Init->getMember();
  if (!F)
    return;
  bool Exact = P.extend(F);
  evaluating(Init->getInit(),
             [&] { initialize(P, Exact, Init->getInit(), F->getLocation()); });
}

void Transfer::declare(const VarDecl *V) {
  if (const Expr *Init = V->getInit())
    evaluating(Init, [&] { declareVariable(V); });
  else
    declareVariable(V);
}

void Transfer::declareVariable(const VarDecl *V) {
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
    initialize(P, /*Exact=*/true, Init, V->getLocation());
  } else {
    S.assign(P, TaintSet());
  }
  if (V->hasLocalStorage())
    S.add(P, declaredLabels(V, V->getLocation(), StepKind::DeclaredSource));
}

void Transfer::initialize(const AccessPath &P, bool Exact, const Expr *Init,
                          SourceLocation Loc) {
  Value Target;
  Target.Places.push_back(P);
  Target.ExactPlace = Exact;
  const Expr *Bare = bare(Init);
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
        initialize(Field, FieldExact, List->getInit(Index++), Loc);
      }
      return;
    }
  }
  if (const auto *Lambda = dyn_cast<LambdaExpr>(Bare); Lambda && Exact) {
    initializeClosure(P, Lambda);
    return;
  }
  if (initializeMembers(P, Exact, Init, Loc))
    return;
  // So is a copy: `Contact b = a;` copies a.name to b.name, nothing more.
  if (const Expr *Copied = copiedObject(Init))
    if (copyObject(Target, eval(Copied), Loc, Copied->getBeginLoc()))
      return;
  Value V = eval(Init);
  assign(Target, V.Taint, /*Strong=*/true, Loc);
  bindTargets(Target, V);
}

bool Transfer::initializeMembers(const AccessPath &P, bool Exact,
                                 const Expr *Init, SourceLocation Loc) {
  auto Members = membersBuilt(Init, Ctx.Annotations);
  if (!Members)
    return false;
  if (Exact)
    S.assign(P, TaintSet());
  for (const BuiltMember &M : *Members) {
    AccessPath Member = P;
    bool MemberExact = Exact && Member.extend(M.Field);
    initialize(Member, MemberExact, M.From, Loc);
  }
  return true;
}

void Transfer::initializeClosure(const AccessPath &P, const LambdaExpr *L) {
  S.assign(P, TaintSet());
  llvm::DenseMap<const ValueDecl *, FieldDecl *> Fields;
  FieldDecl *ThisField = nullptr;
  L->getLambdaClass()->getCaptureFields(Fields, ThisField);
  auto Init = L->capture_init_begin();
  for (const LambdaCapture &Capture : L->captures()) {
    const Expr *Value = *Init++;
    const FieldDecl *Field =
        Capture.capturesThis() ? ThisField
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
      initialize(Member, Exact, Value, Field->getLocation());
    }
  }
}

//===----------------------------------------------------------------------===//
// Expressions
//===----------------------------------------------------------------------===//

Value Transfer::eval(const Expr *E) {
  if (!EvaluatedAhead.empty()) {
    auto Ahead = EvaluatedAhead.find(E);
    if (Ahead == EvaluatedAhead.end())
      Ahead = EvaluatedAhead.find(E->IgnoreParens());
    if (Ahead != EvaluatedAhead.end())
      return Ahead->second;
  }
  return evalUncached(E);
}

Value Transfer::evalUncached(const Expr *E) {
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
    return CallTransfer(*this).evalCall(C);
  if (const auto *C = dyn_cast<CXXConstructExpr>(E))
    return CallTransfer(*this).evalConstruct(C);
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
    // A closure temporary lives at its call operator: an allocation site
    // unique to this lambda expression, which also names it as a function
    // to a std::function or a callee taking it. To an opaque callee it
    // hands what it captured.
    AccessPath Closure{L->getCallOperator(), {}};
    initializeClosure(Closure, L);
    Value V;
    V.Places.push_back(Closure);
    V.Pointees.push_back(Closure);
    V.Taint = readPlaces(V.Places, L->getBeginLoc());
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
    return Value(); // a member function being called: see
                    // CallTransfer::evalCall
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

/// A pointer to what \p Object denotes: `&x`, an array or a function decaying.
static Value addressOf(const Value &Object) {
  Value V;
  V.Taint = Object.Taint;
  V.Pointees = Object.Places;
  V.ExactPointee = Object.ExactPlace;
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
  case UO_AddrOf:
    return addressOf(Sub);
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
  PathList Objects =
      B->getOpcode() == BO_PtrMemI ? Object.Pointees : Object.Places;
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

bool Transfer::hasSource(const TaintSet &T) const {
  return llvm::any_of(T, [&](const TaintSet::Entry &E) {
    return Ctx.Labels.get(E.first).Kind == LabelKind::Source;
  });
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
  case CK_FunctionToPointerDecay:
    return addressOf(Sub);
  case CK_BitCast:
    // Reinterpreting one object's bytes as another type keeps the labels on
    // the bytes, but field paths no longer mean anything.
    if (isa<CXXReinterpretCastExpr, CStyleCastExpr>(C) &&
        (hasSource(Sub.Taint) ||
         !Ctx.containedPurposeFields(C->getSubExpr()->getType()).empty()))
      Ctx.approximate(ApproximationKind::RawCast, C->getBeginLoc());
    return Sub;
  default:
    return Sub; // derived-to-base, no-op, numeric and user-defined conversions
  }
}

} // namespace pii
