//===- Transfer.h - How statements move labels between storage --*- C++ -*-===//
//
// Evaluates one CFG element against a Store: which labels each expression
// carries, which storage it denotes (for lvalues) or refers to (for pointers,
// references, iterators and function pointers), and what it writes. What
// leaves the function (arguments of calls, returned values, what is left in
// parameters and globals) is reported to the SummaryBuilder.
//
// Calls are CallTransfer's (CallTransfer.h); reading and writing the store,
// part by part, is in TransferStorage.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_ANALYSIS_TRANSFER_H
#define PII_CORE_ANALYSIS_TRANSFER_H

#include "core/analysis/AnalysisContext.h"
#include "core/analysis/ReturnedReference.h"
#include "core/analysis/Store.h"
#include "core/analysis/SummaryBuilder.h"

#include "clang/AST/Expr.h"

namespace clang {
class CXXConstructExpr;
class CXXCtorInitializer;
class LambdaExpr;
class Stmt;
class VarDecl;
} // namespace clang

namespace pii {

/// What an expression evaluates to.
struct Value {
  TaintSet Taint;
  /// For lvalues: the storage denoted.
  PathList Places;
  /// For pointers, iterators, function pointers and the like: the storage
  /// (or function) referred to.
  PathList Pointees;
  /// Places is one concrete location, so a write may replace what it held.
  bool ExactPlace = false;
  bool ExactPointee = false;
};

/// The labels of a value part by part: a field path below the value and
/// what is stored there.
using Parts = std::vector<
    std::pair<llvm::SmallVector<const clang::FieldDecl *, 2>, TaintSet>>;

class Transfer {
  /// Calls are evaluated on their own (CallTransfer.h), with the rest of
  /// the store's reading and writing from here.
  friend class CallTransfer;

public:
  Transfer(AnalysisContext &Ctx, SummaryBuilder &Summary, Store &S)
      : Ctx(Ctx), Summary(Summary), S(S) {}

  /// Seeds the store at entry: each parameter and `this` holds its symbolic
  /// input label, and the purposes declared on it.
  void enterFunction();
  /// Reports what the function leaves in its reference and pointer
  /// parameters, `this` and globals, given the store at its exit.
  void leaveFunction();
  /// Evaluates a statement that the CFG lists as an element.
  void execute(const clang::Stmt *St);
  /// Runs a constructor's member initializer.
  void initializeMember(const clang::CXXCtorInitializer *Init);
  /// Binds a catch handler's variable to the exception in flight.
  void enterCatch(const clang::VarDecl *Exception);
  /// Declares \p V and runs its initializer (also a global's, on its own).
  void declare(const clang::VarDecl *V);

private:
  /// Runs \p Body, the evaluation of \p Root, with the recursion of eval
  /// bounded whatever the depth of \p Root (see EvaluatedAhead).
  template <typename Fn> void evaluating(const clang::Stmt *Root, Fn Body);
  /// Evaluates the subexpressions of \p Root whose height is a multiple of
  /// MaxNesting, lowest first, into EvaluatedAhead.
  void evaluateAhead(const clang::Stmt *Root);
  void executeStatement(const clang::Stmt *St);
  void declareVariable(const clang::VarDecl *V);
  Value eval(const clang::Expr *E);
  Value evalUncached(const clang::Expr *E);
  Value evalDeclRef(const clang::DeclRefExpr *Ref);
  Value evalVariable(const clang::ValueDecl *D, clang::SourceLocation Loc);
  Value evalMember(const clang::MemberExpr *M);
  Value evalMemberPointer(const clang::BinaryOperator *B);
  Value evalUnary(const clang::UnaryOperator *U);
  Value evalBinary(const clang::BinaryOperator *B);
  Value evalCast(const clang::CastExpr *C);
  Value evalChildren(const clang::Stmt *St);

  /// Writes what \p Init makes to \p P; \p Loc is where the write's step is.
  void initialize(const AccessPath &P, bool Exact, const clang::Expr *Init,
                  clang::SourceLocation Loc);
  void initializeClosure(const AccessPath &P, const clang::LambdaExpr *L);
  /// Initializes the object at \p P member by member, when \p Init calls
  /// a function the table models as building it so (MemberModels.h);
  /// false when it does not.
  bool initializeMembers(const AccessPath &P, bool Exact,
                         const clang::Expr *Init, clang::SourceLocation Loc);
  void assign(const Value &Target, TaintSet Taint, bool Strong,
              clang::SourceLocation Loc);
  /// Makes \p Target refer to what \p Source refers to.
  void bindTargets(const Value &Target, const Value &Source);
  /// Copies the object at \p Source (read at \p ReadLoc) into \p Target
  /// (written at \p Loc) field by field; returns false when either is not
  /// one known place.
  bool copyObject(const Value &Target, const Value &Source,
                  clang::SourceLocation Loc, clang::SourceLocation ReadLoc);

  /// Labels stored at \p Places (symbolic ones refined to the place read),
  /// plus those declared on their fields and, for globals, the global's own.
  /// (A local's or parameter's own purposes live in the store from its
  /// declaration on, so a clean assignment removes them.)
  TaintSet readPlaces(const PathList &Places, clang::SourceLocation Loc);
  /// The same, part by part, following references held in fields (a
  /// lambda's by-reference captures) one level.
  Parts readParts(const PathList &Places, clang::SourceLocation Loc,
                  bool FollowTargets = true);
  bool hasSource(const TaintSet &T) const;
  TaintSet declaredLabels(const clang::ValueDecl *D, clang::SourceLocation Loc,
                          StepKind Kind);
  TaintSet globalLabels(const AccessPath &P, clang::SourceLocation Loc);
  /// What a call argument hands over, part by part: the value, what it
  /// points to, and (with \p WholeObject) the purpose fields of an object
  /// passed whole. A copy or move does not pass its object whole: the copy
  /// is of the same type, whose fields carry their purposes when read.
  Parts argumentParts(const clang::Expr *Arg, const Value &V, bool WholeObject);
  void reachParts(const Parts &P, const Port &To);
  /// The parts of the value \p E makes, through braced initialisers of
  /// records and copies: `return Contact{u.phone, "mobile"};` has the phone
  /// in its number field only.
  Parts valueParts(const clang::Expr *E, unsigned Depth = 0);
  /// \p T without the purposes of fields that a value of type \p Dest holds
  /// itself: a vector<User> gives back User::phone whenever an element's
  /// phone is read, and smearing it over the whole container would taint
  /// every other field of every element.
  TaintSet forDestination(const TaintSet &T, clang::QualType Dest);
  TaintSet withStep(const TaintSet &T, clang::SourceLocation Loc, StepKind K,
                    const clang::NamedDecl *Subject,
                    const clang::NamedDecl *Detail = nullptr);

  AnalysisContext &Ctx;
  SummaryBuilder &Summary;
  Store &S;
  /// eval recurses once per level of an expression. Generated code nests
  /// thousands of levels deep (a 3,000-term string concatenation), so
  /// before a statement is evaluated, its subexpressions every MaxNesting
  /// levels from the bottom are evaluated first, bottom up, and their values
  /// kept here for eval to take when it reaches them: no evaluation then
  /// recurses more than 2 * MaxNesting levels. Order is kept where it
  /// matters: the deepest operand of a left-nested chain comes first anyway.
  llvm::DenseMap<const clang::Expr *, Value> EvaluatedAhead;
  bool InStatement = false;
};

} // namespace pii

#endif // PII_CORE_ANALYSIS_TRANSFER_H
