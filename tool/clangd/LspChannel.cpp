//===- LspChannel.cpp -----------------------------------------------------===//

#include "clangd/LspChannel.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"

#include <cerrno>
#include <unistd.h>

namespace pii {

bool LspReader::fill() {
  char Chunk[65536];
  while (true) {
    ssize_t N = ::read(Fd, Chunk, sizeof(Chunk));
    if (N > 0) {
      Buffer.append(Chunk, N);
      return true;
    }
    if (N < 0 && errno == EINTR)
      continue;
    return false;
  }
}

std::optional<std::string> LspReader::read() {
  size_t HeaderEnd;
  while ((HeaderEnd = Buffer.find("\r\n\r\n")) == std::string::npos)
    // A header is a line or two; bytes that never end one are not LSP.
    if (Buffer.size() > MaxHeaderBytes || !fill())
      return std::nullopt;
  std::optional<size_t> Length;
  llvm::SmallVector<llvm::StringRef, 4> Lines;
  llvm::StringRef(Buffer).take_front(HeaderEnd).split(Lines, "\r\n");
  for (llvm::StringRef Line : Lines) {
    auto [Name, Value] = Line.split(':');
    size_t N = 0;
    if (Name.trim().equals_insensitive("content-length") &&
        !Value.trim().getAsInteger(10, N))
      Length = N;
  }
  if (!Length || *Length > MaxContentBytes)
    return std::nullopt;
  size_t Start = HeaderEnd + 4;
  while (Buffer.size() - Start < *Length)
    if (!fill())
      return std::nullopt;
  std::string Content = Buffer.substr(Start, *Length);
  Buffer.erase(0, Start + *Length);
  return Content;
}

bool LspWriter::write(const std::string &Content) {
  std::string Message = "Content-Length: " + std::to_string(Content.size()) +
                        "\r\n\r\n" + Content;
  std::lock_guard<std::mutex> Guard(Lock);
  if (Fd < 0)
    return false;
  const char *Next = Message.data();
  size_t Left = Message.size();
  while (Left > 0) {
    ssize_t N = ::write(Fd, Next, Left);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return false;
    Next += N;
    Left -= N;
  }
  return true;
}

void LspWriter::close() {
  std::lock_guard<std::mutex> Guard(Lock);
  if (Fd >= 0)
    ::close(Fd);
  Fd = -1;
}

} // namespace pii
