//===- LspJson.cpp --------------------------------------------------------===//

#include "clangd/LspJson.h"

#include <limits>

namespace pii {

using Json = nlohmann::json;

Json parseMessage(const std::string &Content) {
  bool TooDeep = false;
  // The parser itself keeps its own stack; the callback sees each depth.
  Json Message = Json::parse(
      Content,
      [&](int Depth, Json::parse_event_t, Json &) {
        TooDeep |= Depth > MaxMessageDepth;
        return !TooDeep;
      },
      /*allow_exceptions=*/false);
  return TooDeep ? Json(Json::value_t::discarded) : Message;
}

const Json &memberOf(const Json &Object, const char *Key) {
  static const Json Null;
  if (!Object.is_object())
    return Null;
  auto It = Object.find(Key);
  return It == Object.end() ? Null : *It;
}

std::string stringAt(const Json &Object, const char *Key) {
  const Json &Member = memberOf(Object, Key);
  return Member.is_string() ? Member.get<std::string>() : std::string();
}

unsigned unsignedAt(const Json &Object, const char *Key) {
  const Json &Member = memberOf(Object, Key);
  if (!Member.is_number_unsigned() ||
      Member.get<uint64_t>() > std::numeric_limits<unsigned>::max())
    return 0;
  return Member.get<unsigned>();
}

} // namespace pii
