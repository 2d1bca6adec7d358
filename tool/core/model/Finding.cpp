//===- Finding.cpp --------------------------------------------------------===//

#include "core/model/Finding.h"

#include <algorithm>

namespace pii {

void sortAndUnique(std::vector<Finding> &Findings) {
  std::stable_sort(Findings.begin(), Findings.end(),
                   [](const Finding &A, const Finding &B) {
                     return A.identity() < B.identity();
                   });
  Findings.erase(std::unique(Findings.begin(), Findings.end(),
                             [](const Finding &A, const Finding &B) {
                               return A.identity() == B.identity();
                             }),
                 Findings.end());
}

} // namespace pii
