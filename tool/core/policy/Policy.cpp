//===- Policy.cpp ---------------------------------------------------------===//

#include "core/policy/Policy.h"
#include "core/policy/LibraryModels.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>

namespace pii {

static bool contains(const std::vector<std::string> &Names,
                     const std::string &Name) {
  return std::find(Names.begin(), Names.end(), Name) != Names.end();
}

bool Rule::forbids(const std::string &Purpose,
                   const std::string &SinkKind) const {
  return contains(From, Purpose) && contains(To, SinkKind);
}

Policy Policy::builtin() {
  Rule SecurityToAds;
  SecurityToAds.Id = "security-to-advertising";
  SecurityToAds.From = {"security"};
  SecurityToAds.To = {"advertising", "marketing"};
  SecurityToAds.Description =
      "Data collected for security (two-factor authentication, account "
      "recovery) must not be used for advertising or marketing.";
  Policy Builtin;
  Builtin.Rules = {SecurityToAds};
  Builtin.Propagations = libraryModels();
  return Builtin;
}

std::vector<const Rule *>
Policy::rulesBrokenBy(const std::string &Purpose,
                      const std::string &SinkKind) const {
  std::vector<const Rule *> Broken;
  for (const Rule &R : Rules)
    if (R.forbids(Purpose, SinkKind))
      Broken.push_back(&R);
  return Broken;
}

bool NamedSink::appliesTo(unsigned ArgIndex) const {
  return !Args || llvm::is_contained(*Args, ArgIndex);
}

/// The names in \p Lists, sorted, each once.
template <typename ListsFn>
static std::vector<llvm::StringRef> namesIn(const std::vector<Rule> &Rules,
                                            ListsFn List) {
  std::vector<llvm::StringRef> Names;
  for (const Rule &R : Rules)
    Names.insert(Names.end(), List(R).begin(), List(R).end());
  llvm::sort(Names);
  Names.erase(std::unique(Names.begin(), Names.end()), Names.end());
  return Names;
}

std::vector<llvm::StringRef> Policy::purposes() const {
  return namesIn(
      Rules, [](const Rule &R) -> const auto & { return R.From; });
}

std::vector<llvm::StringRef> Policy::sinkKinds() const {
  return namesIn(
      Rules, [](const Rule &R) -> const auto & { return R.To; });
}

std::string Policy::fingerprint() const {
  std::string Text;
  auto Add = [&](llvm::StringRef Part) {
    Text += Part;
    Text += '\0';
  };
  for (const Rule &R : Rules) {
    Add(R.Id);
    Add(llvm::join(R.From, ","));
    Add(llvm::join(R.To, ","));
    Add(toString(R.Level));
    Add(R.Description);
  }
  for (const auto *Purposes :
       {&FieldPurposes, &VariablePurposes, &FunctionPurposes}) {
    Add("purposes");
    for (const auto &[Name, List] : *Purposes) {
      Add(Name);
      Add(llvm::join(List, ","));
    }
  }
  Add("sinks");
  for (const auto &[Name, List] : Sinks)
    for (const NamedSink &Sink : List) {
      Add(Name);
      Add(Sink.Kind);
      std::string Args = "all";
      if (Sink.Args)
        Args = llvm::join(
            llvm::map_range(*Sink.Args,
                            [](unsigned A) { return std::to_string(A); }),
            ",");
      Add(Args);
    }
  Add(UnknownNamesAreErrors ? "unknown names: errors" : "unknown names");
  Add("declassifiers");
  for (const auto &[Name, Reason] : Declassifiers) {
    Add(Name);
    Add(Reason);
  }
  Add("propagations");
  for (const auto &[Name, Model] : Propagations) {
    Add(Name);
    Add(Model.fingerprint());
  }
  // Extraction looks these up, and its summaries say which it found.
  Add("named");
  for (const PolicyName &Named : NamedInFiles) {
    Add(toString(Named.Kind));
    Add(Named.Name);
  }
  return Text;
}

bool holdsControlCharacter(llvm::StringRef Name) {
  return llvm::any_of(Name, [](char C) {
    return static_cast<unsigned char>(C) < 0x20 || C == 0x7f;
  });
}

const char *toString(DeclarationKind Kind) {
  switch (Kind) {
  case DeclarationKind::Field:
    return "field";
  case DeclarationKind::Variable:
    return "variable";
  case DeclarationKind::Function:
    return "function";
  }
  return "function";
}

const char *toString(RuleLevel Level) {
  switch (Level) {
  case RuleLevel::Error:
    return "error";
  case RuleLevel::Warning:
    return "warning";
  case RuleLevel::Note:
    return "note";
  }
  return "error";
}

} // namespace pii
