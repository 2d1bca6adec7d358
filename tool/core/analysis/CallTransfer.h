//===- CallTransfer.h - How calls move labels -------------------*- C++ -*-===//
//
// A call is analyzed in one of three ways (core/policy/Propagation.h). A
// call to a function whose body is in the program is *summarized*: its
// result and outputs get symbolic labels, which the link step resolves
// against the callee's summary, wherever its body is. A call the policy or
// the built-in table names is *modelled* by its Propagation; any other is
// *opaque*, modelled by the default one: its result and outputs receive its
// inputs' labels. Calls through function pointers, std::function and
// lambdas find their targets here when the function holds them, or leave
// them to the link when a caller passes them in.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_ANALYSIS_CALLTRANSFER_H
#define PII_CORE_ANALYSIS_CALLTRANSFER_H

#include "core/analysis/Transfer.h"

namespace clang {
class CXXConstructExpr;
} // namespace clang

namespace pii {

class CallTransfer {
public:
  /// Evaluates calls with \p Exprs, which evaluates their arguments and
  /// reads and writes its store.
  explicit CallTransfer(Transfer &Exprs)
      : Exprs(Exprs), Ctx(Exprs.Ctx), Summary(Exprs.Summary), S(Exprs.S) {}

  Value evalCall(const clang::CallExpr *C);
  Value evalConstruct(const clang::CXXConstructExpr *C);

private:
  /// The functions and lambdas \p V refers to (as a function pointer, a
  /// closure, or a std::function holding one), for a call or an argument.
  /// A lambda's entry is the closure's place, whose root is its call
  /// operator.
  PathList functionsOf(const Value &V);
  FunctionRef functionRef(const clang::FunctionDecl *F);
  /// The storage a call's reference result refers to, per \p R.
  PathList placesOf(const Referent &R, const PathList &ObjectPlaces,
                    llvm::ArrayRef<const clang::Expr *> Args,
                    llvm::ArrayRef<Value> ArgValues);
  /// After a call on lambda closures: what the lambda wrote through its
  /// by-reference captures is now in the captured variables.
  void writeThroughCaptures(const PathList &Closures, int Site);
  /// The index of the current function's parameter that \p V is, if it is
  /// one: a callback received from the caller.
  int parameterOf(const Value &V) const;
  /// When an opaque library call is given a callable (std::for_each's
  /// lambda), the library calls it with data from its other arguments: a
  /// call site of its own, whose result joins the library call's.
  TaintSet callBack(const clang::Expr *Callable, const Value &V,
                    llvm::ArrayRef<const clang::Expr *> Args,
                    llvm::ArrayRef<Value> ArgValues,
                    const TaintSet &ObjectTaint);
  /// A call to a function without a body, or one the policy models, as its
  /// arguments and object were evaluated.
  struct ModelledCall {
    const clang::CallExpr *Call;
    const clang::FunctionDecl *Callee;
    const clang::Expr *Object;
    llvm::ArrayRef<const clang::Expr *> Args;
    llvm::ArrayRef<Value> ArgValues;
    llvm::ArrayRef<TaintSet> ArgTaints;
    /// What the callee can write through each argument.
    llvm::ArrayRef<PathList> Written;
    const PathList &ObjectPlaces;
    const TaintSet &ObjectTaint;
    /// A non-const member function.
    bool MutatesObject;
    /// Calls the compiler wrote on its own variables get no step.
    bool Silent;
  };
  /// Applies \p Model to \p Call: writes its outputs, and returns what its
  /// result carries.
  TaintSet applyModel(const Propagation &Model, const ModelledCall &Call);
  /// Where \p Arg, an argument of the call at \p Call, is written.
  void placeArgument(CallArgument &Out, const clang::Expr *Arg,
                     clang::SourceLocation Call);
  /// Each argument of call site \p Site reaches its CallArg port.
  void reachArguments(int Site, llvm::ArrayRef<Parts> ArgParts);

  Transfer &Exprs;
  AnalysisContext &Ctx;
  SummaryBuilder &Summary;
  Store &S;
};

} // namespace pii

#endif // PII_CORE_ANALYSIS_CALLTRANSFER_H
