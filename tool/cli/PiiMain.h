//===- PiiMain.h - Command-line front end -----------------------*- C++ -*-===//

#ifndef PII_CLI_PIIMAIN_H
#define PII_CLI_PIIMAIN_H

namespace pii {

int piiMain(int argc, const char **argv);

} // namespace pii

#endif // PII_CLI_PIIMAIN_H
