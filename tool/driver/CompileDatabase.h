//===- CompileDatabase.h - compile_commands.json, strictly ------*- C++ -*-===//
//
// Clang's loader of compile_commands.json parses it as YAML: on a syntax
// error it prints the parser's message and the offending line (binary bytes
// and all) to stderr itself, and a wrong entry gets an error with no place.
// This reads the database as pii-flow reads every file a user writes: an
// error names the file, line and column, and nothing else is printed.
//
//===----------------------------------------------------------------------===//

#ifndef PII_DRIVER_COMPILEDATABASE_H
#define PII_DRIVER_COMPILEDATABASE_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"

#include <memory>

namespace pii {

/// The compile commands of \p Path. Errors in the file are
/// PositionedErrors naming it; others say why it cannot be read.
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
readCompileDatabase(llvm::StringRef Path);

} // namespace pii

#endif // PII_DRIVER_COMPILEDATABASE_H
