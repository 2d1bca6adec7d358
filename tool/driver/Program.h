//===- Program.h - The program both front ends drive ------------*- C++ -*-===//
//
// A program is its files, each with its compile command, under a policy,
// and optionally the caches of a previous run. pii-flow extracts every file
// and links once; pii-clangd extracts every file, then, edit after edit,
// extracts again the files that read the edited one (seeing the editor's
// unsaved texts) and links again. Both go through this one interface, so
// what a run reports and what the editor shows come from the same path.
//
//===----------------------------------------------------------------------===//

#ifndef PII_DRIVER_PROGRAM_H
#define PII_DRIVER_PROGRAM_H

#include "core/model/FileOverlay.h"
#include "core/policy/Policy.h"
#include "driver/CompileJob.h"
#include "driver/CompilerDiagnostics.h"
#include "driver/FunctionPool.h"
#include "driver/ProgramAnalysis.h"
#include "driver/Progress.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>
#include <vector>

namespace clang::tooling {
class CompilationDatabase;
}

namespace pii {

struct Caches;
class LinkMemo;
struct FileAnalysis;
class ProgramUnpacking;

class Program {
public:
  /// \p Files, each compiled with its command from \p Commands, under \p P.
  /// With \p Cache, unchanged files are not parsed again and a program
  /// whose summaries are unchanged is not linked again; the results depend
  /// on neither.
  Program(const clang::tooling::CompilationDatabase &Commands,
          const std::vector<std::string> &Files, const Policy &P,
          const Caches *Cache = nullptr);
  ~Program();

  /// From now on, tells \p Observer how extraction and the link go.
  void observe(ProgressObserver &Observer) { Progress = &Observer; }

  /// Stops the link after \p Steps steps (LinkOptions::StepBudget).
  void limitLink(uint64_t Steps) { LinkBudget = Steps; }

  /// From now on, keeps each link's summaries for the next (LinkMemo.h):
  /// for a program linked again after every edit.
  void rememberLinks();

  /// Extracts every file, \p Threads at a time (0: one per core). With
  /// \p Show, the compiler's diagnostics are shown as the files are done.
  void extractAll(unsigned Threads, const DiagnosticsShower &Show = nullptr);

  /// Extracts \p File again, seeing \p Overlay's texts, with its preamble
  /// from the cache when one fits; a file that is not one of the program's
  /// becomes one. The result is not cached: the texts need not be on disk.
  /// Returns whether the parse read the file's headers from a preamble.
  bool update(const std::string &File, const FileOverlay &Overlay);

  /// Builds and stores \p File's preamble (Preamble.h), with \p Overlay,
  /// unless the cache has one that fits: for a file that is being edited.
  llvm::Error preparePreamble(const std::string &File,
                              const FileOverlay &Overlay) const;

  /// What extraction found so far: everything but the findings, which the
  /// link makes. The summaries are then units().
  ProgramAnalysis extraction();

  /// Links the summaries extracted so far into the program's findings.
  ProgramAnalysis link();

  /// The files of the program that read \p File: itself, if it is one, and
  /// those that include it.
  std::vector<std::string> readersOf(const std::string &File) const;

  /// The summaries extracted so far, in file order.
  std::vector<const TranslationUnitSummary *> units() const;

private:
  /// What the files' extractions hold, as they are.
  ProgramAnalysis merged() const;
  /// The index of \p File's job, added if it has none.
  size_t jobOf(const std::string &File);

  const clang::tooling::CompilationDatabase &Commands;
  const Policy &P;
  const Caches *Cache;
  ProgressObserver *Progress = nullptr;
  uint64_t LinkBudget = LinkStepBudget;
  std::vector<CompileJob> Jobs;
  std::vector<FileAnalysis> PerFile;
  /// The functions of PerFile's summaries, each held once.
  FunctionPool Functions;
  /// With rememberLinks, what the last link leaves the next.
  std::unique_ptr<LinkMemo> Memo;
  /// From extractAll with a cache until the first link: the files taken
  /// from the cache are unpacked and indexed while others parse.
  std::unique_ptr<ProgramUnpacking> Unpacking;
  unsigned Threads = 0;
  double ExtractSeconds = 0;
  /// A file was extracted with an overlay: its summaries are not keyed in
  /// the cache, and neither is the link.
  bool Updated = false;
};

/// Links \p Units, whatever extracted them (`pii-flow link` reads them from
/// summary files), isolated (IsolatedRun.h): a crash in the link is
/// reported, and what was found before it kept.
ProgramAnalysis linkUnits(llvm::ArrayRef<const TranslationUnitSummary *> Units,
                          const Policy &P, ProgressObserver *Progress = nullptr,
                          uint64_t Budget = LinkStepBudget);

} // namespace pii

#endif // PII_DRIVER_PROGRAM_H
