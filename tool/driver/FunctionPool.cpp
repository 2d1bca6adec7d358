//===- FunctionPool.cpp ---------------------------------------------------===//

#include "driver/FunctionPool.h"
#include "core/model/SummaryFields.h"
#include "store/Archive.h"

#include <vector>

namespace pii {

/// The digest of \p F's archive form, as a unit's archive holds it.
static uint64_t digestOf(const FunctionSummary &F) {
  ArchiveWriter Writer;
  Writer(F);
  return sharedValueDigest(Writer.finish());
}

void FunctionPool::intern(TranslationUnitSummary &Unit) {
  for (SharedFunction &F : Unit.Functions)
    F = keep(digestOf(*F), F);
}

SharedFunction FunctionPool::find(uint64_t Digest) {
  Shard &S = shardOf(Digest);
  std::lock_guard<std::mutex> Guard(S.Lock);
  return S.Functions.lookup(keyOf(Digest));
}

SharedFunction FunctionPool::keep(uint64_t Digest, SharedFunction F) {
  Shard &S = shardOf(Digest);
  std::lock_guard<std::mutex> Guard(S.Lock);
  return S.Functions.try_emplace(keyOf(Digest), std::move(F)).first->second;
}

void FunctionPool::prune() {
  for (Shard &S : Shards) {
    std::lock_guard<std::mutex> Guard(S.Lock);
    llvm::SmallVector<uint64_t, 0> Unheld;
    for (const auto &[Key, F] : S.Functions)
      if (F.use_count() == 1)
        Unheld.push_back(Key);
    for (uint64_t Key : Unheld)
      S.Functions.erase(Key);
  }
}

size_t FunctionPool::size() {
  size_t Size = 0;
  for (Shard &S : Shards) {
    std::lock_guard<std::mutex> Guard(S.Lock);
    Size += S.Functions.size();
  }
  return Size;
}

} // namespace pii
