//===- PolicyFile.h - Reads a --policy file ---------------------*- C++ -*-===//
//
// The JSON policy file of SPEC section 3. Its rules are added to the
// built-in one (a rule with the built-in's id replaces it, to change its
// level or kinds); its sources, sinks and declassifiers are added to what
// the code's annotations say.
//
// A policy decides what fails a build, so nothing in it is guessed: an
// unknown key, a wrong type or an unknown level is an error at the line and
// column of the value at fault, and nothing is analyzed. A purpose or sink
// kind that no rule names is a warning, with the rule's name it is probably
// a misspelling of: a typo must not silently disable a check.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_POLICY_POLICYFILE_H
#define PII_CORE_POLICY_POLICYFILE_H

#include "core/policy/JsonDocument.h"
#include "core/policy/Policy.h"

#include "llvm/Support/Error.h"

#include <map>
#include <string>
#include <vector>

namespace pii {

struct PolicyWarning {
  /// The policy file, as it was named.
  std::string File;
  TextPosition Where;
  std::string Message;
};

/// A declaration a policy file names, and where.
struct PolicyNameUse {
  PolicyName Named;
  /// The policy file, as it was named.
  std::string File;
  TextPosition Where;
};

struct PolicyFile {
  Policy Rules;
  std::vector<PolicyWarning> Warnings;
  /// Every declaration the files name, in the order they name them: once
  /// the program is analyzed, a name no file of it declares is reported
  /// here.
  std::vector<PolicyNameUse> Names;
};

/// Reads policy files, in order, into one policy on top of the built-in
/// one. Their rules add up; a file's rule may replace the built-in one by
/// its id, but two files defining one id is an error (the second says where
/// the first is). Their sources, sinks and declassifiers add up: a name
/// given purposes in two files has them all, and a declassifier keeps the
/// first reason given. Whether a purpose or sink kind is named by a rule is
/// decided once all are read.
class PolicyBuilder {
public:
  PolicyBuilder();

  /// Adds the policy \p Text, a file called \p Name. Errors are
  /// PositionedErrors; after one, the builder is not to be used.
  llvm::Error add(llvm::StringRef Text, llvm::StringRef Name);
  /// Adds the policy file \p Path. Errors are PositionedErrors for problems
  /// in the file, plain errors when it cannot be read.
  llvm::Error addFile(llvm::StringRef Path);

  /// The policy, and its warnings.
  PolicyFile finish() &&;

  /// A purpose or sink kind a file uses, and where.
  struct Use {
    std::string Name;
    std::string File;
    TextPosition Where;
  };
  /// What the files read so far add up to.
  struct State {
    Policy Rules;
    /// Rules by id, and where the files define them.
    std::map<std::string, size_t> RuleIndex;
    std::map<std::string, std::pair<std::string, TextPosition>> RulesFromFiles;
    std::vector<Use> PurposesUsed;
    std::vector<Use> SinkKindsUsed;
    std::vector<PolicyNameUse> NamesUsed;
  };

private:
  State Built;
};

/// Policy files larger than this are refused rather than read.
inline constexpr size_t MaxPolicyFileBytes = 16 << 20;

/// Reads a policy from \p Text alone. Errors are PositionedErrors.
llvm::Expected<PolicyFile> parsePolicy(llvm::StringRef Text);

/// Reads the policy file \p Path alone (see PolicyBuilder::addFile).
llvm::Expected<PolicyFile> readPolicyFile(llvm::StringRef Path);

} // namespace pii

#endif // PII_CORE_POLICY_POLICYFILE_H
