//===- GithubReporter.h - Findings as GitHub workflow commands --*- C++ -*-===//
//
// `::error file=src/a.cpp,line=3,col=9,title=...::message` lines, which a
// GitHub Actions runner turns into annotations on the pull request's diff,
// for teams that do not use code scanning. The path of the flow follows the
// headline in the same annotation.
//
//===----------------------------------------------------------------------===//

#ifndef PII_REPORT_GITHUBREPORTER_H
#define PII_REPORT_GITHUBREPORTER_H

#include "core/model/Finding.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <vector>

namespace pii {

/// Prints \p Findings, with paths relative to \p SourceRoot (the checkout).
void printGithubAnnotations(llvm::raw_ostream &OS,
                            const std::vector<Finding> &Findings,
                            llvm::StringRef SourceRoot);

} // namespace pii

#endif // PII_REPORT_GITHUBREPORTER_H
