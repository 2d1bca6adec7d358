//===- Symbol.h - Interned strings ------------------------------*- C++ -*-===//
//
// Summaries repeat a few strings a great many times: every step and call
// site names its file, every port its fields by USR, every call its callee.
// Held as std::string each, they made a million-line program's summaries
// weigh gigabytes. A Symbol is one pointer to a string kept once for the
// whole run, so copies are free and equality is a pointer comparison.
// Ordering compares the text, so that nothing depends on where a string
// happens to be stored.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_SYMBOL_H
#define PII_CORE_SYMBOL_H

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

  const std::string &str() const { return *Text; }
  operator const std::string &() const { return *Text; }
  operator llvm::StringRef() const { return *Text; }
  bool empty() const { return Text->empty(); }

  friend bool operator==(Symbol A, Symbol B) { return A.Text == B.Text; }
  friend bool operator!=(Symbol A, Symbol B) { return A.Text != B.Text; }
  friend bool operator<(Symbol A, Symbol B) {
    return A.Text != B.Text && *A.Text < *B.Text;
  }
  friend std::string operator+(const std::string &A, Symbol B) {
    return A + *B.Text;
  }
  friend std::string operator+(Symbol A, const std::string &B) {
    return *A.Text + B;
  }
  friend std::string operator+(const char *A, Symbol B) { return A + *B.Text; }
  friend std::string operator+(Symbol A, const char *B) { return *A.Text + B; }
  friend llvm::raw_ostream &operator<<(llvm::raw_ostream &OS, Symbol S) {
    return OS << *S.Text;
  }

private:
  const std::string *Text;
};

} // namespace pii

#endif // PII_CORE_SYMBOL_H
