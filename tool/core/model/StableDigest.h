//===- StableDigest.h - A digest the same in every process ------*- C++ -*-===//
//
// What one run keeps for the next (a body's shape, where its calls go, the
// program's classes) is compared in the next process by digest, so it is a
// digest of values, never of addresses: numbers, and symbols by their
// text's digest. The words are gathered in a small buffer, each full buffer
// hashed into the next, so that the digest of a large body allocates
// nothing.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_MODEL_STABLEDIGEST_H
#define PII_CORE_MODEL_STABLEDIGEST_H

#include "core/model/Symbol.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/xxhash.h"

#include <array>
#include <cstdint>
#include <initializer_list>

namespace pii {

class StableDigest {
public:
  void add(uint64_t Word) {
    if (Used == Buffer.size())
      flush();
    Buffer[Used++] = Word;
  }
  void add(Symbol S) { add(S.digest()); }

  uint64_t finish() {
    flush();
    return Buffer[0];
  }

  /// The digest of \p Words alone.
  static uint64_t of(std::initializer_list<uint64_t> Words) {
    StableDigest D;
    for (uint64_t Word : Words)
      D.add(Word);
    return D.finish();
  }

private:
  void flush() {
    Buffer[0] = llvm::xxh3_64bits(llvm::ArrayRef<uint8_t>(
        reinterpret_cast<const uint8_t *>(Buffer.data()),
        Used * sizeof(uint64_t)));
    Used = 1;
  }

  /// The digest so far, then the words since.
  std::array<uint64_t, 64> Buffer{};
  size_t Used = 1;
};

} // namespace pii

#endif // PII_CORE_MODEL_STABLEDIGEST_H
