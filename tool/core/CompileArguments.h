//===- CompileArguments.h - Compile commands for our parses -----*- C++ -*-===//

#ifndef PII_CORE_COMPILEARGUMENTS_H
#define PII_CORE_COMPILEARGUMENTS_H

#include "clang/Tooling/ArgumentsAdjusters.h"

namespace pii {

/// \p Args, from a build's compile database, made usable by a LibTooling
/// binary: Clang's builtin headers found, GCC-only flags dropped, the
/// build's own warnings silenced. An ArgumentsAdjuster.
clang::tooling::CommandLineArguments
adjustForLibTooling(const clang::tooling::CommandLineArguments &Args,
                    llvm::StringRef File);

} // namespace pii

#endif // PII_CORE_COMPILEARGUMENTS_H
