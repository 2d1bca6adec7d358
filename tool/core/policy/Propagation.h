//===- Propagation.h - What a function does with its inputs -----*- C++ -*-===//
//
// A call is analyzed in one of three ways. A function whose body is in the
// program is *summarized* (core/analysis) and the link follows it. Any other
// is *modelled* by a Propagation: which of its inputs reach which of its
// outputs. The default Propagation is the opaque-call rule of SPEC section 2
// (every input reaches the result and every output the function can write);
// the built-in table (Policy::builtin) and the policy file's "propagations"
// say otherwise for the functions they name: a library the user cannot
// annotate (an in-house string builder, a logging library), or a standard
// algorithm that keeps only what its callable returns. A function named
// there is modelled even when its body is in the program.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_POLICY_PROPAGATION_H
#define PII_CORE_POLICY_PROPAGATION_H

#include <optional>
#include <string>
#include <vector>

namespace pii {

struct Propagation {
  /// Whose purposes flow: explicit arguments by 0-based index (all when
  /// absent), and the object a member function is called on.
  std::optional<std::vector<unsigned>> FromArgs;
  bool FromObject = true;
  /// Where they flow: the result; what the arguments listed refer to (when
  /// absent, every argument the function can write: a non-const reference
  /// or pointer, a writable iterator); the object (when absent, if the
  /// member function is not const).
  bool ToResult = true;
  std::optional<std::vector<unsigned>> ToArgs;
  std::optional<bool> ToObject;
  /// The function calls the callables it is given on the elements it is
  /// given and keeps only what they return: std::transform(first, last,
  /// out, f) writes f(x), not x.
  bool ProjectsThroughCallable = false;
  /// The model is the C library's function by that name (read, open,
  /// time): a function of the same name declared outside the system
  /// headers is the program's own, and is analyzed as such.
  bool SystemLibraryOnly = false;

  /// Member-wise models, exact where the rest would merge: the function
  /// builds an object whose member MemberNames[i] is argument i
  /// (std::make_pair, std::pair's constructor), or returns the member
  /// MemberNames[I] of its one argument, I its first template argument
  /// (std::get<I> of a pair). A call the model does not fit (std::get of a
  /// tuple, which has no such members) is modelled by the fields above.
  enum class MemberWise { No, BuildsFromArgs, ReadsByTemplateIndex };
  MemberWise Members = MemberWise::No;
  std::vector<std::string> MemberNames;

  bool takes(unsigned Arg) const;

  /// One line, for the cache's key (Policy::fingerprint).
  std::string fingerprint() const;
};

} // namespace pii

#endif // PII_CORE_POLICY_PROPAGATION_H
