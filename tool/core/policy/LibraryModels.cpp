//===- LibraryModels.cpp --------------------------------------------------===//

#include "core/policy/LibraryModels.h"

#include <initializer_list>

namespace pii {

using Names = std::initializer_list<const char *>;

static void addAll(ByName<Propagation> &Models, Names Functions,
                   const Propagation &Model) {
  for (const char *Function : Functions)
    Models.emplace(Function, Model);
}

/// Each member function named, in each class named.
static void addMembers(ByName<Propagation> &Models, Names Classes,
                       Names Members, const Propagation &Model) {
  for (const char *Class : Classes)
    for (const char *Member : Members)
      Models.emplace(std::string(Class) + "::" + Member, Model);
}

/// The standard algorithms that hand the elements to their callable and
/// keep what it returns.
static void addProjectingAlgorithms(ByName<Propagation> &Models) {
  Propagation Projects;
  Projects.ProjectsThroughCallable = true;
  addAll(Models,
         {"std::transform", "std::accumulate", "std::reduce",
          "std::transform_reduce", "std::inner_product",
          "std::transform_inclusive_scan", "std::transform_exclusive_scan"},
         Projects);
}

/// A pair keeps its two members apart: code holds a security value and a
/// harmless one side by side in pairs (map entries, structured bindings),
/// and merging them would report the harmless one.
static void addPairMembers(ByName<Propagation> &Models) {
  Propagation BuildsPair;
  BuildsPair.Members = Propagation::MemberWise::BuildsFromArgs;
  BuildsPair.MemberNames = {"first", "second"};
  addAll(Models, {"std::make_pair", "std::pair::pair"}, BuildsPair);
  Propagation ReadsPair = BuildsPair;
  ReadsPair.Members = Propagation::MemberWise::ReadsByTemplateIndex;
  Models.emplace("std::get", ReadsPair);
}

/// Looking a key up in a container reads it. The non-const overloads
/// (map::find, vector::operator[]) would otherwise, as opaque calls on a
/// non-const object, put the key into the container, and every later read
/// from it would carry the key's purposes. Only what inserts (a map's
/// operator[], insert, emplace) or assigns changes a container's labels.
/// What a lookup finds is the container's data, as `names[i]` of an array
/// is the array's, not the index's; what a count or a membership test
/// answers is a function of the key, like a comparison.
static void addContainerLookups(ByName<Propagation> &Models) {
  Names Associative = {"std::map",           "std::multimap",
                       "std::set",           "std::multiset",
                       "std::unordered_map", "std::unordered_multimap",
                       "std::unordered_set", "std::unordered_multiset"};
  Propagation Finds;
  Finds.FromArgs.emplace();
  Finds.ToArgs.emplace();
  Finds.ToObject = false;
  addMembers(Models, Associative,
             {"find", "equal_range", "lower_bound", "upper_bound", "at",
              "erase"},
             Finds);
  addMembers(Models,
             {"std::vector", "std::deque", "std::array", "std::basic_string",
              "std::span"},
             {"at", "operator[]"}, Finds);
  Propagation Tests = Finds;
  Tests.FromArgs.reset();
  addMembers(Models, Associative, {"count", "contains"}, Tests);
}

/// Reading from a stream copies the stream's data into the buffer it is
/// given, and answers the stream. The opaque-call rule would also put the
/// buffer's data into the stream: tdlib formats numbers through a
/// thread-local stringstream, read back into each builder, and every
/// later number formatted carried what any builder held before.
static void addStreamReads(ByName<Propagation> &Models) {
  Propagation Reads;
  Reads.FromArgs.emplace();
  Reads.ToArgs = {0};
  Reads.ToObject = false;
  addMembers(Models, {"std::basic_istream"},
             {"read", "readsome", "get", "getline"}, Reads);
}

/// C and POSIX calls that answer a handle, a status or a file's metadata:
/// none of it is the data they were given. Without these, a directory's
/// name would reach every entry read from it and every number parsed from
/// an entry. Calls that copy, format or convert data (memcpy, snprintf,
/// strtol, realpath) keep the opaque-call rule.
static void addSystemCalls(ByName<Propagation> &Models) {
  Propagation Answers;
  Answers.FromArgs.emplace();
  Answers.FromObject = false;
  Answers.SystemLibraryOnly = true;
  addAll(Models,
         {// Directories.
          "opendir", "fdopendir", "readdir", "readdir_r", "closedir",
          "rewinddir", "mkdir", "rmdir", "chdir",
          // Files, by name or descriptor.
          "open", "openat", "creat", "close", "fopen", "fdopen", "fclose",
          "fflush", "fsync", "fdatasync", "fileno", "unlink", "remove",
          "rename", "access", "stat", "lstat", "fstat", "truncate",
          "ftruncate", "lseek", "fseek", "ftell", "flock", "fcntl",
          "posix_fadvise", "mmap", "munmap", "read", "pread", "fread",
          "write", "pwrite", "fwrite",
          // Time, threads, errors.
          "time", "gettimeofday", "clock_gettime", "sleep", "usleep",
          "nanosleep", "pthread_mutex_lock", "pthread_mutex_unlock",
          "pthread_create", "pthread_join", "strerror", "strerror_r"},
         Answers);
}

ByName<Propagation> libraryModels() {
  ByName<Propagation> Models;
  addProjectingAlgorithms(Models);
  addPairMembers(Models);
  addContainerLookups(Models);
  addStreamReads(Models);
  addSystemCalls(Models);
  return Models;
}

} // namespace pii
