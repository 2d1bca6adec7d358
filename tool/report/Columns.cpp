//===- Columns.cpp --------------------------------------------------------===//

#include "report/Columns.h"

#include "llvm/Support/ConvertUTF.h"

namespace pii {

unsigned utf16Column(llvm::StringRef Line, unsigned ByteColumn) {
  if (ByteColumn == 0)
    return 0;
  size_t Bytes = ByteColumn - 1;
  unsigned Units = 0;
  size_t At = 0;
  while (At < Bytes && At < Line.size()) {
    const auto *Start = reinterpret_cast<const llvm::UTF8 *>(Line.data() + At);
    unsigned Length = llvm::getNumBytesForUTF8(*Start);
    if (At + Length > Line.size() ||
        !llvm::isLegalUTF8Sequence(Start, Start + Length))
      Length = 1;
    Units += Length == 4 ? 2 : 1;
    At += Length;
  }
  return Units + (Bytes > At ? Bytes - At : 0) + 1;
}

} // namespace pii
