// This file does not compile: the compiler's error is reported, the exit
// status is 2 (analysis incomplete), and the other file is still analyzed.
#include <pii/annotations.h>

#include <string>

namespace report {

std::string weeklySummary(int week) {
  return "week " + std::to_string(week) + formatFooter();  // $ diag="undeclared identifier"
}

}  // namespace report
