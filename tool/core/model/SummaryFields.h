//===- SummaryFields.h - The summary types, field by field -----*- C++ -*-===//
//
// The field lists of the summary types, in declaration order, for whatever
// walks a summary's values one by one: the archive (store/Archive.h), and
// the link's test of whether a body only moved in its file
// (link/MovedBody.h). A field added to a summary type must be added here,
// and the cache's format version raised.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_MODEL_SUMMARYFIELDS_H
#define PII_CORE_MODEL_SUMMARYFIELDS_H

#include "core/model/CompilerDiagnostic.h"
#include "core/model/Summary.h"

namespace pii {

template <typename Ar> void fields(Ar &A, SourceSpot &S) {
  A(S.File, S.Line, S.Column);
}

template <typename Ar> void fields(Ar &A, FlowStep &S) {
  A(S.Kind, S.Where, S.Subject, S.Detail, S.Purpose, S.Arg);
}

template <typename Ar> void fields(Ar &A, Port &P) {
  A(P.Kind, P.Index, P.Arg, P.Name, P.Path);
}

template <typename Ar> void fields(Ar &A, SourceInfo &S) {
  A(S.Purpose, S.OriginUsr, S.OriginName, S.OriginSpot);
}

template <typename Ar> void fields(Ar &A, Edge &E) { A(E.From, E.To, E.Steps); }

template <typename Ar> void fields(Ar &A, FunctionRef &F) {
  A(F.Usr, F.Name, F.SinkKinds);
}

template <typename Ar> void fields(Ar &A, CallArgument &C) {
  A(C.Where, C.End, C.SinkKind, C.Output, C.Functions, C.ForwardedParam);
}

template <typename Ar> void fields(Ar &A, CallSite &C) {
  A(C.Callees, C.CalleeName, C.Virtual, C.Where, C.Args, C.MutatesObject,
    C.ReturnsValue, C.Declassifies, C.CalleeParam);
}

template <typename Ar> void fields(Ar &A, FunctionSummary &F) {
  A(F.Usr, F.Name, F.Where, F.Overrides, F.SinkKinds, F.Calls, F.Edges);
}

template <typename Ar> void fields(Ar &A, ClassInfo &C) { A(C.Usr, C.Bases); }

template <typename Ar> void fields(Ar &A, Approximation &X) {
  A(X.Kind, X.Where, X.Subject, X.Count);
}

template <typename Ar> void fields(Ar &A, CompilerDiagnostic &D) {
  A(D.Level, D.Where, D.Message, D.Text);
}

template <typename Ar> void fields(Ar &A, SuppressionComment &C) {
  A(C.Where, C.Rules, C.Reason, C.Problem);
}

template <typename Ar> void fields(Ar &A, PolicyName &N) { A(N.Kind, N.Name); }

template <typename Ar> void fields(Ar &A, TranslationUnitSummary &U) {
  A(U.File, U.Sources, U.Functions, U.Classes, U.Approximations, U.Suppressions,
    U.PolicyNamesDeclared);
}

} // namespace pii

#endif // PII_CORE_MODEL_SUMMARYFIELDS_H
