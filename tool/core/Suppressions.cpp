//===- Suppressions.cpp ---------------------------------------------------===//

#include "core/Suppressions.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include <set>

namespace pii {
namespace {

constexpr llvm::StringLiteral Marker = "pii-flow:";
constexpr llvm::StringLiteral Syntax = "'pii-flow: allow(<rule-id>) <reason>'";

/// What a suppression comment says.
struct Allow {
  unsigned Column = 0; // of the marker
  std::set<std::string> Rules;
  std::string Reason;
  std::string Problem;
};

/// The suppression on \p Line, if it has one.
std::optional<Allow> parseAllow(llvm::StringRef Line) {
  size_t At = Line.find(Marker);
  if (At == llvm::StringRef::npos)
    return std::nullopt;
  // Only in a comment: the marker follows "//" or "/*" on the line.
  llvm::StringRef Before = Line.take_front(At);
  if (!Before.contains("//") && !Before.contains("/*"))
    return std::nullopt;
  Allow A;
  A.Column = At + 1;
  llvm::StringRef Rest = Line.drop_front(At + Marker.size()).trim();
  Rest = Rest.split("*/").first.rtrim();
  if (!Rest.consume_front("allow(")) {
    A.Problem =
        "unknown pii-flow comment; a suppression is written " + Syntax.str();
    return A;
  }
  size_t Close = Rest.find(')');
  if (Close == llvm::StringRef::npos) {
    A.Problem =
        "unterminated 'allow('; a suppression is written " + Syntax.str();
    return A;
  }
  llvm::StringRef List = Rest.take_front(Close);
  llvm::StringRef Reason = Rest.drop_front(Close + 1);
  llvm::SmallVector<llvm::StringRef, 2> Ids;
  List.split(Ids, ',', -1, /*KeepEmpty=*/false);
  for (llvm::StringRef Id : Ids)
    if (!Id.trim().empty())
      A.Rules.insert(Id.trim().str());
  if (A.Rules.empty()) {
    A.Problem = "a suppression names the rule it accepts: " + Syntax.str();
    return A;
  }
  // Another comment may follow the reason.
  A.Reason = Reason.split("//").first.trim().str();
  if (A.Reason.empty())
    A.Problem =
        "a suppression needs a reason a reviewer can read: " + Syntax.str();
  return A;
}

} // namespace

std::vector<SuppressionProblem>
applySuppressions(std::vector<Finding> &Findings, SourceLines &Lines) {
  std::set<std::pair<SourceSpot, std::string>> Reported;
  std::vector<SuppressionProblem> Problems;
  auto Report = [&](SourceSpot Where, std::string Message) {
    if (Reported.emplace(Where, Message).second)
      Problems.push_back({Where, std::move(Message)});
  };
  for (Finding &F : Findings) {
    std::optional<Allow> A = parseAllow(Lines.line(F.Where.File, F.Where.Line));
    if (!A)
      continue;
    SourceSpot Where{F.Where.File, F.Where.Line, A->Column};
    if (!A->Problem.empty())
      Report(Where, A->Problem);
    else if (!A->Rules.count(F.RuleId))
      Report(Where, "the suppression accepts " + llvm::join(A->Rules, ", ") +
                        ", but the flow here breaks '" + F.RuleId + "'");
    else
      F.Justification = A->Reason;
  }
  return Problems;
}

} // namespace pii
