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
  auto It = S.Functions.find(Digest);
  return It == S.Functions.end() ? nullptr : It->second;
}

SharedFunction FunctionPool::keep(uint64_t Digest, SharedFunction F) {
  Shard &S = shardOf(Digest);
  std::lock_guard<std::mutex> Guard(S.Lock);
  return S.Functions.try_emplace(Digest, std::move(F)).first->second;
}

void FunctionPool::prune() {
  for (Shard &S : Shards) {
    std::lock_guard<std::mutex> Guard(S.Lock);
    for (auto It = S.Functions.begin(); It != S.Functions.end();)
      It = It->second.use_count() == 1 ? S.Functions.erase(It) : std::next(It);
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
