//===- PiiMain.h - Command-line front end -----------------------*- C++ -*-===//

#ifndef PII_CLI_PIIMAIN_H
#define PII_CLI_PIIMAIN_H

namespace pii {

/// Exit status, SPEC section 4.
enum ExitCode { ExitClean = 0, ExitFindings = 1, ExitIncomplete = 2 };

int piiMain(int argc, const char **argv);

} // namespace pii

#endif // PII_CLI_PIIMAIN_H
