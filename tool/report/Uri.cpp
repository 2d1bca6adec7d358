//===- Uri.cpp ------------------------------------------------------------===//

#include "report/Uri.h"

#include "llvm/ADT/StringExtras.h"

namespace pii {

std::string uriEscape(llvm::StringRef Path) {
  std::string Out;
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("-._~/").contains(C))
      Out += C;
    else
      Out += "%" + llvm::utohexstr(C, /*LowerCase=*/false, /*Width=*/2);
  }
  return Out;
}

std::string fileUri(llvm::StringRef Path) {
  return "file://" + uriEscape(Path);
}

} // namespace pii
