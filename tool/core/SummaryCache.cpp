//===- SummaryCache.cpp ---------------------------------------------------===//

#include "core/SummaryCache.h"
#include "core/AtomicFile.h"
#include "core/SummaryJson.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

#include <nlohmann/json.hpp>

using nlohmann::json;

namespace pii {

SummaryCache::SummaryCache(std::string Directory, std::string Salt)
    : Directory(std::move(Directory)), Salt(std::move(Salt)) {}

uint64_t SummaryCache::hashContent(llvm::StringRef Content) {
  return llvm::xxh3_64bits(Content);
}

std::string
SummaryCache::entryPath(llvm::StringRef File,
                        llvm::ArrayRef<std::string> Commands) const {
  std::string Key = Salt + '\0' + File.str();
  for (const std::string &Command : Commands)
    Key += '\0' + Command;
  llvm::SmallString<256> Path(Directory);
  llvm::sys::path::append(Path, llvm::utohexstr(hashContent(Key)) + ".json");
  return Path.str().str();
}

/// Whether \p Input is as it was: same size and time, or same content.
static bool unchanged(const InputFile &Input) {
  llvm::sys::fs::file_status Status;
  if (llvm::sys::fs::status(Input.Path, Status))
    return false;
  if (Status.getSize() == Input.Size &&
      Status.getLastModificationTime().time_since_epoch().count() ==
          Input.ModifiedNs)
    return true;
  auto Buffer = llvm::MemoryBuffer::getFile(Input.Path);
  return Buffer &&
         SummaryCache::hashContent((*Buffer)->getBuffer()) == Input.Hash;
}

std::optional<FileResult>
SummaryCache::lookup(llvm::StringRef File, llvm::ArrayRef<std::string> Commands,
                     std::string &Problem) const {
  std::string Path = entryPath(File, Commands);
  auto Buffer = llvm::MemoryBuffer::getFile(Path);
  if (!Buffer)
    return std::nullopt; // not cached yet
  auto Corrupt = [&](const std::string &Why) {
    Problem = "cache entry '" + Path + "' for '" + File.str() +
              "' is unusable (" + Why + "); analyzing the file again";
    return std::nullopt;
  };
  json Entry = json::parse((*Buffer)->getBuffer(), nullptr,
                           /*allow_exceptions=*/false);
  if (Entry.is_discarded() || !Entry.is_object())
    return Corrupt("malformed");
  try {
    const std::string Payload = Entry.at("payload").get<std::string>();
    if (Entry.at("checksum").get<uint64_t>() != hashContent(Payload))
      return Corrupt("checksum mismatch");
    json Body = json::parse(Payload);
    FileResult Result;
    for (const json &I : Body.at("inputs"))
      Result.Inputs.push_back({I.at(0).get<std::string>(),
                               I.at(1).get<uint64_t>(), I.at(2).get<int64_t>(),
                               I.at(3).get<uint64_t>()});
    for (const InputFile &Input : Result.Inputs)
      if (!unchanged(Input))
        return std::nullopt; // a stale entry: the file changed
    auto Units = summariesFromJson(Body.at("summaries").dump(), Path);
    if (!Units)
      return Corrupt(llvm::toString(Units.takeError()));
    Result.Summaries = std::move(*Units);
    Body.at("diagnostics").get_to(Result.Diagnostics);
    Body.at("annotation_problems").get_to(Result.AnnotationProblems);
    Body.at("translation_units").get_to(Result.TranslationUnits);
    Body.at("incomplete").get_to(Result.Stats.IncompleteFunctions);
    return Result;
  } catch (const std::exception &E) {
    return Corrupt(E.what());
  }
}

std::string SummaryCache::store(llvm::StringRef File,
                                llvm::ArrayRef<std::string> Commands,
                                const FileResult &Result) const {
  if (std::error_code EC = llvm::sys::fs::create_directories(Directory))
    return "cannot create the cache directory '" + Directory +
           "': " + EC.message();
  json Inputs = json::array();
  for (const InputFile &I : Result.Inputs)
    Inputs.push_back({I.Path, I.Size, I.ModifiedNs, I.Hash});
  std::string Payload =
      json{{"inputs", Inputs},
           {"summaries", json::parse(summariesToJson(Result.Summaries))},
           {"diagnostics", Result.Diagnostics},
           {"annotation_problems", Result.AnnotationProblems},
           {"translation_units", Result.TranslationUnits},
           {"incomplete", Result.Stats.IncompleteFunctions}}
          .dump();
  json Entry = {{"checksum", hashContent(Payload)}, {"payload", Payload}};
  if (llvm::Error E =
          writeFileAtomically(entryPath(File, Commands), Entry.dump()))
    return llvm::toString(std::move(E));
  return "";
}

} // namespace pii
