//===- Progress.h - What a long run tells whoever waits for it --*- C++ -*-===//
//
// A run over a large program takes minutes: the front end shows where it is
// (pii-flow, on a terminal, a status line). The driver says when a file is
// done and, while the link runs, where the link is; how that is shown is
// the front end's.
//
//===----------------------------------------------------------------------===//

#ifndef PII_DRIVER_PROGRESS_H
#define PII_DRIVER_PROGRESS_H

#include "core/link/Link.h"

#include <cstddef>

namespace pii {

/// Called from the threads doing the work, possibly several at once.
class ProgressObserver {
public:
  virtual ~ProgressObserver() = default;
  /// \p Done of the program's \p Total files are extracted (parsed, or
  /// taken from the cache).
  virtual void extracted(size_t Done, size_t Total) = 0;
  /// The link is under way, and is \p Where.
  virtual void linking(const LinkProgress &Where) = 0;
};

} // namespace pii

#endif // PII_DRIVER_PROGRESS_H
