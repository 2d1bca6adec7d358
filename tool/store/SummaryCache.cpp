//===- SummaryCache.cpp ---------------------------------------------------===//

#include "store/SummaryCache.h"
#include "core/model/SummaryFields.h"
#include "store/Archive.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <mutex>

namespace pii {

/// The link entry is the program's, keyed by its files.
static constexpr llvm::StringLiteral ProgramKey = "the program";

/// The size and modification time of each input, taken once.
class SummaryCache::InputStatuses {
public:
  /// \p Path's status, or nothing if it cannot be read.
  std::optional<llvm::sys::fs::file_status> of(llvm::StringRef Path) {
    std::lock_guard<std::mutex> Guard(Lock);
    auto [It, New] = Statuses.try_emplace(Path);
    if (New) {
      llvm::sys::fs::file_status Status;
      if (!llvm::sys::fs::status(Path, Status))
        It->second = Status;
    }
    return It->second;
  }

private:
  std::mutex Lock;
  llvm::StringMap<std::optional<llvm::sys::fs::file_status>> Statuses;
};

SummaryCache::SummaryCache(CacheDirectory Directory)
    : Directory(std::move(Directory)),
      Statuses(std::make_shared<InputStatuses>()) {}

/// Fingerprint and Justification are left out: reporting computes them
/// after the link, from the sources as they are then.
template <typename Ar> void fields(Ar &A, Finding &F) {
  A(F.RuleId, F.Level, F.Purpose, F.SourceName, F.SourceDecl, F.SinkName,
    F.SinkKind, F.ArgIndex, F.Where, F.WhereEnd, F.Call, F.Steps);
}

template <typename Ar> void fields(Ar &A, LinkStats &S) {
  A(S.Functions, S.DifferingFunctions, S.CallSites, S.OpaqueCallSites,
    S.Summaries, S.Steps, S.BudgetExhausted, S.Flows);
}

template <typename Ar> void fields(Ar &A, LinkResult &R) {
  A(R.Findings, R.Stats, R.Approximations, R.Suppressions,
    R.PolicyNamesDeclared);
}

template <typename Ar> void fields(Ar &A, PlacedProblem &P) {
  A(P.Where, P.Message, P.Warning);
}

/// A summary entry's fields, for reading and writing alike: the inputs come
/// first, so that a stale entry is not read further.
template <typename Ar, typename ResultT>
static void inputFields(Ar &A, ResultT &Result) {
  A(Result.Inputs);
}
template <typename Ar, typename ResultT>
static void resultFields(Ar &A, ResultT &Result) {
  A(Result.PackedSummaries, Result.Diagnostics, Result.AnnotationProblems,
    Result.TranslationUnits, Result.Stats.IncompleteFunctions);
}

llvm::Expected<FileResult> decodeSummaryEntry(llvm::StringRef Archive) {
  ArchiveReader Reader(Archive);
  FileResult Result;
  inputFields(Reader, Result);
  resultFields(Reader, Result);
  if (!Reader.done())
    return llvm::createStringError("malformed");
  return Result;
}

llvm::Expected<MemoSnapshot> decodeMemoEntry(llvm::StringRef Archive) {
  ArchiveReader Reader(Archive);
  MemoSnapshot Memo;
  Reader(Memo);
  if (!Reader.done())
    return llvm::createStringError("malformed");
  return Memo;
}

llvm::Expected<LinkedProgram> decodeLinkEntry(llvm::StringRef Archive) {
  ArchiveReader Reader(Archive);
  LinkedProgram Linked;
  Reader(Linked.SummaryDigest, Linked.Result);
  if (!Reader.done())
    return llvm::createStringError("malformed");
  return Linked;
}

llvm::Expected<SummaryCache::Lookup>
SummaryCache::lookup(llvm::StringRef File,
                     llvm::ArrayRef<std::string> Commands) const {
  std::string Path = Directory.entryPath(SummaryEntry, File, Commands);
  auto Unusable = [&](llvm::Error Why) {
    return CacheDirectory::unusable(Path, "'" + File.str() + "'",
                                    std::move(Why), "analyzing the file again");
  };
  auto Malformed = [&] {
    return Unusable(llvm::createStringError("malformed"));
  };
  auto Entry = Directory.read(SummaryEntry, Path);
  if (!Entry)
    return Unusable(Entry.takeError());
  if (!*Entry)
    return Lookup(); // not cached yet
  ArchiveReader Reader((*Entry)->Archive);
  FileResult Result;
  inputFields(Reader, Result);
  if (!Reader.ok())
    return Malformed();
  for (const InputFile &Input : Result.Inputs)
    if (!unchanged(Input, Statuses->of(Input.Path)))
      return Lookup{std::nullopt, /*Stale=*/true};
  resultFields(Reader, Result);
  if (!Reader.done())
    return Malformed();
  return Lookup{std::move(Result), false};
}

llvm::Error SummaryCache::store(llvm::StringRef File,
                                llvm::ArrayRef<std::string> Commands,
                                const FileResult &Result) const {
  ArchiveWriter Writer;
  inputFields(Writer, Result);
  resultFields(Writer, Result);
  return Directory.write(SummaryEntry,
                         Directory.entryPath(SummaryEntry, File, Commands),
                         Writer.finish());
}

llvm::Expected<std::optional<LinkResult>>
SummaryCache::lookupLink(llvm::ArrayRef<std::string> Files,
                         uint64_t SummaryDigest) const {
  std::string Path = Directory.entryPath(LinkEntry, ProgramKey, Files);
  auto Unusable = [&](llvm::Error Why) {
    return CacheDirectory::unusable(Path, "the program's link", std::move(Why),
                                    "linking again");
  };
  auto Malformed = [&] {
    return Unusable(llvm::createStringError("malformed"));
  };
  auto Entry = Directory.read(LinkEntry, Path);
  if (!Entry)
    return Unusable(Entry.takeError());
  if (!*Entry)
    return std::nullopt; // not linked yet
  ArchiveReader Reader((*Entry)->Archive);
  uint64_t Digest = 0;
  Reader(Digest);
  if (!Reader.ok())
    return Malformed();
  if (Digest != SummaryDigest)
    return std::nullopt; // linked from other summaries
  LinkResult Result;
  Reader(Result);
  if (!Reader.done())
    return Malformed();
  return Result;
}

llvm::Error SummaryCache::storeLink(llvm::ArrayRef<std::string> Files,
                                    uint64_t SummaryDigest,
                                    const LinkResult &Result) const {
  ArchiveWriter Writer;
  Writer(SummaryDigest, Result);
  return Directory.write(LinkEntry,
                         Directory.entryPath(LinkEntry, ProgramKey, Files),
                         Writer.finish());
}

llvm::Expected<std::optional<MemoSnapshot>>
SummaryCache::lookupMemo(llvm::ArrayRef<std::string> Files) const {
  std::string Path = Directory.entryPath(MemoEntry, ProgramKey, Files);
  auto Entry = Directory.read(MemoEntry, Path);
  if (!Entry)
    return CacheDirectory::unusable(Path, "the program's last link",
                                    Entry.takeError(), "linking afresh");
  if (!*Entry)
    return std::nullopt;
  auto Memo = decodeMemoEntry((*Entry)->Archive);
  if (!Memo)
    return CacheDirectory::unusable(Path, "the program's last link",
                                    Memo.takeError(), "linking afresh");
  return std::move(*Memo);
}

llvm::Error SummaryCache::storeMemo(llvm::ArrayRef<std::string> Files,
                                    const MemoSnapshot &Memo) const {
  ArchiveWriter Writer;
  Writer(Memo);
  return Directory.write(MemoEntry,
                         Directory.entryPath(MemoEntry, ProgramKey, Files),
                         Writer.finish());
}

} // namespace pii
