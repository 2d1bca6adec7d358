#include "shared.h"

void second() { record("second"); }
