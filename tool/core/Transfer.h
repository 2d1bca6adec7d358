//===- Transfer.h - How statements move labels between storage -*- C++ -*-===//
//
// Evaluates one CFG element against a Store: which labels each expression
// carries, which storage it denotes (for lvalues) or points to (for
// pointers), and what it writes. Calls are where sinks are checked and where
// an opaque callee passes its inputs' purposes to its result and outputs.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_TRANSFER_H
#define PII_CORE_TRANSFER_H

#include "core/AnalysisContext.h"
#include "core/Store.h"

#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"

namespace clang {
class CXXConstructExpr;
class CXXCtorInitializer;
class Stmt;
class VarDecl;
} // namespace clang

namespace pii {

/// What an expression evaluates to.
struct Value {
  TaintSet Taint;
  /// For lvalues: the storage denoted.
  PathList Places;
  /// For pointers, iterators and the like: the storage referred to.
  PathList Pointees;
  /// Places is one concrete location, so a write may replace what it held.
  bool ExactPlace = false;
  bool ExactPointee = false;
};

class Transfer {
public:
  Transfer(AnalysisContext &Ctx, Store &S) : Ctx(Ctx), S(S) {}

  /// Gives the parameters of \p F the purposes declared on them.
  void enterFunction(const clang::FunctionDecl *F);
  /// Evaluates a statement that the CFG lists as an element.
  void execute(const clang::Stmt *St);
  /// Runs a constructor's member initializer.
  void initializeMember(const clang::CXXCtorInitializer *Init);
  /// Binds a catch handler's variable to the exception in flight.
  void enterCatch(const clang::VarDecl *Exception);

private:
  Value eval(const clang::Expr *E);
  Value evalDeclRef(const clang::ValueDecl *D, clang::SourceLocation Loc);
  Value evalMember(const clang::MemberExpr *M);
  Value evalUnary(const clang::UnaryOperator *U);
  Value evalBinary(const clang::BinaryOperator *B);
  Value evalCast(const clang::CastExpr *C);
  Value evalCall(const clang::CallExpr *C);
  Value evalConstruct(const clang::CXXConstructExpr *C);
  Value evalChildren(const clang::Stmt *St);

  Value evalMemberPointer(const clang::BinaryOperator *B);

  void declare(const clang::VarDecl *V);
  void initialize(const AccessPath &P, bool Exact, const clang::Expr *Init,
                  const clang::NamedDecl *Var);
  void assign(const Value &Target, TaintSet Taint, bool Strong,
              clang::SourceLocation Loc);
  /// Makes \p Target refer to what \p Source refers to.
  void bindTargets(const Value &Target, const Value &Source);
  /// Copies the object at \p Source into \p Target field by field; returns
  /// false when either is not one known place.
  bool copyObject(const Value &Target, const Value &Source,
                  clang::SourceLocation Loc);

  /// Labels stored at \p Places plus those declared on their fields and, for
  /// globals and statics, their roots. (A local's or parameter's own
  /// purposes live in the store from its declaration on, so a clean
  /// assignment removes them.)
  TaintSet readPlaces(const PathList &Places, clang::SourceLocation Loc);
  TaintSet declaredLabels(const clang::ValueDecl *D, clang::SourceLocation Loc,
                          StepKind Kind);
  /// What a call argument hands over: its value, what it points to, and
  /// (with \p WholeObject) the purpose fields of an object passed whole. A
  /// copy or move of an object does not pass it whole: the copy is of the same
  /// type, whose fields carry their purposes when read.
  TaintSet argumentTaint(const clang::Expr *Arg, const Value &V,
                         bool WholeObject);
  void checkSink(const clang::FunctionDecl *Callee,
                 llvm::ArrayRef<const clang::Expr *> Args,
                 llvm::ArrayRef<TaintSet> Taints);
  TaintSet withStep(const TaintSet &T, clang::SourceLocation Loc, StepKind K,
                    const clang::NamedDecl *Subject,
                    const clang::NamedDecl *Detail = nullptr);

  AnalysisContext &Ctx;
  Store &S;
};

} // namespace pii

#endif // PII_CORE_TRANSFER_H
