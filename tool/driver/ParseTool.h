//===- ParseTool.h - A LibTooling tool for one of our parses ----*- C++ -*-===//

#ifndef PII_DRIVER_PARSETOOL_H
#define PII_DRIVER_PARSETOOL_H

#include "store/InputFile.h"

#include "clang/Tooling/Tooling.h"

#include <memory>
#include <string>
#include <vector>

namespace pii {

/// \p Options, compiler options, without those Clang's driver rejects as
/// unknown or unsupported: flags only GCC understands
/// (-fconcepts-diagnostics-depth=2, -fanalyzer), which builds for g++ carry.
std::vector<const char *>
withoutOptionsClangRejects(llvm::ArrayRef<const char *> Options);

/// A tool that parses \p File with its commands from \p Commands, made
/// usable by a LibTooling binary (Clang's builtin headers found, GCC-only
/// flags dropped, the build's own warnings silenced), reading \p Overlay's
/// texts instead of the files on disk. It prints no error message of its
/// own: the caller says which files failed, in its own words, once.
std::unique_ptr<clang::tooling::ClangTool>
parseToolFor(const clang::tooling::CompilationDatabase &Commands,
             const std::string &File, const FileOverlay &Overlay);

} // namespace pii

#endif // PII_DRIVER_PARSETOOL_H
