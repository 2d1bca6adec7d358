//===- DiagnosticMerger.cpp -----------------------------------------------===//

#include "clangd/DiagnosticMerger.h"
#include "clangd/LspJson.h"
#include "core/analysis/Annotations.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"

namespace pii {

using Json = nlohmann::json;

bool DiagnosticMerger::isUnknownPiiAttribute(const std::string &Uri,
                                             const Json &D) const {
  if (stringAt(D, "code") != "-Wunknown-attributes")
    return false;
  // The message names the attribute without its namespace; the text under
  // the range has it. Only the names pii-flow knows are dropped: for any
  // other, clangd's warning stays, beside pii-flow's error.
  const Json &Start = memberOf(memberOf(D, "range"), "start");
  std::optional<std::string> Text = Texts.lineFrom(
      Uri, unsignedAt(Start, "line"), unsignedAt(Start, "character"));
  if (!Text)
    return false;
  llvm::StringRef Name = llvm::StringRef(*Text).ltrim();
  if (!Name.consume_front("pii::"))
    return false;
  Name = Name.take_while([](char C) { return llvm::isAlnum(C) || C == '_'; });
  return llvm::is_contained(PiiAttributeNames, Name);
}

Json DiagnosticMerger::merged(const std::string &Uri) const {
  Json All = Json::array();
  if (auto It = Clangd.find(Uri); It != Clangd.end())
    for (const Json &D : It->second)
      if (!isUnknownPiiAttribute(Uri, D))
        All.push_back(D);
  if (auto It = PiiFlow.find(Uri); It != PiiFlow.end())
    for (const Json &D : It->second)
      All.push_back(D);
  Json Params = {{"uri", Uri}, {"diagnostics", std::move(All)}};
  if (auto It = Versions.find(Uri); It != Versions.end())
    Params["version"] = It->second;
  return Params;
}

Json DiagnosticMerger::fromClangd(const Json &Params) {
  std::string Uri = stringAt(Params, "uri");
  const Json &Diagnostics = memberOf(Params, "diagnostics");
  std::lock_guard<std::mutex> Guard(Lock);
  Clangd[Uri] = Diagnostics.is_array() ? Diagnostics : Json::array();
  if (const Json &Version = memberOf(Params, "version"); !Version.is_null())
    Versions[Uri] = Version;
  return merged(Uri);
}

std::vector<Json>
DiagnosticMerger::fromAnalysis(std::map<std::string, Json> ByUri) {
  std::lock_guard<std::mutex> Guard(Lock);
  std::vector<Json> Publish;
  for (auto &[Uri, Old] : PiiFlow)
    if (!ByUri.count(Uri))
      ByUri[Uri] = Json::array(); // its findings are gone
  for (auto &[Uri, Diagnostics] : ByUri) {
    Json &Known = PiiFlow[Uri];
    if (Known == Diagnostics)
      continue;
    Known = std::move(Diagnostics);
    Publish.push_back(merged(Uri));
  }
  for (auto It = PiiFlow.begin(); It != PiiFlow.end();)
    It = It->second.empty() ? PiiFlow.erase(It) : std::next(It);
  return Publish;
}

} // namespace pii
