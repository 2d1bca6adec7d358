//===- LspChannel.h - LSP messages over a byte stream -----------*- C++ -*-===//
//
// The base protocol: a header block ("Content-Length: N", blank line) and N
// bytes of JSON. pii-clangd reads and writes messages on both sides of
// clangd; what it does not change it forwards byte for byte.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CLANGD_LSPCHANNEL_H
#define PII_CLANGD_LSPCHANNEL_H

#include <mutex>
#include <optional>
#include <string>

namespace pii {

/// Reads messages from a file descriptor.
class LspReader {
public:
  /// Larger headers and contents are refused as malformed: no editor sends
  /// a gigabyte in one message, and a forged length must not wrap.
  static constexpr size_t MaxHeaderBytes = 64 << 10;
  static constexpr size_t MaxContentBytes = size_t(1) << 30;

  explicit LspReader(int Fd) : Fd(Fd) {}
  /// The next message's content; nothing at the end of the stream or on a
  /// malformed header.
  std::optional<std::string> read();

private:
  /// Fills the buffer; false at the end of the stream.
  bool fill();

  int Fd;
  std::string Buffer;
};

/// Writes whole messages to a file descriptor; safe from several threads.
class LspWriter {
public:
  explicit LspWriter(int Fd) : Fd(Fd) {}
  /// False when the other side is gone, or the writer closed.
  bool write(const std::string &Content);
  /// Closes the file descriptor; the other side sees the end.
  void close();

private:
  int Fd;
  std::mutex Lock;
};

} // namespace pii

#endif // PII_CLANGD_LSPCHANNEL_H
