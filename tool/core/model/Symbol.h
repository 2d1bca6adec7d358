//===- Symbol.h - Interned strings ------------------------------*- C++ -*-===//
//
// Summaries repeat a few strings a great many times: every step and call
// site names its file, every port its fields by USR, every call its callee.
// Held as a std::string each, they would be most of the memory a large
// program's summaries take. A Symbol is one pointer to a string kept once for
// the whole run, so copies are free and equality is a pointer comparison. The
// strings live in slabs of their own, not among the parser's allocations,
// whose freed memory they would otherwise keep from being returned.
// Ordering compares the text, so that nothing depends on where a string
// happens to be stored.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_MODEL_SYMBOL_H
#define PII_CORE_MODEL_SYMBOL_H

#include "llvm/ADT/DenseMapInfo.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/StringMapEntry.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace pii {

class Symbol {
public:
  Symbol();
  /// Interns \p Text; safe from any thread.
  Symbol(llvm::StringRef Text);
  Symbol(const std::string &Text) : Symbol(llvm::StringRef(Text)) {}
  Symbol(const char *Text) : Symbol(llvm::StringRef(Text)) {}

  llvm::StringRef text() const { return Text->first(); }
  std::string str() const { return text().str(); }
  operator llvm::StringRef() const { return text(); }
  operator std::string() const { return str(); }
  bool empty() const { return text().empty(); }

  friend bool operator==(Symbol A, Symbol B) { return A.Text == B.Text; }
  friend bool operator!=(Symbol A, Symbol B) { return A.Text != B.Text; }
  /// The symbol's identity, for a key: one string, one identity.
  const void *identity() const { return Text; }
  /// A digest of its text, the same in every process (unlike identity):
  /// for what a later run compares.
  uint64_t digest() const { return Text->second; }
  /// Of the symbol's identity, like ==: no text is read.
  friend llvm::hash_code hash_value(Symbol S) {
    return llvm::hash_value(static_cast<const void *>(S.Text));
  }
  friend bool operator<(Symbol A, Symbol B) {
    return A.Text != B.Text && A.text() < B.text();
  }
  friend std::string operator+(std::string A, Symbol B) {
    return A.append(B.text().data(), B.text().size());
  }
  friend std::string operator+(Symbol A, const std::string &B) {
    return A.str() + B;
  }
  friend std::string operator+(const char *A, Symbol B) {
    return std::string(A) + B;
  }
  friend std::string operator+(Symbol A, const char *B) { return A.str() + B; }
  friend llvm::raw_ostream &operator<<(llvm::raw_ostream &OS, Symbol S) {
    return OS << S.text();
  }

private:
  using Entry = llvm::StringMapEntry<uint64_t>;
  explicit Symbol(const Entry *Text) : Text(Text) {}
  friend class SymbolPool;
  friend struct llvm::DenseMapInfo<Symbol>;

  const Entry *Text;
};

} // namespace pii

/// Symbols as hash keys, by identity: one string, one Symbol.
template <> struct llvm::DenseMapInfo<pii::Symbol> {
  using Pointers = DenseMapInfo<const pii::Symbol::Entry *>;
  static pii::Symbol getEmptyKey() {
    return pii::Symbol(Pointers::getEmptyKey());
  }
  static pii::Symbol getTombstoneKey() {
    return pii::Symbol(Pointers::getTombstoneKey());
  }
  static unsigned getHashValue(pii::Symbol S) {
    return Pointers::getHashValue(S.Text);
  }
  static bool isEqual(pii::Symbol A, pii::Symbol B) { return A == B; }
};

#endif // PII_CORE_MODEL_SYMBOL_H
