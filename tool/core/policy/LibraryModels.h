//===- LibraryModels.h - What library functions do with their data -*- C++ -*-===//
//
// The built-in propagations (Propagation.h) for library functions whose
// bodies pii-flow does not follow, where the opaque-call rule of SPEC
// section 2 would say more than the function does: a lookup that would
// label a whole container with its key, a directory handle that would carry
// the directory's name into every entry read from it. Each entry is data;
// a policy file's "propagations" replace an entry by the same name.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_POLICY_LIBRARYMODELS_H
#define PII_CORE_POLICY_LIBRARYMODELS_H

#include "core/policy/Policy.h"

namespace pii {

/// The standard library's and the C and POSIX libraries' models.
ByName<Propagation> libraryModels();

} // namespace pii

#endif // PII_CORE_POLICY_LIBRARYMODELS_H
