//===- FunctionPool.cpp ---------------------------------------------------===//

#include "driver/FunctionPool.h"
#include "core/model/SummaryFields.h"
#include "store/Archive.h"

#include "llvm/Support/xxhash.h"

#include <vector>

namespace pii {

/// A hash of \p F's values, as its archive form holds them.
static uint64_t contentHash(const FunctionSummary &F) {
  ArchiveWriter Writer;
  Writer(F);
  return llvm::xxh3_64bits(Writer.finish());
}

void FunctionPool::intern(TranslationUnitSummary &Unit) {
  // Hashed outside the lock: it is most of the work.
  std::vector<Key> Keys;
  Keys.reserve(Unit.Functions.size());
  for (const SharedFunction &F : Unit.Functions)
    Keys.emplace_back(F->Usr, contentHash(*F));
  std::lock_guard<std::mutex> Guard(Lock);
  for (size_t I = 0; I < Keys.size(); ++I) {
    auto [It, New] = Functions.try_emplace(Keys[I], Unit.Functions[I]);
    if (!New)
      Unit.Functions[I] = It->second;
  }
}

void FunctionPool::prune() {
  std::lock_guard<std::mutex> Guard(Lock);
  llvm::SmallVector<Key, 0> Unheld;
  for (const auto &[K, F] : Functions)
    if (F.use_count() == 1)
      Unheld.push_back(K);
  for (const Key &K : Unheld)
    Functions.erase(K);
}

size_t FunctionPool::size() {
  std::lock_guard<std::mutex> Guard(Lock);
  return Functions.size();
}

} // namespace pii
