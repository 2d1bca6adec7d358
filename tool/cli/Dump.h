//===- Dump.h - Summaries and cache entries as text -------------*- C++ -*-===//

#ifndef PII_CLI_DUMP_H
#define PII_CLI_DUMP_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace pii {

/// Prints each of \p Paths, a summary file (`pii-flow extract`) or an entry
/// of the cache directory (summary, link or preamble), as readable text.
/// Stops at the first file that is none of those, or is corrupt, and says
/// why.
llvm::Error dumpFiles(llvm::raw_ostream &OS, llvm::ArrayRef<std::string> Paths);

} // namespace pii

#endif // PII_CLI_DUMP_H
