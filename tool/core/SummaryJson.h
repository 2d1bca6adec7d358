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
#include <vector>

namespace pii {

/// The version of the summary format; a reader refuses any other.
inline constexpr int SummaryFormatVersion = 1;

/// The summaries of one file (one per compile command of it).
std::string summariesToJson(const std::vector<TranslationUnitSummary> &Units);

/// Reads summaries written by summariesToJson. \p Name (a file name) is
/// used in errors, which also say which entry is wrong.
llvm::Expected<std::vector<TranslationUnitSummary>>
summariesFromJson(llvm::StringRef Text, llvm::StringRef Name);

} // namespace pii

#endif // PII_CORE_SUMMARYJSON_H
