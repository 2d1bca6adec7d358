//===- Facts.h - Where a value is, in and out of a function -*- C++ -*-===//
//
// The link's two vocabularies: a Fact is a value's place inside one
// function (an input port with a field path), a Reach where a value leaves
// it, as seen by its callers. A summary maps an input Fact to Reaches.
// Neither names a function by a number of one link: a summary kept from one
// link to the next (LinkMemo) means the same in both.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_LINK_FACTS_H
#define PII_CORE_LINK_FACTS_H

#include "core/link/Place.h"
#include "core/model/Summary.h"

#include "llvm/ADT/Hashing.h"

#include <cstdint>
#include <initializer_list>
#include <tuple>

namespace pii {

/// An interned symbol's or place's address, as a word of a hash.
inline uint64_t wordOf(const void *Identity) {
  return uint64_t(reinterpret_cast<uintptr_t>(Identity));
}

/// A hash of \p Words after \p Seed, for the keys the solver looks up at
/// every step: llvm::hash_combine costs it a tenth of its time. The words
/// are numbers and the addresses of interned symbols and places, so
/// multiplying them in is enough, with a last mix for the low bits that
/// hash tables take.
inline uint64_t hashWords(uint64_t Seed,
                          std::initializer_list<uint64_t> Words) {
  constexpr uint64_t K = 0x9E3779B97F4A7C15ULL;
  uint64_t H = Seed;
  for (uint64_t Word : Words)
    H = (((H << 5) | (H >> 59)) ^ Word) * K;
  H ^= H >> 29;
  H *= K;
  return H ^ (H >> 32);
}

/// A value's position inside one function: an input port (as in Summary.h)
/// with the field path below it. Sources are numbered program-wide.
struct Fact {
  PortKind Kind;
  int Index = 0;
  int Arg = 0;
  Symbol Name;
  PathRef Path;

  /// Where each kind of fact keeps its numbers (as Port does).
  static Fact source(int Source) {
    return {PortKind::Source, Source, 0, {}, {}};
  }
  static Fact param(int Param, PathRef Path) {
    return {PortKind::Param, Param, 0, {}, Path};
  }
  static Fact callResult(int Site, PathRef Path = {}) {
    return {PortKind::CallResult, Site, 0, {}, Path};
  }
  static Fact callOut(int Site, int Arg, PathRef Path = {}) {
    return {PortKind::CallOut, Site, Arg, {}, Path};
  }
  static Fact global(Symbol Variable, PathRef Path) {
    return {PortKind::Global, 0, 0, Variable, Path};
  }
  static Fact relay(int Relay, PathRef Path) {
    return {PortKind::Relay, Relay, 0, {}, Path};
  }

  auto key() const { return std::tie(Kind, Index, Arg, Name, Path); }
  /// The order the solver visits facts in: by the text of their symbols,
  /// so that it, and the paths it chooses, do not depend on the run.
  friend bool operator<(const Fact &A, const Fact &B) {
    return A.key() < B.key();
  }
  /// Equality is identity of symbols: no text is compared.
  friend bool operator==(const Fact &A, const Fact &B) {
    return A.key() == B.key();
  }
  friend llvm::hash_code hash_value(const Fact &F) { return F.hash(0); }
  /// A hash of the fact and \p Owner (the function or query it is in).
  uint64_t hash(uint64_t Owner) const {
    return hashWords(Owner, {(uint64_t(Kind) << 56) ^
                                 (uint64_t(uint32_t(Index)) << 24) ^
                                 uint64_t(uint32_t(Arg)),
                             wordOf(Name.identity()), wordOf(Path.identity())});
  }
};

/// Where a value ends up, as seen from outside a function.
struct Reach {
  enum KindT { Return, ParamOut, Global, Sink } Kind;
  int Index = 0; // ParamOut: parameter
  int Arg = 0;   // Sink: call site
  int Arg2 = 0;  // Sink: argument
  Symbol Name;   // Global: the variable; Sink: the sink kind
  PathRef Path;
  Symbol SinkName;                     // Sink: the sink function
  const FunctionSummary *In = nullptr; // Sink: the function calling it

  auto key() const {
    return std::tie(Kind, Index, Arg, Arg2, Name, Path, SinkName, In);
  }

  static Reach returned(PathRef Path) {
    return {Return, 0, 0, 0, {}, Path, {}, nullptr};
  }
  static Reach parameter(int Index, PathRef Path) {
    return {ParamOut, Index, 0, 0, {}, Path, {}, nullptr};
  }
  static Reach global(Symbol Name, PathRef Path) {
    return {Global, 0, 0, 0, Name, Path, {}, nullptr};
  }
  static Reach sink(const FunctionSummary &In, int Call, int Arg, Symbol Kind,
                    Symbol Name) {
    return {Sink, 0, Call, Arg, Kind, {}, Name, &In};
  }
  friend bool operator<(const Reach &A, const Reach &B) {
    return A.key() < B.key();
  }
  friend bool operator==(const Reach &A, const Reach &B) {
    return A.key() == B.key();
  }
  /// A hash of the reach from \p Owner (the function it leaves), as
  /// Fact::hash: the solver hashes one at every exit of a source's flow.
  uint64_t hash(uint64_t Owner) const {
    return hashWords(
        Owner, {(uint64_t(Kind) << 56) ^ (uint64_t(uint32_t(Index)) << 40) ^
                    (uint64_t(uint32_t(Arg)) << 20) ^ uint64_t(uint32_t(Arg2)),
                wordOf(Name.identity()), wordOf(Path.identity()),
                wordOf(SinkName.identity()), wordOf(In)});
  }
};

} // namespace pii

#endif // PII_CORE_LINK_FACTS_H
