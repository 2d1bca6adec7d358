//===- PolicyFile.cpp -----------------------------------------------------===//

#include "core/policy/PolicyFile.h"
#include "core/policy/Spelling.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <cmath>
#include <set>

namespace pii {
namespace {

using Kind = JsonValue::Kind;

/// Walks one policy file's document, checking it against the schema and
/// adding what it says to \p Into; stops at the first problem, which it
/// keeps.
class PolicyReader {
public:
  PolicyReader(PolicyBuilder::State &Into, llvm::StringRef File)
      : Into(Into), File(File) {}

  llvm::Error read(const JsonValue &Root) {
    if (readTop(Root))
      return llvm::Error::success();
    return llvm::make_error<PositionedError>(FailedAt, FailMessage);
  }

private:
  bool fail(TextPosition Where, const llvm::Twine &Message) {
    FailedAt = Where;
    FailMessage = Message.str();
    return false;
  }

  bool expectKind(const JsonValue &V, Kind K, const llvm::Twine &What) {
    if (V.kind() == K)
      return true;
    return fail(V.where(), What + " must be " + JsonValue::describe(K) +
                               ", not " + JsonValue::describe(V.kind()));
  }

  /// \p Object is an object whose keys are among \p Known.
  bool knownKeys(const JsonValue &Object, llvm::StringRef What,
                 llvm::ArrayRef<llvm::StringRef> Known) {
    if (!expectKind(Object, Kind::Object, What))
      return false;
    for (const JsonMember &M : Object.members())
      if (!llvm::is_contained(Known, M.Key))
        return fail(M.KeyWhere, "unknown key \"" + M.Key + "\" in " + What +
                                    didYouMean(M.Key, Known) +
                                    "; known keys: " + llvm::join(Known, ", "));
    return true;
  }

  /// A non-empty string at \p Key of \p Object.
  bool text(const JsonValue &Object, llvm::StringRef Key, llvm::StringRef What,
            std::string &Out, bool Required = true) {
    const JsonValue *V = Object.get(Key);
    if (!V)
      return !Required || fail(Object.where(), What + " needs \"" + Key + "\"");
    if (!expectKind(*V, Kind::String, "\"" + Key + "\""))
      return false;
    if (V->string().empty())
      return fail(V->where(), "\"" + Key + "\" must not be empty");
    // A description is prose; everything else a name printed in one line.
    if (Key != "description" && holdsControlCharacter(V->string()))
      return fail(V->where(), "\"" + Key +
                                  "\" must not hold a control character "
                                  "(a line break, a tab)");
    Out = V->string();
    return true;
  }

  /// A non-empty array of non-empty strings at \p Key of \p Object; their
  /// positions go to \p Where when asked for.
  bool texts(const JsonValue &Object, llvm::StringRef Key, llvm::StringRef What,
             std::vector<std::string> &Out,
             std::vector<TextPosition> *Where = nullptr) {
    const JsonValue *V = Object.get(Key);
    if (!V)
      return fail(Object.where(), What + " needs \"" + Key + "\"");
    if (!expectKind(*V, Kind::Array, "\"" + Key + "\""))
      return false;
    if (V->elements().empty())
      return fail(V->where(), "\"" + Key + "\" must name at least one");
    for (const JsonValue &E : V->elements()) {
      if (!expectKind(E, Kind::String, "each of \"" + Key + "\""))
        return false;
      if (E.string().empty())
        return fail(E.where(), "\"" + Key + "\" must not hold an empty name");
      if (holdsControlCharacter(E.string()))
        return fail(E.where(), "\"" + Key +
                                   "\" must not hold a name with a control "
                                   "character (a line break, a tab)");
      Out.push_back(E.string());
      if (Where)
        Where->push_back(E.where());
    }
    return true;
  }

  /// Calls \p Entry on each element of the array at \p Key, if present.
  template <typename Fn>
  bool eachEntry(const JsonValue &Root, llvm::StringRef Key, Fn Entry) {
    const JsonValue *List = Root.get(Key);
    if (!List)
      return true;
    if (!expectKind(*List, Kind::Array, "\"" + Key + "\""))
      return false;
    return llvm::all_of(List->elements(), Entry);
  }

  bool readTop(const JsonValue &Root) {
    if (!knownKeys(
            Root, "the policy",
            {"rules", "sources", "sinks", "declassifiers", "propagations"}))
      return false;
    return eachEntry(Root, "rules",
                     [&](const JsonValue &E) { return readRule(E); }) &&
           eachEntry(Root, "sources",
                     [&](const JsonValue &E) { return readSource(E); }) &&
           eachEntry(Root, "sinks",
                     [&](const JsonValue &E) { return readSink(E); }) &&
           eachEntry(Root, "declassifiers",
                     [&](const JsonValue &E) { return readDeclassifier(E); }) &&
           eachEntry(Root, "propagations",
                     [&](const JsonValue &E) { return readPropagation(E); });
  }

  bool readRule(const JsonValue &E) {
    const char *What = "a rule";
    Rule R;
    std::string Level = "error";
    if (!knownKeys(E, What, {"id", "from", "to", "level", "description"}) ||
        !text(E, "id", What, R.Id) || !texts(E, "from", What, R.From) ||
        !texts(E, "to", What, R.To) ||
        !text(E, "level", What, Level, /*Required=*/false) ||
        !text(E, "description", What, R.Description, /*Required=*/false))
      return false;
    TextPosition IdWhere = E.get("id")->where();
    if (!FileRuleIds.insert(R.Id).second)
      return fail(IdWhere, "a second rule with id \"" + R.Id + "\"");
    if (Level == "error")
      R.Level = RuleLevel::Error;
    else if (Level == "warning")
      R.Level = RuleLevel::Warning;
    else if (Level == "note")
      R.Level = RuleLevel::Note;
    else
      return fail(E.get("level")->where(),
                  "unknown \"level\" \"" + Level + "\"" +
                      didYouMean(Level, {"error", "warning", "note"}) +
                      "; a level is \"error\", \"warning\" or \"note\"");
    auto [Defined, New] =
        Into.RulesFromFiles.try_emplace(R.Id, File.str(), IdWhere);
    if (!New)
      return fail(IdWhere,
                  "a rule with id \"" + R.Id + "\" is also defined in " +
                      Defined->second.first + ":" +
                      std::to_string(Defined->second.second.Line) + ":" +
                      std::to_string(Defined->second.second.Column) +
                      "; each id may be defined once");
    std::vector<Rule> &Rules = Into.Rules.Rules;
    auto [Same, Added] = Into.RuleIndex.try_emplace(R.Id, Rules.size());
    if (Added) {
      Rules.push_back(std::move(R));
      return true;
    }
    // The built-in rule, replaced.
    Rule &Old = Rules[Same->second];
    if (R.Description.empty())
      R.Description = Old.Description;
    Old = std::move(R);
    return true;
  }

  bool readSource(const JsonValue &E) {
    const char *What = "a source";
    if (!knownKeys(E, What, {"field", "function", "variable", "purposes"}))
      return false;
    std::vector<llvm::StringRef> Named;
    for (llvm::StringRef Key : {"field", "function", "variable"})
      if (E.get(Key))
        Named.push_back(Key);
    if (Named.size() != 1)
      return fail(E.where(), "a source names exactly one of \"field\", "
                             "\"function\" or \"variable\"");
    std::string Name;
    std::vector<std::string> Purposes;
    std::vector<TextPosition> Where;
    if (!text(E, Named.front(), What, Name) ||
        !texts(E, "purposes", What, Purposes, &Where))
      return false;
    DeclarationKind Declared = Named.front() == "field" ? DeclarationKind::Field
                               : Named.front() == "function"
                                   ? DeclarationKind::Function
                                   : DeclarationKind::Variable;
    auto &Map = Declared == DeclarationKind::Field ? Into.Rules.FieldPurposes
                : Declared == DeclarationKind::Function
                    ? Into.Rules.FunctionPurposes
                    : Into.Rules.VariablePurposes;
    name(E, Named.front(), Declared, Name);
    std::vector<std::string> &Known = Map[qualified(Name)];
    for (size_t I = 0; I < Purposes.size(); ++I) {
      Into.PurposesUsed.push_back({Purposes[I], File.str(), Where[I]});
      if (!llvm::is_contained(Known, Purposes[I]))
        Known.push_back(Purposes[I]);
    }
    return true;
  }

  bool readSink(const JsonValue &E) {
    const char *What = "a sink";
    std::string Function;
    NamedSink Sink;
    if (!knownKeys(E, What, {"function", "kind", "args"}) ||
        !text(E, "function", What, Function) ||
        !text(E, "kind", What, Sink.Kind))
      return false;
    Into.SinkKindsUsed.push_back(
        {Sink.Kind, File.str(), E.get("kind")->where()});
    if (const JsonValue *Args = E.get("args")) {
      if (!expectKind(*Args, Kind::Array, "\"args\""))
        return false;
      Sink.Args.emplace();
      for (const JsonValue &A : Args->elements()) {
        if (!isArgumentIndex(A))
          return fail(A.where(), "each of \"args\" must be a 0-based "
                                 "argument index (0, 1, ...)");
        Sink.Args->push_back(static_cast<unsigned>(A.number()));
      }
    }
    name(E, "function", DeclarationKind::Function, Function);
    Into.Rules.Sinks[qualified(Function)].push_back(std::move(Sink));
    return true;
  }

  bool readDeclassifier(const JsonValue &E) {
    const char *What = "a declassifier";
    std::string Function, Reason;
    if (!knownKeys(E, What, {"function", "reason"}) ||
        !text(E, "function", What, Function) ||
        !text(E, "reason", What, Reason))
      return false;
    name(E, "function", DeclarationKind::Function, Function);
    // The first reason given is kept: it only explains.
    Into.Rules.Declassifiers.try_emplace(qualified(Function), Reason);
    return true;
  }

  /// Whether \p V is a 0-based argument index.
  static bool isArgumentIndex(const JsonValue &V) {
    double N = V.number();
    return V.kind() == Kind::Number && N >= 0 && N == std::floor(N) &&
           N <= 1 << 16;
  }

  bool readPropagation(const JsonValue &E) {
    const char *What = "a propagation";
    std::string Function;
    if (!knownKeys(E, What, {"function", "from", "to"}) ||
        !text(E, "function", What, Function))
      return false;
    const JsonValue *From = E.get("from");
    const JsonValue *To = E.get("to");
    if (!From && !To)
      return fail(E.where(), "a propagation needs \"from\" or \"to\" (or "
                             "both): without them it says what a function "
                             "without a body does anyway");
    Propagation P;
    if (From) {
      if (!expectKind(*From, Kind::Array, "\"from\""))
        return false;
      P.FromArgs.emplace();
      P.FromObject = false;
      bool AllArgs = false;
      for (const JsonValue &A : From->elements()) {
        if (isArgumentIndex(A))
          P.FromArgs->push_back(static_cast<unsigned>(A.number()));
        else if (A.kind() == Kind::String && A.string() == "args")
          AllArgs = true;
        else if (A.kind() == Kind::String && A.string() == "this")
          P.FromObject = true;
        else
          return fail(A.where(), "each of \"from\" is a 0-based argument "
                                 "index (0, 1, ...), \"args\" (every "
                                 "argument) or \"this\"");
      }
      if (AllArgs)
        P.FromArgs.reset();
    }
    if (To) {
      if (!expectKind(*To, Kind::Array, "\"to\""))
        return false;
      P.ToArgs.emplace();
      P.ToResult = false;
      P.ToObject = false;
      for (const JsonValue &A : To->elements()) {
        if (isArgumentIndex(A))
          P.ToArgs->push_back(static_cast<unsigned>(A.number()));
        else if (A.kind() == Kind::String && A.string() == "return")
          P.ToResult = true;
        else if (A.kind() == Kind::String && A.string() == "this")
          P.ToObject = true;
        else
          return fail(A.where(), "each of \"to\" is a 0-based argument "
                                 "index (0, 1, ...), \"return\" or \"this\"");
      }
    }
    name(E, "function", DeclarationKind::Function, Function);
    // The last entry for a function holds, over the built-in one too.
    Into.Rules.Propagations[qualified(Function)] = std::move(P);
    return true;
  }

  /// Notes that \p Entry names \p Name, a declaration of kind \p Kind, at
  /// its \p Key.
  void name(const JsonValue &Entry, llvm::StringRef Key, DeclarationKind Kind,
            llvm::StringRef Name) {
    Into.NamesUsed.push_back(
        {{Kind, qualified(Name)}, File.str(), Entry.get(Key)->where()});
  }

  /// "::ns::f" and "ns::f" name the same function.
  static std::string qualified(llvm::StringRef Name) {
    Name.consume_front("::");
    return Name.str();
  }

  PolicyBuilder::State &Into;
  llvm::StringRef File;
  std::set<std::string> FileRuleIds;
  TextPosition FailedAt;
  std::string FailMessage;
};

} // namespace

PolicyBuilder::PolicyBuilder() {
  Built.Rules = Policy::builtin();
  for (size_t I = 0; I < Built.Rules.Rules.size(); ++I)
    Built.RuleIndex.emplace(Built.Rules.Rules[I].Id, I);
}

llvm::Error PolicyBuilder::add(llvm::StringRef Text, llvm::StringRef Name) {
  llvm::Expected<JsonValue> Root = parseJson(Text);
  if (!Root)
    return Root.takeError();
  return PolicyReader(Built, Name).read(*Root);
}

llvm::Error PolicyBuilder::addFile(llvm::StringRef Path) {
  llvm::Expected<JsonValue> Root =
      readJsonFile(Path, "the policy file", MaxPolicyFileBytes);
  if (!Root)
    return Root.takeError();
  return PolicyReader(Built, Path).read(*Root);
}

/// A warning for each of \p Used that no rule names as one of \p Named.
static void warnAboutUnnamed(const std::vector<PolicyBuilder::Use> &Used,
                             const std::vector<llvm::StringRef> &Named,
                             llvm::StringRef What, llvm::StringRef Consequence,
                             std::vector<PolicyWarning> &Out) {
  for (const PolicyBuilder::Use &U : Used)
    if (!std::binary_search(Named.begin(), Named.end(),
                            llvm::StringRef(U.Name)))
      Out.push_back({U.File, U.Where,
                     "no rule names the " + What.str() + " \"" + U.Name + "\"" +
                         didYouMean(U.Name, Named) + "; " + Consequence.str()});
}

PolicyFile PolicyBuilder::finish() && {
  PolicyFile Out;
  // Checked against every file's rules: a purpose may be named by a rule of
  // another file.
  warnAboutUnnamed(Built.PurposesUsed, Built.Rules.purposes(), "purpose",
                   "values with it are not checked", Out.Warnings);
  warnAboutUnnamed(Built.SinkKindsUsed, Built.Rules.sinkKinds(), "sink kind",
                   "nothing reaching it is checked", Out.Warnings);
  Out.Rules = std::move(Built.Rules);
  std::vector<PolicyName> &Named = Out.Rules.NamedInFiles;
  for (const PolicyNameUse &Use : Built.NamesUsed)
    Named.push_back(Use.Named);
  llvm::sort(Named);
  Named.erase(std::unique(Named.begin(), Named.end()), Named.end());
  Out.Names = std::move(Built.NamesUsed);
  return Out;
}

llvm::Expected<PolicyFile> parsePolicy(llvm::StringRef Text) {
  PolicyBuilder Builder;
  if (llvm::Error E = Builder.add(Text, "<policy>"))
    return E;
  return std::move(Builder).finish();
}

llvm::Expected<PolicyFile> readPolicyFile(llvm::StringRef Path) {
  PolicyBuilder Builder;
  if (llvm::Error E = Builder.addFile(Path))
    return E;
  return std::move(Builder).finish();
}

} // namespace pii
