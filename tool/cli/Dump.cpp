//===- Dump.cpp -----------------------------------------------------------===//

#include "cli/Dump.h"
#include "report/SummaryText.h"
#include "report/TextReporter.h"
#include "store/PreambleStore.h"
#include "store/SummaryCache.h"
#include "store/SummaryFile.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

namespace pii {

static void printInputs(llvm::raw_ostream &OS,
                        const std::vector<InputFile> &Inputs) {
  for (const InputFile &Input : Inputs)
    OS << "input " << Input.Path << " size " << Input.Size << " mtime-ns "
       << Input.ModifiedNs << " hash " << llvm::utohexstr(Input.Hash) << '\n';
}

static llvm::Error printSummaries(llvm::raw_ostream &OS, llvm::StringRef Sealed,
                                  llvm::StringRef Name) {
  auto Units = decodeSummaries(Sealed, Name);
  if (!Units)
    return Units.takeError();
  for (const TranslationUnitSummary &Unit : *Units)
    printSummary(OS, Unit);
  return llvm::Error::success();
}

static llvm::Error printSummaryEntry(llvm::raw_ostream &OS,
                                     llvm::StringRef Archive,
                                     llvm::StringRef Name) {
  auto Entry = decodeSummaryEntry(Archive);
  if (!Entry)
    return Entry.takeError();
  printInputs(OS, Entry->Inputs);
  OS << "translation units analyzed " << Entry->TranslationUnits
     << "\nincomplete functions " << Entry->Stats.IncompleteFunctions << '\n';
  for (const PlacedProblem &Problem : Entry->AnnotationProblems) {
    OS << (Problem.Warning ? "warning " : "error ");
    printSpot(OS, Problem.Where);
    OS << ' ' << Problem.Message << '\n';
  }
  for (const CompilerDiagnostic &D : Entry->Diagnostics) {
    OS << "diagnostic at ";
    printSpot(OS, D.Where);
    OS << ": " << D.Message << '\n' << D.Text;
  }
  return printSummaries(OS, Entry->PackedSummaries, Name);
}

static llvm::Error printLinkEntry(llvm::raw_ostream &OS,
                                  llvm::StringRef Archive) {
  auto Linked = decodeLinkEntry(Archive);
  if (!Linked)
    return Linked.takeError();
  const LinkResult &R = Linked->Result;
  OS << "summary digest " << llvm::utohexstr(Linked->SummaryDigest)
     << "\nfunctions " << R.Stats.Functions << " (differing "
     << R.Stats.DifferingFunctions << ")\ncall sites " << R.Stats.CallSites
     << " (opaque " << R.Stats.OpaqueCallSites << ")\nsummaries "
     << R.Stats.Summaries << "\nsteps " << R.Stats.Steps
     << (R.Stats.BudgetExhausted ? " (budget exhausted)" : "") << '\n';
  for (const Approximation &A : R.Approximations)
    printApproximation(OS, A);
  for (const SuppressionComment &S : R.Suppressions)
    printSuppression(OS, S);
  for (const PolicyName &Named : R.PolicyNamesDeclared)
    printDeclared(OS, Named);
  printFindings(OS, R.Findings);
  return llvm::Error::success();
}

static llvm::Error printPreambleEntry(llvm::raw_ostream &OS,
                                      llvm::StringRef Archive) {
  auto Pre = decodePreambleEntry(Archive);
  if (!Pre)
    return Pre.takeError();
  OS << "include lines\n" << Pre->IncludeLines;
  printInputs(OS, Pre->Inputs);
  for (const HeaderSpelling &S : Pre->Spellings)
    OS << "spelled " << S.Path << " as " << S.Spelled << '\n';
  OS << "pch " << Pre->Pch.size() << " bytes"
     << (Pre->Pch.empty() ? " (none: the file is parsed without)" : "") << '\n';
  return llvm::Error::success();
}

static llvm::Error printMemoEntry(llvm::raw_ostream &OS,
                                  llvm::StringRef Archive) {
  auto Memo = decodeMemoEntry(Archive);
  if (!Memo)
    return Memo.takeError();
  for (const MemoSnapshot::Body &B : Memo->Bodies)
    OS << "function " << B.Usr << " shape " << llvm::utohexstr(B.Shape.Digest)
       << " places " << B.Shape.Places.size() << " calls "
       << llvm::utohexstr(B.Calls) << " reads " << B.Reads.size() << '\n';
  OS << "summaries " << Memo->Summaries.size() << '\n';
  for (const MemoSnapshot::Flow &F : Memo->Flows)
    OS << "flow " << F.Purpose << " from " << F.Origin << " findings "
       << F.Findings.size() << " steps " << F.Steps << " reads "
       << F.Reads.size() << '\n';
  OS << "trace nodes " << Memo->Nodes.size() << " (steps " << Memo->Steps.size()
     << ")\nclass questions " << Memo->Classes.size() << '\n';
  return llvm::Error::success();
}

/// Prints \p Data, the contents of \p Path, by the kind it is sealed as.
static llvm::Error dumpFile(llvm::raw_ostream &OS, llvm::StringRef Path,
                            llvm::StringRef Data) {
  llvm::StringRef Kind = sealedKind(Data);
  if (Kind == "summary") {
    OS << "== " << Path << ": summary file\n";
    return printSummaries(OS, Data, Path);
  }
  auto Unsealed = [&](const CacheEntryKind &Entry) {
    return unseal(Entry.Seal, Data);
  };
  for (const CacheEntryKind *Entry :
       {&SummaryEntry, &LinkEntry, &MemoEntry, &PreambleEntry}) {
    if (Kind != Entry->Seal)
      continue;
    auto Archive = Unsealed(*Entry);
    if (!Archive)
      return Archive.takeError();
    OS << "== " << Path << ": " << Kind << '\n';
    if (Entry == &SummaryEntry)
      return printSummaryEntry(OS, *Archive, Path);
    if (Entry == &LinkEntry)
      return printLinkEntry(OS, *Archive);
    if (Entry == &MemoEntry)
      return printMemoEntry(OS, *Archive);
    return printPreambleEntry(OS, *Archive);
  }
  return llvm::createStringError("not a pii-flow summary or cache entry");
}

llvm::Error dumpFiles(llvm::raw_ostream &OS,
                      llvm::ArrayRef<std::string> Paths) {
  for (const std::string &Path : Paths) {
    auto Named = [&](llvm::Error E) {
      return llvm::createStringError("'" + Path +
                                     "': " + llvm::toString(std::move(E)));
    };
    // A pipe would block the read.
    if (llvm::sys::fs::exists(Path) && !llvm::sys::fs::is_regular_file(Path))
      return Named(llvm::createStringError("not a regular file"));
    auto Buffer = llvm::MemoryBuffer::getFile(Path);
    if (!Buffer)
      return Named(llvm::errorCodeToError(Buffer.getError()));
    if (llvm::Error E = dumpFile(OS, Path, (*Buffer)->getBuffer()))
      return Named(std::move(E));
  }
  return llvm::Error::success();
}

} // namespace pii
