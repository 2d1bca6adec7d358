//===- DiagnosticMerger.h - One publish per file, both sources --*- C++ -*-===//
//
// Most clients keep only the last textDocument/publishDiagnostics for a URI,
// so clangd's diagnostics and pii-flow's go out together: the merger keeps
// the latest of each per URI and answers every change with the union.
// clangd's "unknown attribute ignored" warnings for pii:: attributes (stock
// clangd does not know them) are dropped, and only those.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CLANGD_DIAGNOSTICMERGER_H
#define PII_CLANGD_DIAGNOSTICMERGER_H

#include "clangd/DocumentTexts.h"

#include <nlohmann/json.hpp>

#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace pii {

class DiagnosticMerger {
public:
  explicit DiagnosticMerger(DocumentTexts &Texts) : Texts(Texts) {}

  /// clangd's publishDiagnostics params; returns the merged params to send.
  nlohmann::json fromClangd(const nlohmann::json &Params);
  /// pii-flow's diagnostics for every file with findings; returns the
  /// params to publish for each URI whose pii-flow diagnostics changed
  /// (including those that have none any more).
  std::vector<nlohmann::json>
  fromAnalysis(std::map<std::string, nlohmann::json> ByUri);

private:
  /// Whether clangd's \p D is about a pii:: attribute it does not know.
  bool isUnknownPiiAttribute(const std::string &Uri,
                             const nlohmann::json &D) const;
  nlohmann::json merged(const std::string &Uri) const;

  DocumentTexts &Texts;
  std::mutex Lock;
  std::map<std::string, nlohmann::json> Clangd;
  std::map<std::string, nlohmann::json> PiiFlow;
  /// The version clangd last published each URI for.
  std::map<std::string, nlohmann::json> Versions;
};

} // namespace pii

#endif // PII_CLANGD_DIAGNOSTICMERGER_H
