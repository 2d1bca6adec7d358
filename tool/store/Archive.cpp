//===- Archive.cpp --------------------------------------------------------===//

#include "store/Archive.h"

#include "llvm/Support/LEB128.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>

namespace pii {

void ArchiveWriter::putInteger(uint64_t Value) {
  uint8_t Bytes[16];
  unsigned Size = llvm::encodeULEB128(Value, Bytes);
  Body.append(reinterpret_cast<const char *>(Bytes), Size);
}

void ArchiveWriter::putSigned(int64_t Value) {
  uint8_t Bytes[16];
  unsigned Size = llvm::encodeSLEB128(Value, Bytes);
  Body.append(reinterpret_cast<const char *>(Bytes), Size);
}

uint64_t sharedValueDigest(llvm::StringRef Bytes) {
  return llvm::xxh3_64bits(Bytes);
}

void ArchiveWriter::putBytes(llvm::StringRef Bytes) {
  putInteger(Bytes.size());
  Body += Bytes;
}

void ArchiveWriter::put(llvm::StringRef S) {
  auto [It, New] = StringIds.try_emplace(S, Strings.size());
  if (New)
    Strings.push_back(It->first());
  putInteger(It->second);
}

std::string ArchiveWriter::finish() const {
  ArchiveWriter Table;
  Table.putInteger(Strings.size());
  for (llvm::StringRef S : Strings) {
    Table.putInteger(S.size());
    Table.Body += S;
  }
  return Table.Body + Body;
}

ArchiveReader::ArchiveReader(llvm::StringRef Data)
    : Next(Data.bytes_begin()), End(Data.bytes_end()) {
  Strings.resize(getLength());
  for (llvm::StringRef &S : Strings) {
    uint64_t Size = getInteger();
    if (Size > static_cast<uint64_t>(End - Next)) {
      fail();
      return;
    }
    S = llvm::StringRef(reinterpret_cast<const char *>(Next), Size);
    Next += Size;
  }
  Symbols.resize(Strings.size());
}

template <typename T, typename DecodeFn>
T ArchiveReader::getLeb128(DecodeFn Decode) {
  // No writer makes more than ten bytes, and on more LLVM's decoders shift
  // past 64 bits (undefined behaviour) before they see the last.
  const uint8_t *Limit = Next + std::min<ptrdiff_t>(10, End - Next);
  if (std::none_of(Next, Limit, [](uint8_t Byte) { return Byte < 0x80; })) {
    fail();
    return 0;
  }
  const char *Error = nullptr;
  unsigned Size = 0;
  T Value = Decode(Next, &Size, End, &Error);
  if (Error) {
    fail();
    return 0;
  }
  Next += Size;
  return Value;
}

uint64_t ArchiveReader::getInteger() {
  return getLeb128<uint64_t>(llvm::decodeULEB128);
}

int64_t ArchiveReader::getSigned() {
  return getLeb128<int64_t>(llvm::decodeSLEB128);
}

size_t ArchiveReader::getLength() {
  uint64_t Length = getInteger();
  if (Length > static_cast<uint64_t>(End - Next)) {
    fail();
    return 0;
  }
  return Length;
}

llvm::StringRef ArchiveReader::getBytes() {
  size_t Size = getLength();
  llvm::StringRef Bytes(reinterpret_cast<const char *>(Next), Size);
  Next += Size;
  return Bytes;
}

size_t ArchiveReader::getStringId() {
  uint64_t Id = getInteger();
  if (Id < Strings.size())
    return Id;
  fail();
  return 0;
}

void ArchiveReader::get(std::string &S) {
  size_t Id = getStringId();
  S = Failed ? "" : Strings[Id].str();
}

void ArchiveReader::get(Symbol &S) {
  size_t Id = getStringId();
  if (Failed) {
    S = Symbol();
    return;
  }
  std::optional<Symbol> &Interned = Symbols[Id];
  if (!Interned)
    Interned = Symbol(Strings[Id]);
  S = *Interned;
}

} // namespace pii
