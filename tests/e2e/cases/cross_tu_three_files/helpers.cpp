// Normalising and hashing, with bodies: neither removes the purpose.
#include "pipeline.h"

#include <cstdint>
#include <cstdio>

namespace util {

std::string g_lastKey;

std::string normalize(const std::string& phone) {
  std::string digits;
  for (char c : phone) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  return digits;  // $ note="returned by 'util::normalize'"
}

std::string sha256Hex(const std::string& data) {
  // Not SHA-256, but shaped like a digest: a 64-bit FNV-1a, hex-encoded.
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : data) h = (h ^ c) * 1099511628211ull;
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return std::string(buf);
}

std::string bucketOf(const std::string& data) {
  (void)data;
  return "bucket-7";
}

void remember(const std::string& key) { g_lastKey = key; }  // $ note="flows into 'util::g_lastKey'"

}  // namespace util
