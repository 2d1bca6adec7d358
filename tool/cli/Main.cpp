//===- Main.cpp - The pii-flow command ------------------------------------===//

#include "cli/PiiMain.h"

int main(int argc, const char **argv) { return pii::piiMain(argc, argv); }
