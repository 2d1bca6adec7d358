//===- Caches.h - What a run keeps for the next one -------------*- C++ -*-===//

#ifndef PII_STORE_CACHES_H
#define PII_STORE_CACHES_H

#include "store/PreambleStore.h"
#include "store/SummaryCache.h"

namespace pii {

/// The entries of one cache directory: the summaries of files and the
/// links of programs, and the preambles of the files being edited.
struct Caches {
  explicit Caches(const CacheDirectory &Directory)
      : Summaries(Directory), Preambles(Directory) {}

  SummaryCache Summaries;
  PreambleStore Preambles;
};

} // namespace pii

#endif // PII_STORE_CACHES_H
