//===- FreedMemoryTest.cpp - Freed memory given back to the system --------===//
//
// The link of a large program runs after its parses have freed gigabytes in
// the heap; unless they are given back, they stay resident under the link's
// own memory.
//
//===----------------------------------------------------------------------===//

#include "driver/FreedMemory.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <catch2/catch.hpp>

namespace {

/// This process's resident memory, in bytes, or 0 if the system does not
/// say.
long residentBytes() {
  long Pages = 0, Resident = 0;
  if (FILE *Statm = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(Statm, "%ld %ld", &Pages, &Resident) != 2)
      Resident = 0;
    std::fclose(Statm);
  }
  return Resident * 4096;
}

} // namespace

TEST_CASE("freed memory is given back to the system", "[driver]") {
#ifdef __GLIBC__
  // 64 MiB in blocks small enough to come from the heap rather than a
  // mapping of their own, freed but the last, which keeps the heap from
  // shrinking by itself.
  constexpr size_t Block = 4000, Count = 16 * 1024;
  std::vector<char *> Blocks;
  for (size_t I = 0; I < Count; ++I) {
    Blocks.push_back(static_cast<char *>(std::malloc(Block)));
    std::memset(Blocks.back(), 1, Block);
  }
  for (size_t I = 0; I + 1 < Count; ++I)
    std::free(Blocks[I]);
  long Before = residentBytes();
  pii::releaseFreedMemory();
  long After = residentBytes();
  std::free(Blocks.back());
  CHECK(Before - After > 32L << 20);
#endif
}
