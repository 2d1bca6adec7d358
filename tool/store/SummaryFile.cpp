//===- SummaryFile.cpp ----------------------------------------------------===//

#include "store/SummaryFile.h"
#include "core/model/SummaryFields.h"
#include "store/Archive.h"

#include "llvm/ADT/StringExtras.h"
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

std::string encodeSummaries(const std::vector<TranslationUnitSummary> &Units) {
  ArchiveWriter Writer;
  Writer(Units);
  return seal(SummaryKind, Writer.finish());
}

llvm::Expected<std::vector<TranslationUnitSummary>>
decodeSummaries(llvm::StringRef Data, llvm::StringRef Name) {
  auto Archive = unseal(SummaryKind, Data);
  if (!Archive)
    return llvm::createStringError(Name + ": " +
                                   llvm::toString(Archive.takeError()));
  auto Fail = [&](const llvm::Twine &What) {
    return llvm::createStringError(Name +
                                   ": not a valid pii-flow summary: " + What);
  };
  ArchiveReader Reader(*Archive);
  std::vector<TranslationUnitSummary> Units;
  Reader(Units);
  if (!Reader.done())
    return Fail("malformed");
  if (std::string Problem = inconsistencyIn(Units); !Problem.empty())
    return Fail(Problem);
  return Units;
}

} // namespace pii
