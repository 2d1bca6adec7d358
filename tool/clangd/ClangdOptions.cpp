//===- ClangdOptions.cpp --------------------------------------------------===//

#include "clangd/ClangdOptions.h"

#include "llvm/ADT/StringRef.h"

namespace pii {

ClangdOptions parseClangdOptions(llvm::ArrayRef<const char *> Args) {
  ClangdOptions Options;
  for (size_t I = 0; I < Args.size(); ++I) {
    llvm::StringRef Arg(Args[I]);
    // Our own options, "--name value" or "--name=value", which clangd does
    // not see.
    auto Take = [&](llvm::StringRef Name, std::string &Value) {
      if (Arg == Name && I + 1 < Args.size())
        Value = Args[++I];
      else if (Arg.consume_front(Name) && Arg.consume_front("="))
        Value = Arg.str();
      else
        return false;
      return true;
    };
    if (Take("--clangd", Options.Clangd))
      continue;
    if (std::string Policy; Take("--policy", Policy)) {
      Options.PolicyPaths.push_back(std::move(Policy));
      continue;
    }
    if (Arg.consume_front("--compile-commands-dir="))
      Options.BuildDir = Arg.str();
    if (Arg == "--help" || Arg == "-help")
      Options.ClangdAnswersAlone = Options.PrintOwnHelp = true;
    if (Arg == "--version" || Arg == "-version")
      Options.ClangdAnswersAlone = true;
    Options.ClangdArgs.push_back(Args[I]);
  }
  return Options;
}

} // namespace pii
