#include "shared.h"

void first() { record("first"); }
