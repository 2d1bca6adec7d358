//===- DeclaredPolicyNames.h - The names a unit declares --------*- C++ -*-===//
//
// A policy file names sources, sinks and declassifiers by their qualified
// names. An entry whose name nothing declares (a typo, a field renamed
// since) applies to nothing, and would switch a check off without a word.
// So each unit says which of the names it declares: looked up as a
// qualified name is, not by use, since a field declared and never read is
// declared all the same.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_ANALYSIS_DECLAREDPOLICYNAMES_H
#define PII_CORE_ANALYSIS_DECLAREDPOLICYNAMES_H

#include "core/policy/Policy.h"

#include <vector>

namespace clang {
class ASTContext;
}

namespace pii {

/// Of \p P's NamedInFiles, those \p AST declares, each with the kind it
/// declares it as (which may not be the kind the policy says); and, for a
/// name whose class is declared but not its member, the member whose name
/// is closest to it, if any is close. Sorted, each once. A name that
/// cannot be looked up (a conversion operator, a member of a class local
/// to a function) counts as declared as the policy says: nothing is
/// reported that is not known to be wrong.
std::vector<PolicyName> declaredPolicyNames(clang::ASTContext &AST,
                                            const Policy &P);

} // namespace pii

#endif // PII_CORE_ANALYSIS_DECLAREDPOLICYNAMES_H
