//===- AtomicFile.h - Files that are whole or absent ------------*- C++ -*-===//

#ifndef PII_STORE_ATOMICFILE_H
#define PII_STORE_ATOMICFILE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace pii {

/// Writes \p Text to \p Path through a temporary in the same directory and a
/// rename, so that a run killed at any moment leaves either the old file or
/// the new one, never part of one.
llvm::Error writeFileAtomically(llvm::StringRef Path, llvm::StringRef Text);

} // namespace pii

#endif // PII_STORE_ATOMICFILE_H
