//===- StatusLine.h - Where a long run is, on the terminal ------*- C++ -*-===//
//
// Over a large program a run takes minutes; without a word it looks hung.
// On a terminal, pii-flow keeps one status line on standard error:
//
//   [37/653] files extracted
//   linking: 3 of 12 sources, 1,234 summaries (56 pending), 12.3M steps
//
// redrawn at most ten times a second, and erased before anything else is
// written there and when the run is done. Where standard error is not a
// terminal (CI, a redirected log) or TERM is "dumb", nothing is shown.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CLI_STATUSLINE_H
#define PII_CLI_STATUSLINE_H

#include "driver/Progress.h"

#include "llvm/ADT/StringRef.h"

#include <chrono>
#include <memory>
#include <mutex>
#include <string>

namespace pii {

class StatusLine final : public ProgressObserver {
public:
  /// A status line on standard error, or nullptr where none is shown.
  static std::unique_ptr<StatusLine> onStandardError();

  void extracted(size_t Done, size_t Total) override;
  void linking(const LinkProgress &Where) override;

  /// Writes \p Text to standard error, the status line erased first.
  void print(llvm::StringRef Text);
  /// Erases the status line, for good unless progress is told again.
  void clear();

private:
  /// Shows \p Text unless a line was drawn less than a tenth of a second
  /// ago (and \p Always is false).
  void draw(const std::string &Text, bool Always);
  void erase();

  std::mutex Lock;
  bool Drawn = false;
  std::chrono::steady_clock::time_point LastDrawn;
};

} // namespace pii

#endif // PII_CLI_STATUSLINE_H
