//===- SummaryJson.cpp ----------------------------------------------------===//
//
// nlohmann::json reports problems by throwing; the exceptions stop here and
// become llvm::Errors, so the rest of pii-flow never sees one.
//
//===----------------------------------------------------------------------===//

#include "core/SummaryJson.h"

#include <nlohmann/json.hpp>

using nlohmann::json;

// nlohmann 3.11 does not know std::optional: a sink kind is null or a string.
template <> struct nlohmann::adl_serializer<std::optional<std::string>> {
  static void to_json(json &J, const std::optional<std::string> &O) {
    J = O ? json(*O) : json(nullptr);
  }
  static void from_json(const json &J, std::optional<std::string> &O) {
    O = J.is_null() ? std::nullopt
                    : std::optional<std::string>(J.get<std::string>());
  }
};

namespace pii {

// Field names are short: summaries of a large program are read on every
// run. Each type has one to_json/from_json pair, found by nlohmann by ADL.

void to_json(json &J, const SourceSpot &S) { J = {S.File, S.Line, S.Column}; }
void from_json(const json &J, SourceSpot &S) {
  S = {J.at(0).get<std::string>(), J.at(1).get<unsigned>(),
       J.at(2).get<unsigned>()};
}

void to_json(json &J, const FlowStep &S) { J = {S.Where, S.Message}; }
void from_json(const json &J, FlowStep &S) {
  S = {J.at(0).get<SourceSpot>(), J.at(1).get<std::string>()};
}

void to_json(json &J, const Port &P) {
  J = {static_cast<int>(P.Kind), P.Index, P.Arg, P.Name, P.Path};
}
void from_json(const json &J, Port &P) {
  int Kind = J.at(0).get<int>();
  if (Kind < static_cast<int>(PortKind::Param) ||
      Kind > static_cast<int>(PortKind::CallArg))
    throw std::out_of_range("unknown port kind " + std::to_string(Kind));
  P.Kind = static_cast<PortKind>(Kind);
  P.Index = J.at(1).get<int>();
  P.Arg = J.at(2).get<int>();
  P.Name = J.at(3).get<std::string>();
  P.Path = J.at(4).get<FieldPath>();
}

void to_json(json &J, const Edge &E) { J = {E.From, E.To, E.Steps}; }
void from_json(const json &J, Edge &E) {
  E = {J.at(0).get<Port>(), J.at(1).get<Port>(),
       J.at(2).get<std::vector<FlowStep>>()};
}

void to_json(json &J, const SourceInfo &S) {
  J = {S.Purpose, S.OriginUsr, S.OriginName, S.OriginSpot};
}
void from_json(const json &J, SourceInfo &S) {
  S = {J.at(0).get<std::string>(), J.at(1).get<std::string>(),
       J.at(2).get<std::string>(), J.at(3).get<SourceSpot>()};
}

void to_json(json &J, const FunctionRef &R) {
  J = {R.Usr, R.Name, R.SinkKinds};
}
void from_json(const json &J, FunctionRef &R) {
  R = {J.at(0).get<std::string>(), J.at(1).get<std::string>(),
       J.at(2).get<std::vector<std::optional<std::string>>>()};
}

// Records with named fields: one list serves both directions, so writer and
// reader cannot drift apart.
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(CallSite, Callees, CalleeName, Virtual,
                                   Where, ArgSpots, SinkKinds, OutputArgs,
                                   HasObject, MutatesObject, ReturnsValue,
                                   Declassifies, CalleeParam, FunctionArgs,
                                   ForwardedParams)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(FunctionSummary, Usr, Name, Where, Overrides,
                                   Calls, Edges)

/// What the link step relies on and JSON cannot say: lists of one length,
/// and ports that refer to call sites that exist.
static void checkFunction(const FunctionSummary &F) {
  for (const CallSite &C : F.Calls) {
    size_t Args = C.ArgSpots.size();
    if (C.SinkKinds.size() != Args || C.OutputArgs.size() != Args ||
        C.FunctionArgs.size() != Args || C.ForwardedParams.size() != Args)
      throw std::out_of_range("call site argument lists differ in length");
  }
  for (const Edge &E : F.Edges)
    for (const Port *P : {&E.From, &E.To})
      if ((P->Kind == PortKind::CallArg || P->Kind == PortKind::CallResult ||
           P->Kind == PortKind::CallOut) &&
          (P->Index < 0 || static_cast<size_t>(P->Index) >= F.Calls.size()))
        throw std::out_of_range("edge refers to call site " +
                                std::to_string(P->Index) + " of " +
                                std::to_string(F.Calls.size()));
}

void to_json(json &J, const Approximation &A) {
  J = {A.Kind, A.Where, A.Detail};
}
void from_json(const json &J, Approximation &A) {
  A = {J.at(0).get<std::string>(), J.at(1).get<SourceSpot>(),
       J.at(2).get<std::string>()};
}

void to_json(json &J, const TranslationUnitSummary &U) {
  J = json{{"file", U.File},
           {"sources", U.Sources},
           {"functions", U.Functions},
           {"approximations", U.Approximations}};
}

/// Reads one unit; errors say which function is wrong.
static TranslationUnitSummary readUnit(const json &J) {
  TranslationUnitSummary Unit;
  J.at("file").get_to(Unit.File);
  J.at("sources").get_to(Unit.Sources);
  J.at("approximations").get_to(Unit.Approximations);
  const json &Functions = J.at("functions");
  for (size_t I = 0; I < Functions.size(); ++I) {
    try {
      Unit.Functions.push_back(Functions.at(I).get<FunctionSummary>());
      checkFunction(Unit.Functions.back());
    } catch (const std::exception &E) {
      throw std::out_of_range("function " + std::to_string(I) + ": " +
                              E.what());
    }
  }
  for (const FunctionSummary &F : Unit.Functions)
    for (const Edge &E : F.Edges)
      if (E.From.Kind == PortKind::Source &&
          (E.From.Index < 0 ||
           static_cast<size_t>(E.From.Index) >= Unit.Sources.size()))
        throw std::out_of_range("function '" + F.Name + "' refers to source " +
                                std::to_string(E.From.Index) + " of " +
                                std::to_string(Unit.Sources.size()));
  return Unit;
}

std::string summariesToJson(const std::vector<TranslationUnitSummary> &Units) {
  return json{{"format", SummaryFormatVersion}, {"units", Units}}.dump();
}

llvm::Expected<std::vector<TranslationUnitSummary>>
summariesFromJson(llvm::StringRef Text, llvm::StringRef Name) {
  auto Fail = [&](const std::string &What) {
    return llvm::createStringError(Name +
                                   ": not a valid pii-flow summary: " + What);
  };
  json J = json::parse(Text.begin(), Text.end(), nullptr,
                       /*allow_exceptions=*/false);
  if (J.is_discarded())
    return Fail("malformed JSON");
  try {
    int Format = J.at("format").get<int>();
    if (Format != SummaryFormatVersion)
      return Fail("format " + std::to_string(Format) + ", expected " +
                  std::to_string(SummaryFormatVersion));
    std::vector<TranslationUnitSummary> Units;
    for (const json &Unit : J.at("units"))
      Units.push_back(readUnit(Unit));
    return Units;
  } catch (const std::exception &E) {
    return Fail(E.what());
  }
}

} // namespace pii
