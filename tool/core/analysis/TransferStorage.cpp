//===- TransferStorage.cpp ------------------------------------------------===//
//
// Reading and writing the store: parts, declared purposes, copies.
//
//===----------------------------------------------------------------------===//

#include "core/analysis/Transfer.h"
#include "core/analysis/TransferHelpers.h"

using namespace clang;

namespace pii {

static const NamedDecl *lastField(const PathList &Places) {
  return Places.size() == 1 && !Places.front().Fields.empty()
             ? Places.front().Fields.back()
             : nullptr;
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
    if (P.Beyond)
      Whole().join(declaredLabels(P.Beyond, Loc, StepKind::ReadSource));
    if (!FollowTargets)
      continue;
    // A by-reference capture: the closure's field refers to the variable,
    // whose value now is what the lambda will see.
    S.forEachTargetBelow(P, [&](const AccessPath &At, const PathList &Targets) {
      if (At == P)
        return;
      appendPrefixed(Result, suffix(At, P),
                     readParts(Targets, Loc, /*FollowTargets=*/false));
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
  TaintSet Stepped =
      withStep(Taint, Loc, StepKind::Assign, rootDecl(Target.Places),
               lastField(Target.Places));
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
                          SourceLocation Loc, SourceLocation ReadLoc) {
  if (Target.Places.size() != 1 || Source.Places.size() != 1)
    return false;
  const AccessPath &To = Target.Places.front();
  const AccessPath &From = Source.Places.front();
  if (Target.ExactPlace)
    S.assign(To, TaintSet());
  auto Step = [&](const TaintSet &T) {
    return withStep(T, Loc, StepKind::Assign, To.Root,
                    lastField(Target.Places));
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
    Declared.join(globalLabels(From, ReadLoc));
  for (const FieldDecl *F : From.Fields)
    Declared.join(declaredLabels(F, ReadLoc, StepKind::ReadSource));
  S.add(To, Step(Declared));
  return true;
}

} // namespace pii
