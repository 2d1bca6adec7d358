#include "util/hash.h"

#include <cctype>
#include <cstdint>
#include <cstdio>

namespace util {

std::string normalizePhone(const std::string& phone) {
  std::string digits;
  for (char c : phone)
    if (std::isdigit(static_cast<unsigned char>(c)))
      digits += c;
  return digits;
}

// Stand-in for SHA-256 so that the example needs no crypto library: four
// FNV-1a 64-bit lanes with different seeds give a deterministic 64-digit
// hex string of the same shape. For pii-flow it makes no difference: a hash
// of personal data still carries the data's purpose.
std::string sha256Hex(const std::string& data) {
  std::string hex;
  for (std::uint64_t lane = 0; lane < 4; ++lane) {
    std::uint64_t h = 0xcbf29ce484222325ULL ^ lane;
    for (unsigned char c : data)
      h = (h ^ c) * 0x100000001b3ULL;
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    hex += buf;
  }
  return hex;
}

} // namespace util
