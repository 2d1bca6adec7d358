//===- LspReporter.cpp ----------------------------------------------------===//

#include "report/LspReporter.h"
#include "report/Uri.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

namespace pii {

using Json = nlohmann::json;

/// A zero-width range at \p S (LSP counts from 0; clients extend it to the
/// word, as they do for clangd's point diagnostics).
static Json rangeAt(const SourceSpot &S) {
  Json Position = {{"line", S.Line > 0 ? S.Line - 1 : 0},
                   {"character", S.Column > 0 ? S.Column - 1 : 0}};
  return {{"start", Position}, {"end", Position}};
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

Json lspDiagnostic(const Finding &F, bool RelatedInformation) {
  std::string Message = F.message();
  Json Related = Json::array();
  for (const FlowStep &Step : F.Steps) {
    if (RelatedInformation)
      Related.push_back({{"location",
                          {{"uri", fileUri(Step.Where.File)},
                           {"range", rangeAt(Step.Where)}}},
                         {"message", Step.Message.str()}});
    else
      Message += "\n\n" + llvm::sys::path::filename(Step.Where.File).str() +
                 ":" + std::to_string(Step.Where.Line) + ":" +
                 std::to_string(Step.Where.Column) + ": " + Step.Message.str();
  }
  Json D = {{"range", rangeAt(F.Where)},
            {"severity", severityOf(F.Level)},
            {"code", F.RuleId},
            {"codeDescription", {{"href", PII_FLOW_HOMEPAGE "#rules"}}},
            {"source", "pii-flow"},
            {"message", Message}};
  if (RelatedInformation)
    D["relatedInformation"] = std::move(Related);
  return D;
}

Json lspDiagnostic(const PlacedProblem &Problem) {
  return {{"range", rangeAt(Problem.Where)},
          {"severity", Problem.Warning ? 2 : 1},
          {"source", "pii-flow"},
          {"message", Problem.Message}};
}

} // namespace pii
