//===- pii/annotations.h - Purpose-limitation annotations -------*- C++ -*-===//
//
// Marks where personal data comes from and where it must not go, for the
// pii-flow analyzer. Two spellings mean the same thing:
//
//   [[pii::purpose("security")]] std::string phone;   // read by pii-flow only
//   PII_PURPOSE("security") std::string phone;        // portable
//
// Prefer the macros in code that other compilers build: GCC and plain Clang
// warn about the unknown `pii::` attribute namespace (-Wattributes,
// -Wunknown-attributes), whereas the macros expand to Clang's own
// `annotate` attribute, which every Clang front end (compiler, clangd,
// clang-tidy, pii-flow) keeps in the AST, and to nothing elsewhere.
//
//===----------------------------------------------------------------------===//

#ifndef PII_ANNOTATIONS_H
#define PII_ANNOTATIONS_H

// The macros are variadic, with `, ##` swallowing the comma, so that a
// forgotten argument reaches pii-flow as its own clear diagnostic instead of a
// syntax error inside the expansion.
#if defined(__clang__)
// `, ##__VA_ARGS__` is a GNU extension that -Wpedantic reports at every use;
// as a system header this file keeps users' -Wpedantic -Werror builds clean.
#pragma clang system_header
/// The value of a field, variable, parameter or function result was collected
/// for these purposes and may be used for them only.
#define PII_PURPOSE(...) [[clang::annotate("pii::purpose", ##__VA_ARGS__)]]
/// Arguments of this function (or of every member function of this class, or
/// this one parameter) are used for the given kind of processing.
#define PII_SINK(...) [[clang::annotate("pii::sink", ##__VA_ARGS__)]]
/// The result of this function carries no purpose, for the stated reason.
#define PII_DECLASSIFY(...) [[clang::annotate("pii::declassify", ##__VA_ARGS__)]]
#else
#define PII_PURPOSE(...)
#define PII_SINK(...)
#define PII_DECLASSIFY(...)
#endif

#endif // PII_ANNOTATIONS_H
