//===- CallTransfer.cpp ---------------------------------------------------===//

#include "core/analysis/CallTransfer.h"
#include "core/analysis/FlowSteps.h"
#include "core/analysis/MemberModels.h"
#include "core/analysis/ReturnedReference.h"
#include "core/analysis/TransferHelpers.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

#include <functional>

using namespace clang;

namespace pii {

/// Iterators, smart pointers and inserters: class values that refer to
/// storage elsewhere, recognised by their operator* or operator->.
void CallTransfer::placeArgument(CallArgument &Out, const Expr *Arg,
                                 SourceLocation Call) {
  const SourceManager &SM = Ctx.AST.getSourceManager();
  // A default argument is written at the declaration; the call is where it
  // is passed.
  SourceRange Written = isa<CXXDefaultArgExpr>(Arg) ? SourceRange(Call, Call)
                                                    : Arg->getSourceRange();
  Out.Where = spotOf(SM, Written.getBegin());
  Out.End =
      spotOf(SM, Lexer::getLocForEndOfToken(SM.getFileLoc(Written.getEnd()), 0,
                                            SM, Ctx.AST.getLangOpts()));
}

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

/// An iterator that can be written through: its operator* gives a non-const
/// reference (or the inserter itself). A const_iterator is input only.
static bool isWritableIterator(QualType T) {
  const auto *Record = T->getAsCXXRecordDecl();
  if (!isIteratorLike(T) || !Record->hasDefinition())
    return false;
  bool Writable = false;
  auto Check = [&](const CXXRecordDecl *R) {
    for (const CXXMethodDecl *M : R->methods())
      if (M->getOverloadedOperator() == OO_Star) {
        QualType Result = M->getReturnType();
        Writable |= !Result->isReferenceType() ||
                    !Result->getPointeeType().isConstQualified();
      }
    return true;
  };
  Check(Record->getDefinition());
  Record->getDefinition()->forallBases(Check);
  return Writable;
}

static bool isOutputParameter(QualType T) {
  if (T->isLValueReferenceType() || T->isPointerType())
    return !T->getPointeeType().isConstQualified() &&
           !T->getPointeeType()->isFunctionType();
  return false;
}

/// The parameter of \p F's template pattern that its parameter \p I was
/// instantiated from: a pack stands for as many parameters as it expanded
/// to.
static const ParmVarDecl *patternParameter(const FunctionDecl *F, unsigned I) {
  const FunctionDecl *Pattern = F->getTemplateInstantiationPattern();
  if (!Pattern || Pattern->getNumParams() == 0)
    return nullptr;
  unsigned PackWidth = F->getNumParams() + 1 - Pattern->getNumParams();
  for (unsigned J = 0, First = 0; J < Pattern->getNumParams(); ++J) {
    const ParmVarDecl *P = Pattern->getParamDecl(J);
    First += P->isParameterPack() ? PackWidth : 1;
    if (I < First)
      return P;
  }
  return nullptr;
}

/// Whether \p F's parameter \p I is a forwarding reference (`Args&&` of
/// F's own template): the standard library forwards what it is given there
/// (emplace, make_shared, thread), it does not write into it, although an
/// lvalue argument makes the instantiated parameter a non-const reference.
static bool isForwardingReference(const FunctionDecl *F, unsigned I) {
  const ParmVarDecl *P = patternParameter(F, I);
  const auto *Pattern =
      P ? dyn_cast<FunctionDecl>(P->getDeclContext()) : nullptr;
  const FunctionTemplateDecl *Template =
      Pattern ? Pattern->getDescribedFunctionTemplate() : nullptr;
  if (!Template)
    return false;
  QualType T = P->getType();
  if (const auto *Pack = T->getAs<PackExpansionType>())
    T = Pack->getPattern();
  const auto *Ref = T->getAs<RValueReferenceType>();
  if (!Ref || Ref->getPointeeType().hasQualifiers())
    return false;
  const auto *Parameter = Ref->getPointeeType()->getAs<TemplateTypeParmType>();
  return Parameter &&
         Parameter->getDepth() == Template->getTemplateParameters()->getDepth();
}

/// A body pii-flow may see somewhere in the program; system headers (the
/// standard library) are modelled as opaque instead.
static bool isUserFunction(const FunctionDecl *F, const SourceManager &SM) {
  return F && !F->isImplicit() && !SM.isInSystemHeader(F->getLocation());
}

static bool isOnImplicitVariable(const Expr *Object) {
  const auto *Ref =
      Object ? dyn_cast<DeclRefExpr>(Object->IgnoreParenImpCasts()) : nullptr;
  return Ref && isImplicitVariable(Ref->getDecl());
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

/// The function a callable place runs: a function; a lambda's closure at
/// its allocation site (rooted at its call operator); or a variable or field
/// holding a closure, whose captures are there.
static const FunctionDecl *functionAt(const AccessPath &P) {
  if (P.Fields.empty())
    if (const auto *F = dyn_cast_or_null<FunctionDecl>(P.Root))
      return F;
  QualType T = !P.Fields.empty() ? P.Fields.back()->getType()
               : P.Root          ? P.Root->getType()
                                 : QualType();
  const auto *Record = T.isNull() ? nullptr : T->getAsCXXRecordDecl();
  return Record && Record->isLambda() ? Record->getLambdaCallOperator()
                                      : nullptr;
}

/// The functions a call to \p F may run: F, or for a generic lambda's call
/// operator (a template), each of its specializations.
static llvm::SmallVector<const FunctionDecl *, 1>
instancesOf(const FunctionDecl *F) {
  if (const FunctionTemplateDecl *Generic = F->getDescribedFunctionTemplate()) {
    llvm::SmallVector<const FunctionDecl *, 1> Instances(
        Generic->specializations());
    return Instances;
  }
  return {F};
}

/// A lambda's closure object, at its allocation site or in a variable.
static bool isClosure(const AccessPath &P) {
  const auto *Call = dyn_cast_or_null<CXXMethodDecl>(functionAt(P));
  return Call && Call->getParent()->isLambda();
}

/// std::function and its kind: a library class that is called.
static bool isCallableWrapper(QualType T, const SourceManager &SM) {
  const auto *Record = T->getAsCXXRecordDecl();
  return Record && Record->hasDefinition() &&
         SM.isInSystemHeader(Record->getLocation()) &&
         llvm::any_of(Record->getDefinition()->methods(),
                      [](const CXXMethodDecl *M) {
                        return M->getOverloadedOperator() == OO_Call;
                      });
}

PathList CallTransfer::functionsOf(const Value &V) {
  PathList Functions;
  auto Add = [&](const AccessPath &P) {
    if (functionAt(P) && llvm::find(Functions, P) == Functions.end())
      Functions.push_back(P);
  };
  for (const AccessPath &P : V.Pointees)
    Add(P);
  for (const AccessPath &P : V.Places) {
    Add(P);
    if (const PathList *Refers = S.targetsOf(P)) // a std::function variable
      for (const AccessPath &T : *Refers)
        Add(T);
  }
  return Functions;
}

void CallTransfer::reachArguments(int Site, llvm::ArrayRef<Parts> ArgParts) {
  for (unsigned I = 0; I < ArgParts.size(); ++I)
    Exprs.reachParts(ArgParts[I], Port::callArg(Site, I));
}

void CallTransfer::writeThroughCaptures(const PathList &Closures, int Site) {
  for (const AccessPath &Closure : Closures)
    S.forEachTargetBelow(
        Closure, [&](const AccessPath &Field, const PathList &Referents) {
          if (Field == Closure)
            return;
          TaintSet Written;
          Written.add(Ctx.Labels.refine(
                          Ctx.Labels.input(LabelKind::CallOut, Site, ObjectArg),
                          suffix(Field, Closure)),
                      0);
          for (const AccessPath &Referent : Referents)
            S.add(Referent, Written);
        });
}

PathList CallTransfer::placesOf(const Referent &R, const PathList &ObjectPlaces,
                                llvm::ArrayRef<const Expr *> Args,
                                llvm::ArrayRef<Value> ArgValues) {
  PathList Bases;
  switch (R.Kind) {
  case Referent::Object:
    Bases = ObjectPlaces;
    break;
  case Referent::Parameter:
    if (R.Param < Args.size())
      Bases = Args[R.Param]->getType()->isPointerType()
                  ? ArgValues[R.Param].Pointees
                  : ArgValues[R.Param].Places;
    break;
  case Referent::Static:
    Bases.push_back(AccessPath{R.Variable, {}});
    break;
  }
  for (AccessPath &P : Bases)
    for (const FieldDecl *F : R.Path)
      P.extend(F);
  return Bases;
}

FunctionRef CallTransfer::functionRef(const FunctionDecl *F) {
  return {Ctx.usrOf(F), displayName(F), Ctx.parameterSinkKinds(F)};
}

int CallTransfer::parameterOf(const Value &V) const {
  const PathList &Places = V.Places.empty() ? V.Pointees : V.Places;
  if (Places.size() != 1 || !Places.front().Fields.empty())
    return -1;
  const auto *Param = dyn_cast_or_null<ParmVarDecl>(Places.front().Root);
  if (!Param || Param->getDeclContext() != Summary.function())
    return -1;
  return Param->getFunctionScopeIndex();
}

Value CallTransfer::evalCall(const CallExpr *C) {
  const SourceManager &SM = Ctx.AST.getSourceManager();
  // std::get<I> of a pair is its member, like p.first.
  if (auto Read = memberRead(C, Ctx.Annotations)) {
    Value Object = Exprs.eval(Read->Object);
    Value V;
    V.ExactPlace = Object.ExactPlace;
    for (AccessPath P : Object.Places) {
      V.ExactPlace &= P.extend(Read->Field);
      V.Places.push_back(std::move(P));
    }
    V.Taint = V.Places.empty() ? Object.Taint
                               : Exprs.readPlaces(V.Places, C->getExprLoc());
    return V;
  }
  const FunctionDecl *Callee = C->getDirectCallee();
  const Expr *ObjectExpr = implicitObject(C, Callee);
  // A virtual call on an object whose class is exact (a local or member
  // object, not one behind a reference or pointer), or to a final
  // override, runs one override: Clang's code generation calls it
  // directly, and so does the link.
  bool Virtual = isVirtualCall(C, Callee);
  if (Virtual)
    if (const CXXMethodDecl *Exact =
            cast<CXXMethodDecl>(Callee)->getDevirtualizedMethod(
                ObjectExpr, /*IsAppleKext=*/false)) {
      Callee = Exact;
      Virtual = false;
    }

  Value Object;
  PathList ObjectPlaces;
  if (ObjectExpr) {
    Object = Exprs.eval(ObjectExpr);
    ObjectPlaces = ObjectExpr->getType()->isPointerType() ? Object.Pointees
                                                          : Object.Places;
  }

  // Who may be called: the static callee; or what a function pointer, or a
  // std::function being called, refers to; or, when that came from the
  // caller, whatever the callers pass (resolved by the link step).
  llvm::SmallVector<const FunctionDecl *, 1> Targets;
  int CalleeParam = -1;
  bool Indirect =
      !Callee || (ObjectExpr && isCallableWrapper(ObjectExpr->getType(), SM));
  if (Indirect) {
    Value Function = ObjectExpr ? Object : Exprs.eval(C->getCallee());
    PathList Closures = functionsOf(Function);
    for (const AccessPath &P : Closures)
      Targets.append(instancesOf(functionAt(P)));
    if (Targets.empty())
      CalleeParam = parameterOf(Function);
    if (Targets.empty() && CalleeParam < 0)
      Ctx.approximate(ApproximationKind::IndirectCall, C->getExprLoc());
    // A lambda called through a std::function sees its own captures.
    if (ObjectExpr && !Targets.empty()) {
      ObjectPlaces.clear();
      for (const AccessPath &P : Closures)
        if (isClosure(P))
          ObjectPlaces.push_back(P);
    }
  } else {
    Targets.push_back(Callee);
  }
  TaintSet ObjectTaint = Object.Taint;
  if (ObjectExpr && ObjectExpr->getType()->isPointerType())
    ObjectTaint.join(Exprs.readPlaces(ObjectPlaces, ObjectExpr->getExprLoc()));

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
    ArgValues.push_back(Exprs.eval(Arg));
    ArgParts.push_back(
        Exprs.argumentParts(Arg, ArgValues.back(), !CopiesObject));
    TaintSet All;
    for (const auto &[Path, T] : ArgParts.back())
      All.join(T);
    ArgTaints.push_back(std::move(All));
  }

  // How the call is analyzed (core/policy/Propagation.h): summarized, the
  // link following the callee's body; or modelled, by the policy's
  // propagation for the callee or else by the opaque-call rule.
  static const Propagation OpaqueCall;
  const Propagation *Model =
      Callee ? Ctx.Annotations.propagationOf(Callee) : nullptr;
  bool Summarized =
      !Model &&
      (CalleeParam >= 0 || llvm::any_of(Targets, [&](const FunctionDecl *T) {
         return isUserFunction(T, SM);
       }));
  if (!Model)
    Model = &OpaqueCall;

  // Library and implicit assignment operators replace the object's contents
  // (field-wise for a copy); a user-written one does what its body says.
  if (!Summarized && Method && Method->getOverloadedOperator() == OO_Equal &&
      !Args.empty()) {
    Value Target;
    Target.Places = ObjectPlaces;
    Target.ExactPlace = Object.ExactPlace && ObjectPlaces.size() == 1;
    if (ObjectPlaces.size() == 1 &&
        Exprs.initializeMembers(ObjectPlaces.front(), Target.ExactPlace,
                                Args.front(), ObjectExpr->getBeginLoc())) {
      Target.Taint = ArgTaints.front();
      return Target;
    }
    if (!CopiesObject ||
        !Exprs.copyObject(Target, ArgValues.front(), ObjectExpr->getBeginLoc(),
                          Args.front()->getBeginLoc()))
      Exprs.assign(Target, ArgTaints.front(), /*Strong=*/true,
                   ObjectExpr->getBeginLoc());
    Exprs.bindTargets(Target, ArgValues.front());
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
  bool AnySink = llvm::any_of(SinkKinds, [](const auto &K) { return K; });
  bool Declassifies = Callee && Ctx.Annotations.isDeclassifier(Callee);

  // Which arguments an opaque callee writes: non-const references and
  // pointers, and iterators passed by value (std::back_inserter(out)).
  llvm::SmallVector<PathList, 4> Written(Args.size());
  for (unsigned I = 0; I < Args.size(); ++I) {
    QualType Param = Callee && I < Callee->getNumParams()
                         ? Callee->getParamDecl(I)->getType()
                         : QualType();
    if (!Param.isNull() && Param->isLValueReferenceType() &&
        isOutputParameter(Param) &&
        (isUserFunction(Callee, SM) || !isForwardingReference(Callee, I)))
      Written[I] = ArgValues[I].Places;
    else if ((!Param.isNull() && Param->isPointerType() &&
              isOutputParameter(Param)) ||
             isWritableIterator(Args[I]->getType()))
      Written[I] = ArgValues[I].Pointees;
  }
  // A static member function has no object to change.
  bool MutatesObject = ObjectExpr && Method && !Method->isConst() &&
                       !isa<CXXDestructorDecl>(Method);

  int Site = -1;
  if (Summarized || AnySink) {
    Site = Summary.callSite(C, [&](CallSite &Call) {
      for (const FunctionDecl *T : Targets)
        Call.Callees.push_back(Ctx.usrOf(T));
      Call.CalleeName =
          !Targets.empty() ? displayName(Targets.front())
          : CalleeParam >= 0
              ? displayName(Summary.function()->getParamDecl(CalleeParam))
              : std::string("<unknown>");
      Call.Virtual = Virtual;
      Call.Where = spotOf(SM, C->getExprLoc());
      for (unsigned I = 0; I < Args.size(); ++I) {
        CallArgument &Arg = Call.Args.emplace_back();
        placeArgument(Arg, Args[I], C->getExprLoc());
        Arg.SinkKind = SinkKinds[I];
        Arg.Output = !Written[I].empty();
        for (const AccessPath &P : functionsOf(ArgValues[I]))
          Arg.Functions.push_back(functionRef(functionAt(P)));
        Arg.ForwardedParam = parameterOf(ArgValues[I]);
      }
      Call.MutatesObject = MutatesObject;
      Call.ReturnsValue = !C->getType()->isVoidType();
      Call.Declassifies = Declassifies;
      Call.CalleeParam = CalleeParam;
    });
    reachArguments(Site, ArgParts);
    if (ObjectExpr)
      Exprs.reachParts(Exprs.argumentParts(
                           ObjectExpr,
                           Value{ObjectTaint, ObjectPlaces, {}, false, false},
                           /*WholeObject=*/false),
                       Port::callArg(Site, ObjectArg));
  }
  if (Declassifies)
    return Value();

  SourceLocation CallLoc = C->getExprLoc();
  // Calls the compiler wrote on its own variables (`*__begin1`) get no step,
  // like the variables themselves.
  bool Silent = isOnImplicitVariable(ObjectExpr);
  Value Result;
  if (Summarized) {
    // What the callee returns and writes is resolved by the link step.
    Result.Taint.add(Ctx.Labels.input(LabelKind::CallResult, Site), 0);
    for (unsigned I = 0; I < Args.size(); ++I) {
      TaintSet Out;
      Out.add(Ctx.Labels.input(LabelKind::CallOut, Site, I), 0);
      for (const AccessPath &P : Written[I]) {
        S.add(P, Out);
        // A pointer passed by address (setThrough(&tp, v) writing **pp):
        // what it points to may be written too.
        if (const PathList *Targets = S.targetsOf(P))
          for (const AccessPath &T : *Targets)
            S.add(T, Out);
      }
    }
    if (MutatesObject) {
      TaintSet Out;
      Out.add(Ctx.Labels.input(LabelKind::CallOut, Site, ObjectArg), 0);
      for (const AccessPath &P : ObjectPlaces)
        S.add(P, Out);
    }
    writeThroughCaptures(ObjectPlaces, Site);
  } else {
    Result.Taint = applyModel(*Model, {C, Callee, ObjectExpr, Args, ArgValues,
                                       ArgTaints, Written, ObjectPlaces,
                                       ObjectTaint, MutatesObject, Silent});
  }
  if (Callee)
    for (const std::string &Purpose : Ctx.Annotations.returnPurposesOf(Callee))
      Result.Taint.add(
          Ctx.Labels.source(Purpose, Callee),
          Ctx.Steps.extend(0, CallLoc, StepKind::ReturnSource, Callee));

  // What a library call's result refers to. A member's reference or pointer
  // result refers into its object (s.append(x), v[i], s.c_str()), or into
  // what the object refers to (*it, it->x). A free function's refers into
  // its reference arguments (std::move(x), `os << x`,
  // std::back_inserter(out)). A user function's summary says this exactly.
  if (Summarized) {
    // A reference result is storage the caller may write through; the
    // callee's body, when here, says which.
    if (auto Referred =
            Callee && C->isGLValue() ? returnedReferent(Callee) : std::nullopt)
      Result.Places = placesOf(*Referred, ObjectPlaces, Args, ArgValues);
    Result.ExactPlace = Result.Places.size() == 1;
    Result.Taint.join(Exprs.readPlaces(Result.Places, CallLoc));
    return Result;
  }
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
    Result.Taint.join(Exprs.readPlaces(Result.Places, CallLoc));
  } else if (C->getType()->isPointerType() || isIteratorLike(C->getType())) {
    Result.Pointees = std::move(Into);
  }
  return Result;
}

TaintSet CallTransfer::callBack(const Expr *Callable, const Value &V,
                                llvm::ArrayRef<const Expr *> Args,
                                llvm::ArrayRef<Value> ArgValues,
                                const TaintSet &ObjectTaint) {
  PathList Closures = functionsOf(V);
  if (Closures.empty())
    return TaintSet();
  const SourceManager &SM = Ctx.AST.getSourceManager();
  // What the library may pass to the callable: its other arguments and what
  // they point to (the elements behind iterators).
  TaintSet Data = ObjectTaint;
  for (unsigned I = 0; I < Args.size(); ++I) {
    if (Args[I] == Callable)
      continue;
    Data.join(ArgValues[I].Taint);
    Data.join(Exprs.readPlaces(ArgValues[I].Pointees, Args[I]->getBeginLoc()));
  }
  unsigned Arity = 0;
  for (const AccessPath &P : Closures)
    Arity = std::max(Arity, functionAt(P)->getNumParams());
  int Site = Summary.callSite(Callable, [&](CallSite &Call) {
    for (const AccessPath &P : Closures)
      for (const FunctionDecl *Instance : instancesOf(functionAt(P)))
        Call.Callees.push_back(Ctx.usrOf(Instance));
    Call.CalleeName = displayName(functionAt(Closures.front()));
    Call.Where = spotOf(SM, Callable->getBeginLoc());
    for (unsigned I = 0; I < Arity; ++I) {
      CallArgument &Arg = Call.Args.emplace_back();
      Arg.Where = Arg.End = Call.Where;
    }
  });
  for (unsigned I = 0; I < Arity; ++I)
    Summary.reach(Data, Port::callArg(Site, I));
  Port Object = Port::callArg(Site, ObjectArg);
  PathList Captures;
  for (const AccessPath &P : Closures)
    if (isClosure(P))
      Captures.push_back(P);
  Exprs.reachParts(Exprs.readParts(Captures, Callable->getBeginLoc()), Object);
  writeThroughCaptures(Captures, Site);
  TaintSet Result;
  Result.add(Ctx.Labels.input(LabelKind::CallResult, Site), 0);
  return Result;
}

TaintSet CallTransfer::applyModel(const Propagation &Model,
                                  const ModelledCall &Call) {
  SourceLocation CallLoc = Call.Call->getExprLoc();
  auto Stepped = [&](const TaintSet &T, StepKind K, const NamedDecl *Detail) {
    return Call.Silent ? T : Exprs.withStep(T, CallLoc, K, Call.Callee, Detail);
  };
  llvm::ArrayRef<const Expr *> Args = Call.Args;
  // The library calls the callables among its inputs with data from its
  // other arguments. An algorithm that projects (std::transform) hands the
  // elements to its callable and keeps what that returns, so the elements
  // themselves go no further.
  TaintSet Called;
  for (unsigned I = 0; I < Args.size(); ++I)
    if (Model.takes(I))
      Called.join(callBack(Args[I], Call.ArgValues[I], Args, Call.ArgValues,
                           Call.ObjectTaint));
  bool Projects = Model.ProjectsThroughCallable && !Called.empty();
  auto Feeds = [&](unsigned J) {
    return Model.takes(J) &&
           (!Projects || !(isIteratorLike(Args[J]->getType()) ||
                           Args[J]->getType()->isPointerType()));
  };
  // What reaches an output: the inputs but what the output already held.
  auto InputsBut = [&](std::optional<unsigned> Except, bool WithObject) {
    TaintSet Inputs = Called;
    if (WithObject && Model.FromObject)
      Inputs.join(Call.ObjectTaint);
    for (unsigned J = 0; J < Args.size(); ++J)
      if (J != Except && Feeds(J))
        Inputs.join(Call.ArgTaints[J]);
    return Inputs;
  };
  for (unsigned I = 0; I < Args.size(); ++I) {
    // The arguments named are written through what they refer to; when
    // none are, those the callee can write.
    PathList Through = Call.Written[I];
    if (Model.ToArgs) {
      if (!llvm::is_contained(*Model.ToArgs, I))
        continue;
      if (Through.empty())
        Through = Args[I]->getType()->isPointerType() ||
                          isIteratorLike(Args[I]->getType())
                      ? Call.ArgValues[I].Pointees
                      : Call.ArgValues[I].Places;
    }
    if (Through.empty())
      continue;
    TaintSet Out =
        Stepped(Exprs.forDestination(InputsBut(I, /*WithObject=*/true),
                                     Args[I]->getType()),
                StepKind::CallOutput, rootDecl(Through));
    for (const AccessPath &P : Through)
      S.add(P, Out);
  }
  if (Call.Object && Model.ToObject.value_or(Call.MutatesObject)) {
    QualType ObjectType = Call.Object->getType();
    if (ObjectType->isPointerType())
      ObjectType = ObjectType->getPointeeType();
    // The arguments themselves (v.push_back(x)), not what the object held,
    // which is still there.
    TaintSet Arguments;
    for (unsigned J = 0; J < Args.size(); ++J)
      if (Model.takes(J))
        Arguments.join(Call.ArgTaints[J]);
    TaintSet Out = Stepped(Exprs.forDestination(Arguments, ObjectType),
                           StepKind::CallOutput, rootDecl(Call.ObjectPlaces));
    for (const AccessPath &P : Call.ObjectPlaces)
      S.add(P, Out);
  }
  if (!Model.ToResult)
    return TaintSet();
  return Stepped(
      Exprs.forDestination(InputsBut(std::nullopt, /*WithObject=*/true),
                           Call.Call->getType()),
      StepKind::CallResult, nullptr);
}

Value CallTransfer::evalConstruct(const CXXConstructExpr *C) {
  const SourceManager &SM = Ctx.AST.getSourceManager();
  const CXXConstructorDecl *Ctor = C->getConstructor();
  // An implicit copy is the object copied, part by part: passing a Contact
  // by value keeps its number and its label apart.
  if (Ctor->isCopyOrMoveConstructor() && !Ctor->isUserProvided() &&
      C->getNumArgs() >= 1)
    return Exprs.eval(C->getArg(0));
  llvm::SmallVector<const Expr *, 4> Args(C->arguments());
  llvm::SmallVector<Parts, 4> ArgParts;
  TaintSet Inputs;
  // A std::function refers to the function or lambda it is built from.
  PathList Callables;
  bool Wrapper = isCallableWrapper(C->getType(), SM);
  for (const Expr *Arg : Args) {
    Value V = Exprs.eval(Arg);
    ArgParts.push_back(
        Exprs.argumentParts(Arg, V, !Ctor->isCopyOrMoveConstructor()));
    for (const auto &[Path, T] : ArgParts.back())
      Inputs.join(T);
    if (Wrapper)
      for (AccessPath &P : functionsOf(V))
        Callables.push_back(std::move(P));
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
      for (unsigned I = 0; I < Args.size(); ++I) {
        CallArgument &Arg = Call.Args.emplace_back();
        placeArgument(Arg, Args[I], C->getBeginLoc());
        Arg.SinkKind = SinkKinds[I];
      }
      // The object under construction receives what an opaque constructor
      // is given.
      Call.MutatesObject = true;
      Call.Declassifies = Declassifies;
    });
    reachArguments(Site, ArgParts);
    if (Summarized && !Declassifies) {
      V.Taint.add(Ctx.Labels.input(LabelKind::CallOut, Site, ObjectArg), 0);
      return V;
    }
  }
  if (Declassifies)
    return V;
  // A constructed object holds what it was built from; the variable it
  // initializes records the step, so the constructor adds none.
  V.Taint = Exprs.forDestination(Inputs, C->getType());
  V.Pointees = std::move(Callables);
  return V;
}

} // namespace pii
