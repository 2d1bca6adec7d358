//===- FreedMemory.h - Memory freed, given back to the system ---*- C++ -*-===//
//
// glibc keeps freed memory in each thread's arena, and in blocks too small
// to give back on its own. A run frees gigabytes between its phases (the
// parses' memory before the link, the link's facts before the memo's
// snapshot is built on top of them); given back between them, the run's
// peak is the larger phase's memory, not their sum.
//
//===----------------------------------------------------------------------===//

#ifndef PII_DRIVER_FREEDMEMORY_H
#define PII_DRIVER_FREEDMEMORY_H

namespace pii {

/// Gives the memory freed so far back to the system, where the C library
/// allows it; does nothing elsewhere.
void releaseFreedMemory();

} // namespace pii

#endif // PII_DRIVER_FREEDMEMORY_H
