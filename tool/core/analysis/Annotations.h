//===- Annotations.h - Reads pii:: annotations off declarations -*- C++ -*-===//
//
// Both spellings of an annotation end up as the same AnnotateAttr: the macros
// expand to [[clang::annotate("pii::purpose", ...)]], and the [[pii::purpose]]
// spelling is turned into one by PiiAttributes.cpp. This file answers the
// questions the analysis asks ("what purposes does this field carry?", "is
// argument 2 of this call a sink?"), following redeclarations and overridden
// virtual functions as SPEC section 1 requires. A policy file's sources,
// sinks and declassifiers count as annotations on the declarations they
// name.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_ANALYSIS_ANNOTATIONS_H
#define PII_CORE_ANALYSIS_ANNOTATIONS_H

#include "core/policy/Policy.h"

#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

#include <optional>
#include <string>

namespace clang {
class AnnotateAttr;
class CXXMethodDecl;
class CXXRecordDecl;
} // namespace clang

namespace pii {

inline constexpr const char *PurposeAnnotation = "pii::purpose";
inline constexpr const char *SinkAnnotation = "pii::sink";
inline constexpr const char *DeclassifyAnnotation = "pii::declassify";
/// The names of those annotations in the pii namespace, which are also the
/// [[pii::...]] attributes pii-flow knows.
inline constexpr llvm::StringLiteral PiiAttributeNames[] = {"purpose", "sink",
                                                            "declassify"};

/// True for annotations in the pii:: namespace, known or not.
bool isPiiAnnotation(const clang::AnnotateAttr &A);

/// The string literal arguments of \p A; nullopt if any argument is not one.
std::optional<llvm::SmallVector<std::string, 2>>
stringArguments(const clang::AnnotateAttr &A);

using PurposeList = llvm::SmallVector<std::string, 1>;

/// \p D's name as a policy file writes it: every enclosing namespace and
/// class, without template arguments (a member of every specialization) or
/// inline namespaces (std::string, not std::__cxx11::basic_string).
std::string policyName(const clang::NamedDecl *D);

/// Answers annotation queries, memoizing the walks over redeclarations.
class AnnotationIndex {
public:
  explicit AnnotationIndex(const Policy &P) : Named(P) {}

  /// Purposes declared on a field, variable or parameter (for a parameter, on
  /// any redeclaration of its function).
  const PurposeList &purposesOf(const clang::ValueDecl *D);
  /// Purposes of a function's return value, including those declared on the
  /// virtual functions it overrides.
  const PurposeList &returnPurposesOf(const clang::FunctionDecl *F);
  /// The sink kind for explicit argument \p ArgIndex of a call to \p F, from a
  /// sink on the function, the parameter, the class, or an overridden virtual.
  std::optional<std::string> sinkKindOf(const clang::FunctionDecl *F,
                                        unsigned ArgIndex);
  bool isDeclassifier(const clang::FunctionDecl *F);
  /// How the policy or the built-in table models \p F, if it does
  /// (core/policy/Propagation.h).
  const Propagation *propagationOf(const clang::FunctionDecl *F);

private:
  /// What the policy says of \p F, as an annotation on it would.
  void addNamedPurposes(const clang::ValueDecl *D, PurposeList &Out) const;
  std::optional<std::string> namedSinkKind(const clang::FunctionDecl *F,
                                           unsigned ArgIndex) const;

  const Policy &Named;
  llvm::DenseMap<const clang::Decl *, PurposeList> DeclPurposes;
  llvm::DenseMap<const clang::Decl *, PurposeList> ReturnPurposes;
  llvm::DenseMap<const clang::Decl *, const Propagation *> Models;
};

} // namespace pii

#endif // PII_CORE_ANALYSIS_ANNOTATIONS_H
