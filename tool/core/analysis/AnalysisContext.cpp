//===- AnalysisContext.cpp ------------------------------------------------===//

#include "core/analysis/AnalysisContext.h"
#include "core/analysis/FlowSteps.h"
#include "core/analysis/Store.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace pii {

/// Clang's USR of a declaration inside a function (a lambda, a local class,
/// what is in them) says which it is by its offset in the file:
/// `c:file.cpp@1234@F@outer#...`. Counted from the function's own, the
/// offset says the same when lines are added above the function, so that
/// its summary and those that name it only move (link/MovedBody.h); and
/// the same in every unit, as Clang's does.
static void countFromFunction(const Decl *D, llvm::SmallString<128> &Usr) {
  const FunctionDecl *Outer = nullptr;
  for (const DeclContext *In = D->getDeclContext(); In; In = In->getParent())
    if (const auto *F = dyn_cast<FunctionDecl>(In))
      Outer = F;
  llvm::StringRef Text = Usr.str();
  if (!Outer || !Text.consume_front("c:"))
    return;
  size_t At = Text.find('@');
  if (At == llvm::StringRef::npos)
    return;
  llvm::StringRef Rest = Text.drop_front(At + 1);
  size_t Digits = Rest.find_first_not_of("0123456789");
  uint64_t Offset = 0;
  if (Digits == 0 || Digits == llvm::StringRef::npos || Rest[Digits] != '@' ||
      Rest.take_front(Digits).getAsInteger(10, Offset))
    return;
  const SourceManager &SM = D->getASTContext().getSourceManager();
  int64_t Start =
      SM.getDecomposedLoc(SM.getExpansionLoc(Outer->getBeginLoc())).second;
  std::string Counted =
      ("c:" + Text.take_front(At) + "@~" +
       llvm::Twine(int64_t(Offset) - Start) + Rest.drop_front(Digits))
          .str();
  Usr = Counted;
}

std::vector<std::optional<Symbol>>
AnalysisContext::parameterSinkKinds(const FunctionDecl *F) {
  std::vector<std::optional<Symbol>> Kinds;
  for (unsigned I = 0; I < F->getNumParams(); ++I)
    if (std::optional<std::string> Kind = Annotations.sinkKindOf(F, I)) {
      Kinds.resize(F->getNumParams());
      Kinds[I] = Symbol(*Kind);
    }
  return Kinds;
}

Symbol AnalysisContext::usrOf(const Decl *D) {
  D = D->getCanonicalDecl();
  if (auto It = Usrs.find(D); It != Usrs.end())
    return It->second;
  llvm::SmallString<128> Usr;
  if (index::generateUSRForDecl(D, Usr)) // true means it failed
    Usr = unnamedUsr(D);
  else
    countFromFunction(D, Usr);
  // Not inserted before: naming an unnamed declaration names its parent.
  Symbol Named(Usr.str());
  Usrs.try_emplace(D, Named);
  return Named;
}

std::string AnalysisContext::unnamedUsr(const Decl *D) {
  // An unnamed field (an anonymous union or struct) is named by its class
  // and its position there, which every unit and every instantiation of a
  // template agree on.
  if (const auto *Field = dyn_cast<FieldDecl>(D))
    return (usrOf(Field->getParent()) + "@FI@#" +
            std::to_string(Field->getFieldIndex()));
  // Named by where it is, as Clang names a static function by its file, so
  // that the same code gives the same name in every run (a heap address
  // did not, and could name a declaration of another unit). Declarations
  // at one place (instantiations of one pattern) are counted apart, in the
  // order the analysis meets them, which the code decides.
  PresumedLoc Where = AST.getSourceManager().getPresumedLoc(D->getLocation());
  std::string Place = Where.isValid()
                          ? (llvm::sys::path::filename(Where.getFilename()) +
                             ":" + llvm::Twine(Where.getLine()) + ":" +
                             llvm::Twine(Where.getColumn()))
                                .str()
                          : std::string("<no location>");
  Place += std::string("@") + D->getDeclKindName();
  unsigned Seen = UnnamedAt[Place]++;
  return "pii:unnamed@" + Place + "#" + std::to_string(Seen);
}

FieldPath AnalysisContext::fieldPath(llvm::ArrayRef<const FieldDecl *> P) {
  FieldPath Path;
  for (const FieldDecl *F : P)
    Path.push_back(usrOf(F));
  return Path;
}

int AnalysisContext::sourceIndex(const Label &L) {
  auto [It, Inserted] = SourceIndex.try_emplace(
      {L.Purpose, usrOf(L.Origin)}, static_cast<int>(Out.Sources.size()));
  if (Inserted)
    Out.Sources.push_back(
        {L.Purpose, usrOf(L.Origin), qualifiedName(L.Origin),
         spotOf(AST.getSourceManager(), L.Origin->getLocation())});
  return It->second;
}

Port AnalysisContext::portOf(LabelId Id) {
  const Label &L = Labels.get(Id);
  FieldPath Path = fieldPath(L.Path);
  switch (L.Kind) {
  case LabelKind::Source:
    return Port::source(sourceIndex(L), std::move(Path));
  case LabelKind::Param:
    return Port::param(L.Index, std::move(Path));
  case LabelKind::CallResult:
    return Port::callResult(L.Index, std::move(Path));
  case LabelKind::CallOut:
    return Port::callOut(L.Index, L.Arg, std::move(Path));
  case LabelKind::Global:
    return Port::global(usrOf(L.Origin), std::move(Path));
  case LabelKind::Relay:
    return Port::relay(L.Index, std::move(Path));
  }
  llvm_unreachable("a label kind without a port");
}

void AnalysisContext::approximate(ApproximationKind Kind, SourceLocation Loc) {
  SourceSpot Where = spotOf(AST.getSourceManager(), Loc);
  if (Approximated.emplace(Kind, Where).second)
    Out.Approximations.push_back({Kind, Where, {}, 0});
}

const std::vector<ContainedField> &
AnalysisContext::containedPurposeFields(QualType T) {
  const Type *Key = T.getCanonicalType().getTypePtr();
  auto It = ContainedFields.find(Key);
  if (It != ContainedFields.end())
    return It->second;
  std::vector<ContainedField> Found;
  collectPurposeFields(T, 0, {}, Found);
  return ContainedFields[Key] = std::move(Found);
}

void AnalysisContext::collectPurposeFields(
    QualType T, unsigned Depth, llvm::ArrayRef<const FieldDecl *> Path,
    std::vector<ContainedField> &Found) {
  // Deep enough for a vector<pair<string, User>> of Users holding Contacts,
  // shallow enough that recursive types stop quickly.
  constexpr unsigned MaxDepth = 4;
  if (T.isNull() || Depth > MaxDepth)
    return;
  T = T.getNonReferenceType().getCanonicalType();
  // The analysis gives a pointer, an array and a container the paths of the
  // object or element inside (p->phone is [phone] below p), so the purpose
  // fields inside keep their own paths.
  if (T->isPointerType() || T->isArrayType()) {
    QualType Element = T->isPointerType()
                           ? T->getPointeeType()
                           : QualType(T->getArrayElementTypeNoTypeQual(), 0);
    collectPurposeFields(Element, Depth + 1, Path, Found);
    return;
  }
  const auto *Record = T->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition())
    return;
  Record = Record->getDefinition();
  const SourceManager &SM = AST.getSourceManager();
  if (SM.isInSystemHeader(Record->getLocation())) {
    // A library type (vector<User>, unique_ptr<User>, optional<User>) is
    // modelled, not analyzed: its elements are its template arguments.
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record))
      for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
        if (Arg.getKind() == TemplateArgument::Type)
          collectPurposeFields(Arg.getAsType(), Depth + 1, Path, Found);
    return;
  }
  for (const FieldDecl *F : Record->fields()) {
    llvm::SmallVector<const FieldDecl *, 2> Inner(Path.begin(), Path.end());
    if (Inner.size() < AccessPath::MaxFields)
      Inner.push_back(F);
    bool Seen = llvm::any_of(
        Found, [&](const ContainedField &C) { return C.Field == F; });
    if (!Annotations.purposesOf(F).empty() && !Seen)
      Found.push_back({F, Inner});
    collectPurposeFields(F->getType(), Depth + 1, Inner, Found);
  }
  for (const CXXBaseSpecifier &Base : Record->bases())
    collectPurposeFields(Base.getType(), Depth + 1, Path, Found);
}

} // namespace pii
