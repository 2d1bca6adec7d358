//===- FreedMemory.cpp ----------------------------------------------------===//

#include "driver/FreedMemory.h"

// Any C library header says which library it is: without one, __GLIBC__
// is not defined yet, and the memory was never given back.
#include <cstdlib>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace pii {

void releaseFreedMemory() {
#ifdef __GLIBC__
  malloc_trim(0);
#endif
}

} // namespace pii
