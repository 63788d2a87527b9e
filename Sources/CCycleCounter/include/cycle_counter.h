#ifndef DKCTL_CYCLE_COUNTER_H
#define DKCTL_CYCLE_COUNTER_H

#include <stdint.h>

/// The CPU's free-running cycle counter: the time-stamp counter on x86-64, the virtual
/// counter on arm64; 0 on other machines (the caller then reads the system clock instead).
/// One instruction, not ordered with the instructions around it (no fence): a scheduler
/// that reads it once per slice wants it cheap, not exact to the instruction.
static inline uint64_t dk_cycle_counter(void) {
#if defined(__x86_64__)
    return __builtin_ia32_rdtsc();
#elif defined(__aarch64__)
    uint64_t value;
    __asm__ volatile("mrs %0, cntvct_el0" : "=r"(value));
    return value;
#else
    return 0;
#endif
}

#endif
