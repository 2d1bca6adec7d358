//===- SummaryFile.cpp ----------------------------------------------------===//

#include "store/SummaryFile.h"
#include "core/model/SummaryFields.h"
#include "store/Archive.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Compression.h"
#include "llvm/Support/Endian.h"
#include "llvm/Support/xxhash.h"

namespace pii {

static constexpr llvm::StringLiteral SummaryKind = "summary";

static std::string firstLine(llvm::StringRef Kind, uint64_t Checksum) {
  return ("pii-flow " + Kind + " " + llvm::Twine(SummaryFormatVersion) + " " +
          llvm::utohexstr(Checksum) + "\n")
      .str();
}

std::string seal(llvm::StringRef Kind, llvm::StringRef Archive) {
  return firstLine(Kind, llvm::xxh3_64bits(Archive)) + Archive.str();
}

llvm::StringRef sealedKind(llvm::StringRef Data) {
  llvm::SmallVector<llvm::StringRef, 4> Words;
  Data.split('\n').first.split(Words, ' ');
  return Words.size() == 4 && Words[0] == "pii-flow" ? Words[1] : "";
}

llvm::Expected<llvm::StringRef> unseal(llvm::StringRef Kind,
                                       llvm::StringRef Data) {
  auto [Line, Archive] = Data.split('\n');
  llvm::SmallVector<llvm::StringRef, 4> Words;
  Line.split(Words, ' ');
  if (Words.size() != 4 || Words[0] != "pii-flow" || Words[1] != Kind)
    return llvm::createStringError("not a pii-flow " + Kind);
  if (Words[2] != std::to_string(SummaryFormatVersion))
    return llvm::createStringError("a pii-flow " + Kind + " of format " +
                                   Words[2] + "; this pii-flow reads format " +
                                   std::to_string(SummaryFormatVersion));
  if (Words[3] != llvm::utohexstr(llvm::xxh3_64bits(Archive)))
    return llvm::createStringError("a truncated or corrupt pii-flow " + Kind +
                                   " (checksum mismatch)");
  return Archive;
}

/// Summaries repeat a header's functions unit after unit: compressed, a
/// program's take about a sixth of the room, on disk and in memory until
/// they are linked. The archive's size comes first, so that reading it
/// allocates once; a pii-flow without zstd writes it as it is.
static std::string compressed(llvm::StringRef Archive) {
  std::string Out(1 + sizeof(uint64_t), '\0');
  llvm::support::endian::write64le(&Out[1], Archive.size());
  if (!llvm::compression::zstd::isAvailable()) {
    Out[0] = 'r';
    Out.append(Archive);
    return Out;
  }
  Out[0] = 'z';
  llvm::SmallVector<uint8_t, 0> Packed;
  llvm::compression::zstd::compress(
      llvm::arrayRefFromStringRef(Archive), Packed,
      llvm::compression::zstd::BestSpeedCompression);
  Out.append(llvm::toStringRef(Packed));
  return Out;
}

static llvm::Expected<std::string> decompressed(llvm::StringRef Data) {
  if (Data.size() < 1 + sizeof(uint64_t))
    return llvm::createStringError("malformed");
  uint64_t Size = llvm::support::endian::read64le(Data.data() + 1);
  llvm::StringRef Body = Data.drop_front(1 + sizeof(uint64_t));
  if (Data[0] == 'r' && Body.size() == Size)
    return Body.str();
  // Compression is not better than this; a larger size is not believed.
  if (Data[0] != 'z' || Size > Body.size() * 1024 ||
      !llvm::compression::zstd::isAvailable())
    return llvm::createStringError("malformed");
  std::string Archive(Size, '\0');
  size_t Written = Size;
  if (llvm::Error E = llvm::compression::zstd::decompress(
          llvm::arrayRefFromStringRef(Body),
          reinterpret_cast<uint8_t *>(Archive.data()), Written))
    return E;
  if (Written != Size)
    return llvm::createStringError("malformed");
  return Archive;
}

std::string encodeSummaries(const std::vector<TranslationUnitSummary> &Units) {
  ArchiveWriter Writer;
  Writer(Units);
  return seal(SummaryKind, compressed(Writer.finish()));
}

llvm::Expected<std::vector<TranslationUnitSummary>>
decodeSummaries(llvm::StringRef Data, llvm::StringRef Name,
                SharedValues<FunctionSummary> *Functions) {
  auto Archive = unseal(SummaryKind, Data);
  if (!Archive)
    return llvm::createStringError(Name + ": " +
                                   llvm::toString(Archive.takeError()));
  auto Fail = [&](const llvm::Twine &What) {
    return llvm::createStringError(Name +
                                   ": not a valid pii-flow summary: " + What);
  };
  auto Whole = decompressed(*Archive);
  if (!Whole)
    return Fail(llvm::toString(Whole.takeError()));
  ArchiveReader Reader(*Whole);
  if (Functions)
    Reader.share(*Functions);
  std::vector<TranslationUnitSummary> Units;
  Reader(Units);
  if (!Reader.done())
    return Fail("malformed");
  if (std::string Problem = inconsistencyIn(Units); !Problem.empty())
    return Fail(Problem);
  return Units;
}

} // namespace pii
