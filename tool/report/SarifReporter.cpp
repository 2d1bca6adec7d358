//===- SarifReporter.cpp --------------------------------------------------===//

#include "report/SarifReporter.h"
#include "core/model/SummaryPaths.h"
#include "report/Columns.h"
#include "report/JsonText.h"
#include "report/Messages.h"
#include "report/Uri.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

#include <nlohmann/json.hpp>

#include <map>

namespace pii {
namespace {

using Json = nlohmann::ordered_json;

/// The directory URI %SRCROOT% stands for.
std::string rootUri(llvm::StringRef Root) {
  std::string Uri = fileUri(Root);
  if (!llvm::StringRef(Uri).ends_with("/"))
    Uri += '/';
  return Uri;
}

class LogBuilder {
public:
  explicit LogBuilder(const SarifRun &Run) : Run(Run) {}

  Json build() {
    Json Driver = {{"name", "pii-flow"},
                   {"version", PII_FLOW_VERSION},
                   {"semanticVersion", PII_FLOW_VERSION},
                   {"informationUri", PII_FLOW_HOMEPAGE},
                   {"rules", rules()}};
    Json Results = Json::array();
    for (const Finding &F : Run.Findings)
      Results.push_back(result(F));
    Json Notifications = Json::array();
    for (const RunProblem &P : Run.Problems)
      Notifications.push_back(notification(P));
    Json RunJson = {
        {"tool", {{"driver", std::move(Driver)}}},
        {"invocations",
         Json::array(
             {{{"executionSuccessful", llvm::none_of(Run.Problems,
                                                     [](const RunProblem &P) {
                                                       return P.Level ==
                                                              RuleLevel::Error;
                                                     })},
               {"toolExecutionNotifications", std::move(Notifications)}}})},
        {"originalUriBaseIds",
         {{"%SRCROOT%", {{"uri", rootUri(Run.SourceRoot)}}}}},
        {"columnKind", "utf16CodeUnits"},
        {"results", std::move(Results)},
    };
    return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
            {"version", "2.1.0"},
            {"runs", Json::array({std::move(RunJson)})}};
  }

private:
  Json rules() {
    Json Rules = Json::array();
    for (const Rule &R : Run.Rules.Rules) {
      RuleIndex[R.Id] = Rules.size();
      std::string Short = "Values with purpose " + quoted(R.From) +
                          " must not reach sinks of kind " + quoted(R.To);
      std::string Full = R.Description.empty() ? Short + "." : R.Description;
      std::string Help =
          Full +
          " Follow the steps of the path to where the value is used; pass "
          "it through a [[pii::declassify(\"reason\")]] function if the use "
          "is legitimate, or accept the finding on the sink line with "
          "// pii-flow: allow(" +
          R.Id + ") <reason>.";
      Rules.push_back(
          {{"id", R.Id},
           {"name", ruleName(R.Id)},
           {"shortDescription", {{"text", Short}}},
           {"fullDescription", {{"text", Full}}},
           {"help", {{"text", Help}, {"markdown", Help}}},
           {"helpUri", PII_FLOW_HOMEPAGE "#rules"},
           {"defaultConfiguration", {{"level", toString(R.Level)}}},
           {"properties",
            {{"tags", {"security", "privacy", "purpose-limitation"}},
             {"precision", "high"},
             {"problem.severity", toString(R.Level)}}}});
    }
    return Rules;
  }

  /// "a, b" with each quoted.
  static std::string quoted(const std::vector<std::string> &Names) {
    std::vector<std::string> Quoted;
    for (const std::string &N : Names)
      Quoted.push_back("'" + N + "'");
    return llvm::join(Quoted, " or ");
  }

  /// "security-to-advertising" as "SecurityToAdvertising".
  static std::string ruleName(llvm::StringRef Id) {
    std::string Name;
    bool Upper = true;
    for (char C : Id) {
      if (!llvm::isAlnum(C)) {
        Upper = true;
        continue;
      }
      Name += Upper ? llvm::toUpper(C) : C;
      Upper = false;
    }
    return Name;
  }

  /// \p S, to \p End if it is given, in the same file and after it.
  Json physicalLocation(const SourceSpot &S,
                        const SourceSpot *End = nullptr) const {
    Json Artifact;
    std::string Relative = relativeToRoot(S.File, Run.SourceRoot);
    if (llvm::sys::path::is_absolute(Relative))
      Artifact = {{"uri", fileUri(Relative)}};
    else
      Artifact = {{"uri", uriEscape(Relative)}, {"uriBaseId", "%SRCROOT%"}};
    Json Location = {{"artifactLocation", std::move(Artifact)}};
    if (S.Line == 0) // a whole file (one that failed to compile) has none
      return Location;
    Json Region = {{"startLine", S.Line}, {"startColumn", column(S)}};
    if (End && End->File == S.File &&
        std::tie(End->Line, End->Column) > std::tie(S.Line, S.Column)) {
      Region["endLine"] = End->Line;
      Region["endColumn"] = column(*End);
    }
    Location["region"] = std::move(Region);
    return Location;
  }

  unsigned column(const SourceSpot &S) const {
    return std::max(1u, utf16Column(Run.Lines.line(S.File, S.Line), S.Column));
  }

  Json location(const SourceSpot &S, const std::string &Message,
                const SourceSpot *End = nullptr) const {
    return {{"physicalLocation", physicalLocation(S, End)},
            {"message", {{"text", Message}}}};
  }

  Json result(const Finding &F) const {
    std::string SourceText =
        "the source: '" + F.SourceName + "', collected for '" + F.Purpose + "'";
    std::string SinkText = "enters " + F.SinkKind + " sink '" + F.SinkName +
                           "' as argument " + std::to_string(F.ArgIndex + 1);
    Json Steps = Json::array();
    for (const FlowStep &Step : F.Steps)
      Steps.push_back({{"location", location(Step.Where, stepMessage(Step))}});
    Steps.push_back({{"location", location(F.Where, SinkText, &F.WhereEnd)}});
    Json Result = {
        {"ruleId", F.RuleId},
        {"ruleIndex", RuleIndex.at(F.RuleId)},
        {"level", toString(F.Level)},
        {"message", {{"text", findingMessage(F)}}},
        {"locations",
         Json::array(
             {{{"physicalLocation", physicalLocation(F.Where, &F.WhereEnd)}}})},
        {"relatedLocations",
         Json::array({{{"id", 1},
                       {"physicalLocation", physicalLocation(F.SourceDecl)},
                       {"message", {{"text", SourceText}}}}})},
        {"codeFlows",
         Json::array({{{"threadFlows",
                        Json::array({{{"locations", std::move(Steps)}}})}}})},
        {"partialFingerprints", {{"piiFlowFinding/v1", F.Fingerprint}}},
    };
    if (F.Justification)
      Result["suppressions"] = Json::array(
          {{{"kind", "inSource"}, {"justification", *F.Justification}}});
    return Result;
  }

  Json notification(const RunProblem &P) const {
    Json N = {{"level", toString(P.Level)}, {"message", {{"text", P.Message}}}};
    if (P.Where)
      N["locations"] =
          Json::array({{{"physicalLocation", physicalLocation(*P.Where)}}});
    return N;
  }

  const SarifRun &Run;
  std::map<std::string, size_t> RuleIndex;
};

} // namespace

std::string sarifLog(const SarifRun &Run) {
  return jsonText(LogBuilder(Run).build(), 2) + "\n";
}

} // namespace pii
