//===- Symbol.cpp ---------------------------------------------------------===//

#include "core/model/Symbol.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/xxhash.h"

#include <array>
#include <mutex>

namespace pii {

/// Every string interned in this run. Threads reading summaries intern at
/// once, so the pool is split into independently locked shards. A StringMap
/// entry never moves, so Symbols can point at it.
class SymbolPool {
public:
  Symbol intern(llvm::StringRef Text) {
    uint64_t Digest = llvm::xxh3_64bits(Text);
    Shard &S = Shards[Digest % Shards.size()];
    std::lock_guard<std::mutex> Guard(S.Lock);
    return Symbol(&*S.Strings.try_emplace(Text, Digest).first);
  }

  static SymbolPool &get() {
    static SymbolPool *P = new SymbolPool(); // outlives any static Symbol
    return *P;
  }

private:
  struct Shard {
    std::mutex Lock;
    /// Each with the digest of its text (Symbol::digest).
    llvm::StringMap<uint64_t, llvm::BumpPtrAllocator> Strings;
  };
  std::array<Shard, 16> Shards;
};

Symbol::Symbol() {
  static const Entry *Empty = SymbolPool::get().intern("").Text;
  Text = Empty;
}

Symbol::Symbol(llvm::StringRef Text)
    : Text(SymbolPool::get().intern(Text).Text) {}

} // namespace pii
