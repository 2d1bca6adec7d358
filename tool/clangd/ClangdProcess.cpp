//===- ClangdProcess.cpp --------------------------------------------------===//

#include "clangd/ClangdProcess.h"

#include <cerrno>
#include <cstring>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace pii {

llvm::Expected<ClangdProcess>
ClangdProcess::start(const std::string &Program,
                     const std::vector<std::string> &Args) {
  int ToChild[2], FromChild[2];
  if (pipe(ToChild) != 0)
    return llvm::createStringError("cannot create a pipe: " +
                                   std::string(strerror(errno)));
  if (pipe(FromChild) != 0) {
    close(ToChild[0]);
    close(ToChild[1]);
    return llvm::createStringError("cannot create a pipe: " +
                                   std::string(strerror(errno)));
  }
  posix_spawn_file_actions_t Actions;
  posix_spawn_file_actions_init(&Actions);
  posix_spawn_file_actions_adddup2(&Actions, ToChild[0], 0);
  posix_spawn_file_actions_adddup2(&Actions, FromChild[1], 1);
  for (int Fd : {ToChild[0], ToChild[1], FromChild[0], FromChild[1]})
    posix_spawn_file_actions_addclose(&Actions, Fd);
  std::vector<char *> Argv{const_cast<char *>(Program.c_str())};
  for (const std::string &Arg : Args)
    Argv.push_back(const_cast<char *>(Arg.c_str()));
  Argv.push_back(nullptr);
  ClangdProcess P;
  int Error = posix_spawnp(&P.Pid, Program.c_str(), &Actions, nullptr,
                           Argv.data(), environ);
  posix_spawn_file_actions_destroy(&Actions);
  close(ToChild[0]);
  close(FromChild[1]);
  if (Error != 0) {
    close(ToChild[1]);
    close(FromChild[0]);
    return llvm::createStringError("cannot start '" + Program +
                                   "': " + strerror(Error));
  }
  P.In = ToChild[1];
  P.Out = FromChild[0];
  return P;
}

int ClangdProcess::finish() {
  if (In >= 0)
    close(In);
  In = -1;
  int Status = 0;
  while (waitpid(Pid, &Status, 0) < 0 && errno == EINTR) {
  }
  if (Out >= 0)
    close(Out);
  Out = -1;
  if (WIFSIGNALED(Status))
    return 128 + WTERMSIG(Status);
  return WEXITSTATUS(Status);
}

} // namespace pii
