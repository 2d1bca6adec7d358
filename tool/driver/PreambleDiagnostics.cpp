//===- PreambleDiagnostics.cpp --------------------------------------------===//

#include "driver/PreambleDiagnostics.h"
#include "store/InputFile.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Preprocessor.h"

using namespace clang;

namespace pii {

PreambleDiagnosticPrinter::PreambleDiagnosticPrinter(
    llvm::raw_ostream &Out, DiagnosticOptions *Options, const Preamble &Pre,
    const LeadingIncludes &Includes, llvm::StringRef HeaderPath)
    : Out(Out), Includes(Includes), HeaderPath(HeaderPath),
      Printer(ScratchStream, Options) {
  // The names are given back as line notes.
  assert(Options->ShowPresumedLoc);
  for (const HeaderSpelling &S : Pre.Spellings)
    Spelled[S.Path] = S.Spelled;
}

void PreambleDiagnosticPrinter::BeginSourceFile(const LangOptions &Lang,
                                                const Preprocessor *PP) {
  Named.clear();
  MainName.clear();
  if (PP) {
    SM = &PP->getSourceManager();
    // As the PCH recorded it.
    HeaderPath = absolutePath(SM->getFileManager(), HeaderPath);
  }
  Printer.BeginSourceFile(Lang, PP);
}

void PreambleDiagnosticPrinter::EndSourceFile() { Printer.EndSourceFile(); }

void PreambleDiagnosticPrinter::finish() { Printer.finish(); }

void PreambleDiagnosticPrinter::HandleDiagnostic(DiagnosticsEngine::Level Level,
                                                 const Diagnostic &Info) {
  DiagnosticConsumer::HandleDiagnostic(Level, Info);
  SourceLocation Loc = Info.getLocation();
  if (Loc.isInvalid() || !SM || !nameAsWithout(Loc))
    Unfaithful = true;
  // An error in a header the PCH holds may be the PCH's own (a header it
  // could not tell was already included): a parse without tells.
  if (Level >= DiagnosticsEngine::Error && SM &&
      !SM->isWrittenInMainFile(SM->getFileLoc(Loc)))
    Unfaithful = true;
  Printer.HandleDiagnostic(Level, Info);
  Out << withoutPchLevel(ScratchStream.str());
  Scratch.clear();
}

bool PreambleDiagnosticPrinter::nameAsWithout(SourceLocation Loc) {
  for (FileID File = SM->getFileID(SM->getFileLoc(Loc));
       File.isValid() && SM->isLoadedFileID(File);
       File = SM->getFileID(SM->getIncludeLoc(File)))
    if (!nameAsWithout(File))
      return false;
  return true;
}

bool PreambleDiagnosticPrinter::nameAsWithout(FileID File) {
  if (Named.contains(File))
    return true;
  // Notes of our own would come after the file's and confuse its lines.
  if (SM->getSLocEntry(File).getFile().hasLineDirectives())
    return false;
  OptionalFileEntryRef Entry = SM->getFileEntryRefForID(File);
  SourceLocation Start = SM->getLocForStartOfFile(File);
  // Kept: Clang asks the line notes whether a file is a system header.
  SrcMgr::CharacteristicKind Kind = SM->getFileCharacteristic(Start);
  // A note's line number is that of the line after it (as for #line).
  if (Entry && Entry->getName() == HeaderPath) {
    MainName = SM->getFileEntryRefForID(SM->getMainFileID())->getName().str();
    int Name = SM->getLineTableFilenameID(MainName);
    for (size_t I = 0; I < Includes.MainLines.size(); ++I)
      SM->AddLineNote(SM->translateLineCol(File, I + 1, 1),
                      Includes.MainLines[I] + 1, Name, /*IsFileEntry=*/false,
                      /*IsFileExit=*/false, Kind);
  } else if (auto It = Entry ? Spelled.find(Entry->getName()) : Spelled.end();
             It != Spelled.end()) {
    SM->AddLineNote(Start, /*LineNo=*/2, SM->getLineTableFilenameID(It->second),
                    /*IsFileEntry=*/false, /*IsFileExit=*/false, Kind);
  }
  Named.insert(File);
  return true;
}

std::string
PreambleDiagnosticPrinter::withoutPchLevel(llvm::StringRef Text) const {
  if (MainName.empty())
    return Text.str();
  std::string Level = "In file included from " + MainName + ":";
  std::string Top = Level + "1:\n";
  if (Text.starts_with(Top) && Text.drop_front(Top.size()).starts_with(Level))
    return Text.drop_front(Top.size()).str();
  return Text.str();
}

} // namespace pii
