// Helpers that turn contact details into stable matching keys.
#pragma once

#include <string>

namespace util {

// Keeps only the digits: "+1 (415) 555-0134" -> "14155550134".
std::string normalizePhone(const std::string& phone);

// Lower-case hex digest of `data`.
std::string sha256Hex(const std::string& data);

} // namespace util
