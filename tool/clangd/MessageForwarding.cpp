//===- MessageForwarding.cpp ----------------------------------------------===//

#include "clangd/MessageForwarding.h"
#include "clangd/LspJson.h"
#include "report/JsonText.h"
#include "report/Uri.h"

#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/raw_ostream.h"

namespace pii {
namespace {

using Json = nlohmann::json;

/// The analysis a document notification calls for, if any.
std::optional<AnalysisQueue::Event> eventOf(llvm::StringRef Method) {
  return llvm::StringSwitch<std::optional<AnalysisQueue::Event>>(Method)
      .Case("textDocument/didOpen", AnalysisQueue::Event::Open)
      .Case("textDocument/didSave", AnalysisQueue::Event::Save)
      .Case("textDocument/didChange", AnalysisQueue::Event::Change)
      .Default(std::nullopt);
}

/// Follows the editor's documents in \p Content, a message from the
/// editor: their texts, and the analyses their changes call for.
void followDocuments(const std::string &Content, DocumentTexts &Texts,
                     AnalysisQueue *Analysis) {
  Json Message = parseMessage(Content);
  std::string Method = stringAt(Message, "method");
  const Json &Params = memberOf(Message, "params");
  if (Method == "initialize" && Analysis) {
    const Json &Related = memberOf(
        memberOf(memberOf(memberOf(Params, "capabilities"), "textDocument"),
                 "publishDiagnostics"),
        "relatedInformation");
    Analysis->setRelatedInformation(Related.is_boolean() &&
                                    Related.get<bool>());
  } else if (llvm::StringRef(Method).starts_with("textDocument/did")) {
    Texts.update(Method, Params);
    std::optional<AnalysisQueue::Event> What = eventOf(Method);
    if (Analysis && What)
      Analysis->request(
          pathOfFileUri(stringAt(memberOf(Params, "textDocument"), "uri")),
          *What);
  }
}

/// \p Content, a message from clangd, with pii-flow's diagnostics merged
/// in if it publishes diagnostics; "" if it does not.
std::string mergedDiagnostics(const std::string &Content,
                              DiagnosticMerger &Merger) {
  Json Message = parseMessage(Content);
  if (stringAt(Message, "method") != "textDocument/publishDiagnostics")
    return "";
  Message["params"] = Merger.fromClangd(memberOf(Message, "params"));
  return jsonText(Message);
}

} // namespace

void forwardToClangd(LspReader &Editor, LspWriter &Clangd, DocumentTexts &Texts,
                     AnalysisQueue *Analysis) {
  while (std::optional<std::string> Content = Editor.read()) {
    // Whatever the message holds, clangd gets it as it came.
    try {
      followDocuments(*Content, Texts, Analysis);
    } catch (const std::exception &E) {
      llvm::errs() << "pii-clangd: cannot follow a message from the editor: "
                   << E.what() << '\n';
    }
    if (!Clangd.write(*Content))
      break;
  }
}

void forwardToEditor(LspReader &Clangd, LspWriter &Editor,
                     DiagnosticMerger &Merger) {
  while (std::optional<std::string> Content = Clangd.read()) {
    // A message we cannot merge goes to the editor as clangd sent it.
    std::string Merged;
    try {
      Merged = mergedDiagnostics(*Content, Merger);
    } catch (const std::exception &E) {
      llvm::errs() << "pii-clangd: cannot merge a message from clangd: "
                   << E.what() << '\n';
    }
    Editor.write(Merged.empty() ? *Content : Merged);
  }
}

} // namespace pii
