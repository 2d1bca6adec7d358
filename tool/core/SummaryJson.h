//===- SummaryJson.h - Summaries as files -----------------------*- C++ -*-===//
//
// The on-disk form of a translation unit's summary: what `pii-flow extract`
// writes, `pii-flow link` reads, and the cache keeps. JSON, with a format
// version, so that a summary from another version is refused rather than
// misread.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_SUMMARYJSON_H
#define PII_CORE_SUMMARYJSON_H

#include "core/Summary.h"

#include "llvm/Support/Error.h"

#include <string>

namespace pii {

/// The version of the summary format; a reader refuses any other.
inline constexpr int SummaryFormatVersion = 1;

std::string summaryToJson(const TranslationUnitSummary &Summary);

/// Reads a summary written by summaryToJson. \p Name (a file name) is used
/// in errors, which also say which entry is wrong.
llvm::Expected<TranslationUnitSummary> summaryFromJson(llvm::StringRef Text,
                                                       llvm::StringRef Name);

} // namespace pii

#endif // PII_CORE_SUMMARYJSON_H
