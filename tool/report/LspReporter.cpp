//===- LspReporter.cpp ----------------------------------------------------===//

#include "report/LspReporter.h"
#include "report/Columns.h"
#include "report/Messages.h"
#include "report/Uri.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

namespace pii {

using Json = nlohmann::json;

/// \p S as an LSP position (counted from 0, in UTF-16 code units).
static Json positionOf(const SourceSpot &S, SourceLines &Lines) {
  unsigned Column = utf16Column(Lines.line(S.File, S.Line), S.Column);
  return {{"line", S.Line > 0 ? S.Line - 1 : 0},
          {"character", Column > 0 ? Column - 1 : 0}};
}

/// From \p S to \p End, if it is given, in the same file and after it;
/// otherwise a zero-width range, which clients extend to the word, as they
/// do for clangd's point diagnostics.
static Json rangeAt(const SourceSpot &S, SourceLines &Lines,
                    const SourceSpot *End = nullptr) {
  Json Start = positionOf(S, Lines);
  if (End && End->File == S.File &&
      std::tie(End->Line, End->Column) > std::tie(S.Line, S.Column))
    return {{"start", std::move(Start)}, {"end", positionOf(*End, Lines)}};
  return {{"start", Start}, {"end", Start}};
}

static int severityOf(RuleLevel Level) {
  switch (Level) {
  case RuleLevel::Error:
    return 1;
  case RuleLevel::Warning:
    return 2;
  case RuleLevel::Note:
    return 3;
  }
  return 1;
}

Json lspDiagnostic(const Finding &F, bool RelatedInformation,
                   SourceLines &Lines) {
  std::string Message = findingMessage(F);
  Json Related = Json::array();
  for (const FlowStep &Step : F.Steps) {
    if (RelatedInformation)
      Related.push_back({{"location",
                          {{"uri", fileUri(Step.Where.File)},
                           {"range", rangeAt(Step.Where, Lines)}}},
                         {"message", stepMessage(Step)}});
    else
      Message += "\n\n" + llvm::sys::path::filename(Step.Where.File).str() +
                 ":" + std::to_string(Step.Where.Line) + ":" +
                 std::to_string(Step.Where.Column) + ": " + stepMessage(Step);
  }
  Json D = {{"range", rangeAt(F.Where, Lines, &F.WhereEnd)},
            {"severity", severityOf(F.Level)},
            {"code", F.RuleId},
            {"codeDescription", {{"href", PII_FLOW_HOMEPAGE "#rules"}}},
            {"source", "pii-flow"},
            {"message", Message}};
  if (RelatedInformation)
    D["relatedInformation"] = std::move(Related);
  return D;
}

Json lspDiagnostic(const PlacedProblem &Problem, SourceLines &Lines) {
  return {{"range", rangeAt(Problem.Where, Lines)},
          {"severity", Problem.Warning ? 2 : 1},
          {"source", "pii-flow"},
          {"message", Problem.Message}};
}

} // namespace pii
