//===- SourceLines.cpp ----------------------------------------------------===//

#include "report/SourceLines.h"

namespace pii {

llvm::StringRef SourceLines::line(Symbol File, unsigned Number) {
  auto [It, New] = Files.try_emplace(File);
  Text &T = It->second;
  if (New) {
    auto Open =
        Overlay ? Overlay->find(File.str()) : FileOverlay::const_iterator();
    if (Overlay && Open != Overlay->end()) {
      T.Buffer =
          llvm::MemoryBuffer::getMemBuffer(Open->second, File.str(),
                                           /*RequiresNullTerminator=*/false);
      T.Buffer->getBuffer().split(T.Lines, '\n');
    } else if (auto Buffer =
                   llvm::MemoryBuffer::getFile(File.str(), /*IsText=*/true)) {
      T.Buffer = std::move(*Buffer);
      T.Buffer->getBuffer().split(T.Lines, '\n');
    }
  }
  if (Number < 1 || Number > T.Lines.size())
    return "";
  return T.Lines[Number - 1].rtrim('\r');
}

} // namespace pii
