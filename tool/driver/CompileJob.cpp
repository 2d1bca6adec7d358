//===- CompileJob.cpp -----------------------------------------------------===//

#include "driver/CompileJob.h"

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringExtras.h"

namespace pii {

CompileJob compileJob(const clang::tooling::CompilationDatabase &Commands,
                      const std::string &File) {
  CompileJob Job{File, {}};
  for (const clang::tooling::CompileCommand &Command :
       Commands.getCompileCommands(File))
    Job.Key.push_back(Command.Directory + '\0' +
                      llvm::join(Command.CommandLine, std::string(1, '\0')));
  return Job;
}

std::vector<CompileJob>
compileJobs(const clang::tooling::CompilationDatabase &Commands,
            const std::vector<std::string> &Files) {
  std::vector<CompileJob> Jobs;
  Jobs.reserve(Files.size());
  for (const std::string &File : Files)
    Jobs.push_back(compileJob(Commands, File));
  return Jobs;
}

} // namespace pii
