//===- Archive.h - Compact binary form of plain values ----------*- C++ -*-===//
//
// The summary cache is read at the start of every run, so its form must be
// quick to read: a table of distinct strings (USRs, file paths and messages
// repeat a lot), then values as variable-length integers referring to it.
//
// Each type lists its fields once, in a `fields(Archive &, T &)` overload
// found by argument-dependent lookup, and both directions use that list:
//
//   template <typename Ar> void fields(Ar &A, SourceSpot &S) {
//     A(S.File, S.Line, S.Column);
//   }
//
// A reader never trusts its input: every length is checked against what is
// left, and any inconsistency makes it fail rather than crash or allocate
// without bound. Integrity (a truncated or corrupted file) is the caller's
// checksum's job; the reader only has to stay safe.
//
//===----------------------------------------------------------------------===//

#ifndef PII_STORE_ARCHIVE_H
#define PII_STORE_ARCHIVE_H

#include "core/model/Symbol.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace pii {

/// Values that a program's archives share, each held once (the function
/// summaries of a header, in every unit that includes it): an archive
/// writes a shared value as an archive of its own, whose bytes are the same
/// wherever it is written, and a reader that shares values takes the one
/// decoded before from the same bytes instead of decoding them again.
template <typename T> class SharedValues {
public:
  virtual ~SharedValues() = default;
  /// The value decoded before from bytes with \p Digest, or null.
  virtual std::shared_ptr<const T> find(uint64_t Digest) = 0;
  /// Keeps \p Value, decoded from bytes with \p Digest, and returns the
  /// value kept for them: Value, or one another reader kept first.
  virtual std::shared_ptr<const T> keep(uint64_t Digest,
                                        std::shared_ptr<const T> Value) = 0;
};

/// The digest by which SharedValues know a value's bytes.
uint64_t sharedValueDigest(llvm::StringRef Bytes);

class ArchiveWriter {
public:
  template <typename... T> void operator()(const T &...Values) {
    (put(Values), ...);
  }

  /// The string table followed by everything written.
  std::string finish() const;

private:
  void put(const std::string &S) { put(llvm::StringRef(S)); }
  void put(Symbol S) { put(llvm::StringRef(S)); }
  void put(llvm::StringRef S);
  void put(bool B) { Body.push_back(B ? 1 : 0); }
  template <typename T> void put(const std::vector<T> &V) {
    put(static_cast<uint64_t>(V.size()));
    for (const T &Element : V)
      put(Element);
  }
  template <typename T> void put(const std::optional<T> &O) {
    put(O.has_value());
    if (O)
      put(*O);
  }
  /// A shared value is written as an archive of its own (SharedValues).
  template <typename T> void put(const std::shared_ptr<const T> &P) {
    ArchiveWriter Own;
    Own(*P);
    putBytes(Own.finish());
  }
  void putBytes(llvm::StringRef Bytes);
  template <typename T> void put(const T &Value) {
    if constexpr (std::is_enum_v<T>) {
      put(static_cast<std::underlying_type_t<T>>(Value));
    } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
      putSigned(Value);
    } else if constexpr (std::is_integral_v<T>) {
      putInteger(Value);
    } else {
      // Writing only reads the value; one field list serves both ways.
      fields(*this, const_cast<T &>(Value));
    }
  }

  void putInteger(uint64_t Value);
  void putSigned(int64_t Value);

  std::string Body;
  llvm::StringMap<uint64_t> StringIds;
  std::vector<llvm::StringRef> Strings;
};

class ArchiveReader {
public:
  /// Reads from \p Data, which must outlive the reader.
  explicit ArchiveReader(llvm::StringRef Data);

  template <typename... T> void operator()(T &...Values) { (get(Values), ...); }

  /// From now on, takes each shared value of type T from \p Pool, or
  /// keeps it there once decoded.
  template <typename T> void share(SharedValues<T> &Pool) {
    Pools.push_back({&TypeTag<T>, &Pool});
  }

  /// Whether everything read so far was well formed.
  bool ok() const { return !Failed; }
  /// Whether everything was read, and well formed.
  bool done() const { return !Failed && Next == End; }

private:
  void get(std::string &S);
  void get(Symbol &S);
  void get(bool &B) { B = getInteger() != 0; }
  template <typename T> void get(std::vector<T> &V) {
    size_t Length = getLength();
    // Grown as the elements decode: a forged count in a sealed file must
    // not allocate more than its bytes can fill.
    V.clear();
    V.reserve(std::min<size_t>(Length, 1024));
    for (size_t I = 0; I < Length && ok(); ++I)
      get(V.emplace_back());
  }
  template <typename T> void get(std::optional<T> &O) {
    bool Present = false;
    get(Present);
    if (Present)
      get(O.emplace());
    else
      O.reset();
  }
  template <typename T> void get(std::shared_ptr<const T> &P) {
    llvm::StringRef Bytes = getBytes();
    SharedValues<T> *Pool = poolFor<T>();
    uint64_t Digest = Pool ? sharedValueDigest(Bytes) : 0;
    if (Pool && !Failed)
      if (std::shared_ptr<const T> Known = Pool->find(Digest)) {
        P = std::move(Known);
        return;
      }
    auto Value = std::make_shared<T>();
    ArchiveReader Own(Bytes);
    Own.Pools = Pools;
    Own(*Value);
    if (!Own.done())
      fail();
    P = Pool && !Failed ? Pool->keep(Digest, std::move(Value))
                        : std::move(Value);
  }
  template <typename T> SharedValues<T> *poolFor() const {
    for (auto [Tag, Pool] : Pools)
      if (Tag == &TypeTag<T>)
        return static_cast<SharedValues<T> *>(Pool);
    return nullptr;
  }
  template <typename T> void get(T &Value) {
    if constexpr (std::is_enum_v<T>) {
      std::underlying_type_t<T> Raw;
      get(Raw);
      Value = static_cast<T>(Raw);
    } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
      Value = static_cast<T>(getSigned());
    } else if constexpr (std::is_integral_v<T>) {
      Value = static_cast<T>(getInteger());
    } else {
      fields(*this, Value);
    }
  }

  /// The index of a string in the table.
  size_t getStringId();
  uint64_t getInteger();
  int64_t getSigned();
  /// A LEB128 number read with \p Decode (llvm::decodeULEB128 or
  /// decodeSLEB128); fails the reader on a malformed or truncated one.
  template <typename T, typename DecodeFn> T getLeb128(DecodeFn Decode);
  /// A count of elements, each taking at least a byte of what is left.
  size_t getLength();
  /// Bytes written by ArchiveWriter::putBytes.
  llvm::StringRef getBytes();
  void fail() {
    Failed = true;
    Next = End;
  }

  const uint8_t *Next;
  const uint8_t *End;
  std::vector<llvm::StringRef> Strings;
  /// Strings[I] interned, once read as a Symbol.
  std::vector<std::optional<Symbol>> Symbols;
  bool Failed = false;
  /// One address for each type of value shared.
  template <typename T> static inline char TypeTag = 0;
  /// The pools shared values are taken from, by the TypeTag of their type.
  llvm::SmallVector<std::pair<const char *, void *>, 1> Pools;
};

} // namespace pii

#endif // PII_STORE_ARCHIVE_H
