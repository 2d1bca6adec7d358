//===- StatusLine.cpp -----------------------------------------------------===//

#include "cli/StatusLine.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

namespace pii {

/// Erases the terminal's current line and returns to its start.
static constexpr llvm::StringLiteral EraseLine = "\r\x1b[K";

std::unique_ptr<StatusLine> StatusLine::onStandardError() {
  const char *Term = std::getenv("TERM");
  if (!llvm::sys::Process::StandardErrIsDisplayed() ||
      (Term && llvm::StringRef(Term) == "dumb"))
    return nullptr;
  return std::make_unique<StatusLine>();
}

/// \p N with a thousands separator every three digits: 12,345.
static std::string grouped(uint64_t N) {
  std::string Digits = std::to_string(N), Text;
  for (size_t I = 0; I < Digits.size(); ++I) {
    if (I > 0 && (Digits.size() - I) % 3 == 0)
      Text += ',';
    Text += Digits[I];
  }
  return Text;
}

void StatusLine::extracted(size_t Done, size_t Total) {
  draw("[" + std::to_string(Done) + "/" + std::to_string(Total) +
           "] files extracted",
       /*Always=*/Done == Total);
}

void StatusLine::linking(const LinkProgress &Where) {
  std::string Steps;
  llvm::raw_string_ostream(Steps)
      << llvm::format("%.1fM", double(Where.Steps) / 1e6);
  draw("linking: " + grouped(Where.SourcesDone) + " of " +
           grouped(Where.Sources) + " sources, " + grouped(Where.Summaries) +
           " summaries (" + grouped(Where.Pending) + " pending), " + Steps +
           " steps",
       /*Always=*/false);
}

void StatusLine::draw(const std::string &Text, bool Always) {
  std::lock_guard<std::mutex> Guard(Lock);
  auto Now = std::chrono::steady_clock::now();
  if (!Always && Drawn && Now - LastDrawn < std::chrono::milliseconds(100))
    return;
  llvm::errs() << EraseLine << Text;
  llvm::errs().flush();
  Drawn = true;
  LastDrawn = Now;
}

void StatusLine::erase() {
  if (!Drawn)
    return;
  llvm::errs() << EraseLine;
  Drawn = false;
}

void StatusLine::print(llvm::StringRef Text) {
  std::lock_guard<std::mutex> Guard(Lock);
  erase();
  llvm::errs() << Text;
}

void StatusLine::clear() {
  std::lock_guard<std::mutex> Guard(Lock);
  erase();
  llvm::errs().flush();
}

} // namespace pii
