//===- FreedMemory.cpp ----------------------------------------------------===//

#include "driver/FreedMemory.h"

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
