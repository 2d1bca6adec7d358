//===- SummaryFile.h - Summaries as files -----------------------*- C++ -*-===//
//
// The on-disk form of summaries: what `pii-flow extract` writes, `pii-flow
// link` reads, and the cache keeps. Summaries of a large program are read on
// every run, so the form is the compact archive of Archive.h, compressed
// (zstd) and sealed: a first line names what the file holds, its format
// version and a checksum of the rest, so that a file of another kind or
// version is refused and a truncated or corrupt one detected, never
// misread. Integers are LEB128 and paths are relative to the source root,
// so a summary moves between machines.
//
//===----------------------------------------------------------------------===//

#ifndef PII_STORE_SUMMARYFILE_H
#define PII_STORE_SUMMARYFILE_H

#include "core/model/Summary.h"
#include "store/Archive.h"

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace pii {

/// The version of the file format; a reader refuses any other.
inline constexpr int SummaryFormatVersion = 13;

/// \p Archive with the first line for a file holding \p Kind.
std::string seal(llvm::StringRef Kind, llvm::StringRef Archive);

/// The archive in \p Data, if it is a sealed \p Kind of this version, whole.
llvm::Expected<llvm::StringRef> unseal(llvm::StringRef Kind,
                                       llvm::StringRef Data);

/// The kind \p Data is sealed as, or "" if it is not sealed: whether it is
/// whole and of this version, unseal says.
llvm::StringRef sealedKind(llvm::StringRef Data);

/// The summaries of one file (one per compile command of it).
std::string encodeSummaries(const std::vector<TranslationUnitSummary> &Units);

/// Reads summaries written by encodeSummaries; with \p Functions, takes
/// each function summary decoded before from there, and keeps there those
/// decoded now. Errors start with \p Name (a file name) and say what is
/// wrong.
llvm::Expected<std::vector<TranslationUnitSummary>>
decodeSummaries(llvm::StringRef Data, llvm::StringRef Name,
                SharedValues<FunctionSummary> *Functions = nullptr);

} // namespace pii

#endif // PII_STORE_SUMMARYFILE_H
