//===- CompileJob.h - A file to analyze, and how it compiles ----*- C++ -*-===//

#ifndef PII_DRIVER_COMPILEJOB_H
#define PII_DRIVER_COMPILEJOB_H

#include <string>
#include <vector>

namespace clang::tooling {
class CompilationDatabase;
}

namespace pii {

/// One file of the program, with what its cache entries are keyed by,
/// computed once per run (or per edit).
struct CompileJob {
  std::string File;
  /// The file's compile commands, each its directory and arguments.
  std::vector<std::string> Key;
};

CompileJob compileJob(const clang::tooling::CompilationDatabase &Commands,
                      const std::string &File);

std::vector<CompileJob>
compileJobs(const clang::tooling::CompilationDatabase &Commands,
            const std::vector<std::string> &Files);

} // namespace pii

#endif // PII_DRIVER_COMPILEJOB_H
