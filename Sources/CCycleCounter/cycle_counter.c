// The counter is a static inline function in include/cycle_counter.h; SwiftPM needs one
// source file to build a C target.
#include "cycle_counter.h"
