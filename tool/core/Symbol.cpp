//===- Symbol.cpp ---------------------------------------------------------===//

#include "core/Symbol.h"

#include <memory>
#include <mutex>
#include <string_view>
#include <unordered_map>

namespace pii {
namespace {

/// Every string interned in this run, keyed by a view of itself: looking a
/// string up allocates nothing, and interned strings never move and are
/// never freed.
struct Pool {
  std::mutex Lock;
  std::unordered_map<std::string_view, std::unique_ptr<const std::string>>
      Strings;
};

Pool &pool() {
  static Pool *P = new Pool(); // outlives every static that holds a Symbol
  return *P;
}

} // namespace

Symbol::Symbol() {
  static const std::string *Empty = Symbol(llvm::StringRef()).Text;
  Text = Empty;
}

Symbol::Symbol(llvm::StringRef Text) {
  Pool &P = pool();
  std::lock_guard<std::mutex> Guard(P.Lock);
  auto It = P.Strings.find({Text.data(), Text.size()});
  if (It == P.Strings.end()) {
    auto Owned = std::make_unique<const std::string>(Text.str());
    std::string_view Key = *Owned;
    It = P.Strings.emplace(Key, std::move(Owned)).first;
  }
  this->Text = It->second.get();
}

} // namespace pii
