//===- Columns.h - Columns as editors count them ----------------*- C++ -*-===//
//
// Clang counts a line's columns in bytes. LSP (by default) and SARIF viewers
// (columnKind utf16CodeUnits) count UTF-16 code units: a character written
// in four UTF-8 bytes is two of them, any other character one. On a line
// with an accent or an emoji before the finding, a byte column would put
// the mark too far right.
//
//===----------------------------------------------------------------------===//

#ifndef PII_REPORT_COLUMNS_H
#define PII_REPORT_COLUMNS_H

#include "llvm/ADT/StringRef.h"

namespace pii {

/// The 1-based UTF-16 column of the 1-based byte column \p ByteColumn of
/// \p Line. A byte that is not part of valid UTF-8 counts as one character
/// (the replacement character), and columns past the line's end as bytes.
unsigned utf16Column(llvm::StringRef Line, unsigned ByteColumn);

} // namespace pii

#endif // PII_REPORT_COLUMNS_H
