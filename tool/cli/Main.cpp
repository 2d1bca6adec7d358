//===- Main.cpp - The pii-flow command ------------------------------------===//

#include "cli/PiiMain.h"

#include "cli/Report.h"

#include "llvm/Support/raw_ostream.h"

#include <exception>

int main(int argc, const char **argv) {
  // A bug of ours that throws ends the run as an error, never an abort.
  try {
    return pii::piiMain(argc, argv);
  } catch (const std::exception &E) {
    llvm::outs().flush();
    llvm::errs() << "pii-flow: error: internal error: " << E.what()
                 << " (please report this)\n";
    return pii::ExitIncomplete;
  }
}
