//===- SourceLines.h - The text of source lines, read once ------*- C++ -*-===//
//
// Reporting reads a little of the sources the findings point into: the sink
// line's suppression comment, the line's text for a fingerprint. Each file is
// read once however many findings it holds.
//
//===----------------------------------------------------------------------===//

#ifndef PII_REPORT_SOURCELINES_H
#define PII_REPORT_SOURCELINES_H

#include "core/model/FileOverlay.h"
#include "core/model/Symbol.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/MemoryBuffer.h"

#include <map>
#include <memory>

namespace pii {

class SourceLines {
public:
  /// Reads the texts of \p Overlay (an editor's buffers) instead of the
  /// files they stand for; it must outlive this.
  explicit SourceLines(const FileOverlay *Overlay = nullptr)
      : Overlay(Overlay) {}

  /// Line \p Number (1-based) of \p File, without its end of line; "" past
  /// the end or when the file cannot be read.
  llvm::StringRef line(Symbol File, unsigned Number);

private:
  struct Text {
    std::unique_ptr<llvm::MemoryBuffer> Buffer;
    llvm::SmallVector<llvm::StringRef, 0> Lines;
  };
  const FileOverlay *Overlay;
  std::map<Symbol, Text> Files;
};

} // namespace pii

#endif // PII_REPORT_SOURCELINES_H
