//===- SarifBaseline.cpp --------------------------------------------------===//

#include "report/SarifBaseline.h"
#include "core/policy/JsonDocument.h"

namespace pii {

using Kind = JsonValue::Kind;

static llvm::Error notSarif(const JsonValue &At, const llvm::Twine &Why) {
  return llvm::make_error<PositionedError>(
      At.where(), "not a SARIF 2.1.0 log from pii-flow: " + Why.str());
}

static llvm::Expected<std::set<std::string>>
fingerprintsIn(llvm::Expected<JsonValue> Root) {
  if (!Root)
    return Root.takeError();
  const JsonValue *Version = Root->get("version");
  if (Root->kind() != Kind::Object || !Version ||
      Version->kind() != Kind::String || Version->string() != "2.1.0")
    return notSarif(*Root, "no \"version\": \"2.1.0\"");
  const JsonValue *Runs = Root->get("runs");
  if (!Runs || Runs->kind() != Kind::Array)
    return notSarif(*Root, "no \"runs\" array");
  std::set<std::string> Fingerprints;
  for (const JsonValue &Run : Runs->elements()) {
    const JsonValue *Results = Run.get("results");
    if (!Results)
      continue;
    if (Results->kind() != Kind::Array)
      return notSarif(*Results, "\"results\" is not an array");
    for (const JsonValue &Result : Results->elements()) {
      const JsonValue *Prints = Result.get("partialFingerprints");
      const JsonValue *Ours =
          Prints ? Prints->get("piiFlowFinding/v1") : nullptr;
      if (!Ours || Ours->kind() != Kind::String)
        return notSarif(Result, "a result without pii-flow's fingerprint");
      Fingerprints.insert(Ours->string());
    }
  }
  return Fingerprints;
}

llvm::Expected<std::set<std::string>> parseBaseline(llvm::StringRef Text) {
  return fingerprintsIn(parseJson(Text));
}

llvm::Expected<std::set<std::string>> readBaselineFile(llvm::StringRef Path) {
  return fingerprintsIn(readJsonFile(Path, "the baseline", MaxBaselineBytes));
}

} // namespace pii
