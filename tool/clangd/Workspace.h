//===- Workspace.h - The program an editor works on -------------*- C++ -*-===//
//
// pii-clangd analyzes the program a file belongs to: the compile_commands.json
// found the way clangd finds it (in the file's directory or a parent, or in
// their build/ subdirectory). The program is loaded once, from the summary
// cache under that build directory (a `pii-flow -p` run fills it as well,
// and the load fills in what is missing), and then kept in memory: an edit
// extracts again only the translation units that read the edited file, and
// links the program again. A save or a pause in typing costs the parse of
// that file and the link, not a look at every file of the program.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CLANGD_WORKSPACE_H
#define PII_CLANGD_WORKSPACE_H

#include "core/policy/Policy.h"
#include "driver/Inputs.h"
#include "driver/Program.h"
#include "store/Caches.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <string>

namespace pii {

class Workspace {
public:
  /// Loads the program \p Source describes, and links it.
  static llvm::Expected<std::unique_ptr<Workspace>>
  load(const CommandSource &Source, const Policy &P);

  const CommandSource &source() const { return Source; }

  /// The translation units that read \p File: itself, if it is one, and
  /// those that include it.
  std::vector<std::string> readersOf(const std::string &File) const;

  /// Extracts \p Units again, seeing \p Overlay's texts for unsaved
  /// buffers, and links the program again; false if \p Cancelled said to
  /// stop first (the units extracted are kept). A unit the program does not
  /// have (a new file, a header nothing includes yet, any file of a project
  /// without a compile_commands.json) becomes one, compiled with the
  /// command its source gives or infers for it (a neighbour's, as clangd
  /// does).
  bool update(const std::vector<std::string> &Units, const FileOverlay &Overlay,
              llvm::function_ref<bool()> Cancelled);

  /// Builds the preambles (driver/Preamble.h) \p Units lack, with
  /// \p Overlay's texts, so that their next updates parse faster; stops
  /// between units when \p Cancelled says so. Problems go to stderr.
  void preparePreambles(const std::vector<std::string> &Units,
                        const FileOverlay &Overlay,
                        llvm::function_ref<bool()> Cancelled) const;

  /// What crashed (an internal error) in the units' last extractions and
  /// the last link, said in a sentence each.
  std::vector<std::string> internalErrors() const;

  /// The program as last linked.
  const ProgramAnalysis &linked() const { return Linked; }
  /// How many units the last update parsed with a preamble.
  unsigned preambleParses() const { return PreambleParses; }

  /// pii-flow's diagnostics, by file URI: the findings, less those
  /// suppressed in the source, and the problems with annotations and
  /// suppressions; placed in \p Texts, the editor's buffers, where it has
  /// them.
  std::map<std::string, nlohmann::json>
  diagnostics(bool RelatedInformation, const FileOverlay &Texts) const;

  ~Workspace();

private:
  Workspace(CommandSource Source, Inputs In, const Policy &P,
            std::unique_ptr<Caches> Cache);
  void link();

  CommandSource Source;
  Inputs In;
  Policy P;
  std::unique_ptr<Caches> Cache;
  std::unique_ptr<Program> Analyzed;
  /// The last link's result, before the finding pipeline.
  ProgramAnalysis Linked;
  unsigned PreambleParses = 0;
};

} // namespace pii

#endif // PII_CLANGD_WORKSPACE_H
