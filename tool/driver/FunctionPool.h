//===- FunctionPool.h - A program's function summaries, each once -*- C++ -*-===//
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
// both kept; the link index says how many there are.
//
//===----------------------------------------------------------------------===//

#ifndef PII_DRIVER_FUNCTIONPOOL_H
#define PII_DRIVER_FUNCTIONPOOL_H

#include "core/model/Summary.h"

#include "llvm/ADT/DenseMap.h"

#include <cstdint>
#include <mutex>

namespace pii {

class FunctionPool {
public:
  /// Replaces each of \p Unit's functions with the pool's summary equal to
  /// it, adding those the pool has not. Safe from any thread.
  void intern(TranslationUnitSummary &Unit);

  /// Forgets the summaries no unit holds any longer: those of units that
  /// were replaced.
  void prune();

  /// How many distinct summaries the pool holds.
  size_t size();

private:
  /// A function's USR and a hash of its archive form.
  using Key = std::pair<Symbol, uint64_t>;

  std::mutex Lock;
  llvm::DenseMap<Key, SharedFunction> Functions;
};

} // namespace pii

#endif // PII_DRIVER_FUNCTIONPOOL_H
