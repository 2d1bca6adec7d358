//===- Symbol.cpp ---------------------------------------------------------===//

#include "core/Symbol.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/Support/xxhash.h"

#include <array>
#include <mutex>

namespace pii {
namespace {

/// Every string interned in this run. Threads reading summaries intern at
/// once, so the pool is split into independently locked shards. A StringMap
/// entry never moves, so the strings it holds stay where Symbols point.
class Pool {
public:
  const std::string *intern(llvm::StringRef Text) {
    Shard &S = Shards[llvm::xxh3_64bits(Text) % Shards.size()];
    std::lock_guard<std::mutex> Guard(S.Lock);
    auto [It, New] = S.Strings.try_emplace(Text);
    if (New)
      It->second = Text.str();
    return &It->second;
  }

private:
  struct Shard {
    std::mutex Lock;
    llvm::StringMap<std::string> Strings;
  };
  std::array<Shard, 16> Shards;
};

Pool &pool() {
  static Pool *P = new Pool(); // outlives every static that holds a Symbol
  return *P;
}

} // namespace

Symbol::Symbol() {
  static const std::string *Empty = pool().intern("");
  Text = Empty;
}

Symbol::Symbol(llvm::StringRef Text) : Text(pool().intern(Text)) {}

} // namespace pii
