//===- Symbol.cpp ---------------------------------------------------------===//

#include "core/Symbol.h"

#include <mutex>
#include <unordered_set>

namespace pii {
namespace {

/// Every string interned in this run. A node-based set: the strings never
/// move, and are never freed.
struct Pool {
  std::mutex Lock;
  std::unordered_set<std::string> Strings;
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
  this->Text = &*P.Strings.insert(Text.str()).first;
}

} // namespace pii
