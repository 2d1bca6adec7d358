//===- FunctionPool.h - A program's function summaries, once -*- C++ -*-===//
//
// A header's inline and template functions are summarized in every unit
// that includes the header, alike. Held as each unit decodes them, a
// program of many units holds each such summary as many times as it has
// units: on tdlib, gigabytes before the link starts. The pool holds each
// distinct summary once, and the units share it (SharedFunction); the
// link then also meets each body once rather than once a unit.
//
// Summaries are the same when they hold the same values: their archive
// forms (store/Archive.h) are the same. Two that differ (a function whose
// units see different macros, or that breaks the one-definition rule) are
// both kept; the link index says how many there are. A unit's archive
// holds each function as an archive of its own, so a unit read through
// the pool (decodeSummaries) decodes only the functions no unit read
// before: a header's, once per program.
//
//===----------------------------------------------------------------------===//

#ifndef PII_DRIVER_FUNCTIONPOOL_H
#define PII_DRIVER_FUNCTIONPOOL_H

#include "core/model/Summary.h"
#include "store/Archive.h"

#include "llvm/ADT/DenseMap.h"

#include <array>
#include <cstdint>
#include <mutex>

namespace pii {

class FunctionPool : public SharedValues<FunctionSummary> {
public:
  /// Replaces each of \p Unit's functions, made by this process rather
  /// than read, with the pool's summary equal to it, adding those the pool
  /// has not. Safe from any thread, as find and keep are.
  void intern(TranslationUnitSummary &Unit);

  SharedFunction find(uint64_t Digest) override;
  SharedFunction keep(uint64_t Digest, SharedFunction F) override;

  /// Forgets the summaries no unit holds any longer: those of units that
  /// were replaced.
  void prune();

  /// How many distinct summaries the pool holds.
  size_t size();

private:
  /// Every thread unpacking a unit asks the pool for each of its
  /// functions, millions of times on a large program: one lock would keep
  /// them waiting on each other. Each shard holds the digests that end in
  /// its number.
  struct Shard {
    std::mutex Lock;
    /// By the digest of their archive forms (sharedValueDigest), as
    /// keyOf makes it a key.
    llvm::DenseMap<uint64_t, SharedFunction> Functions;
  };
  /// \p Digest as a key of an open-addressing table (a lookup per function
  /// of every unit), which keeps the two largest values to itself: they
  /// are taken as the two below, which trusting 64 bits trusts anyway.
  static uint64_t keyOf(uint64_t Digest) {
    return Digest >= ~uint64_t(0) - 1 ? Digest - 2 : Digest;
  }
  static constexpr size_t ShardCount = 64;
  Shard &shardOf(uint64_t Digest) { return Shards[Digest % ShardCount]; }

  std::array<Shard, ShardCount> Shards;
};

} // namespace pii

#endif // PII_DRIVER_FUNCTIONPOOL_H
