//===- GithubReporter.cpp -------------------------------------------------===//

#include "report/GithubReporter.h"
#include "core/model/SummaryPaths.h"
#include "core/policy/Policy.h"
#include "report/Messages.h"

namespace pii {

/// Escapes \p Text as a workflow command's message, or when \p Property
/// also as a property value.
static std::string escaped(llvm::StringRef Text, bool Property) {
  std::string Out;
  for (char C : Text) {
    if (C == '%')
      Out += "%25";
    else if (C == '\r')
      Out += "%0D";
    else if (C == '\n')
      Out += "%0A";
    else if (Property && C == ':')
      Out += "%3A";
    else if (Property && C == ',')
      Out += "%2C";
    else
      Out += C;
  }
  return Out;
}

/// GitHub's workflow commands are the levels' names, but for a note.
static const char *commandFor(RuleLevel Level) {
  return Level == RuleLevel::Note ? "notice" : toString(Level);
}

void printGithubAnnotations(llvm::raw_ostream &OS,
                            const std::vector<Finding> &Findings,
                            llvm::StringRef SourceRoot) {
  for (const Finding &F : Findings) {
    std::string Message = findingMessage(F);
    for (const FlowStep &Step : F.Steps)
      Message += "\n  " + relativeToRoot(Step.Where.File, SourceRoot) + ":" +
                 std::to_string(Step.Where.Line) + ": " + stepMessage(Step);
    OS << "::" << commandFor(F.Level)
       << " file=" << escaped(relativeToRoot(F.Where.File, SourceRoot), true)
       << ",line=" << F.Where.Line << ",col=" << F.Where.Column
       << ",title=" << escaped("pii-flow [" + F.RuleId + "]", true)
       << "::" << escaped(Message, false) << '\n';
  }
}

} // namespace pii
