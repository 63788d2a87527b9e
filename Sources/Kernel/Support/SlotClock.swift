import CCycleCounter

#if canImport(Glibc)
    import Glibc
#endif

/// One slot's clock for its one reading per slice: the CPU's cycle counter scaled to kernel
/// nanoseconds, re-anchored to the monotonic clock every few milliseconds.
///
/// A `clock_gettime` on this virtual machine costs 20–30 ns (the vDSO orders its counter read
/// with a fence, which stalls the pipeline), 5–9 % of a message hop's wall time (`bench ring`
/// with the reading replaced by a constant). The counter alone is one unordered instruction.
/// Between anchors the time is extrapolated at the counter's rate, measured once per process
/// and refined at every anchor, so it strays from the monotonic clock by well under a
/// microsecond; the caller keeps a slot's readings from going backwards (a re-anchor may step
/// back by that much). Where the counter cannot stand in for the clock (the system does not
/// use it as its clock source, or there is none), every reading is the monotonic clock's.
struct SlotClock {
    /// The counter and the clock (kernel nanoseconds) at the last anchor; 0: none yet.
    private var anchorCycles: UInt64 = 0
    private var anchorNanoseconds: UInt64 = 0
    /// Nanoseconds per counter tick, in 2^-32ths; 0: the counter is not used.
    private var rate: UInt64
    /// How many ticks go by before the next anchor.
    private var anchorInterval: UInt64 = 0

    /// A clock at the counter's measured rate, or the monotonic clock's where there is none.
    init() { self.init(rate: CycleRate.measured) }

    /// A clock at `rate` (nanoseconds per tick in 2^-32ths; nil: every reading is the
    /// monotonic clock's), for tests.
    init(rate: UInt64?) { self.rate = rate ?? 0 }

    /// How long extrapolation runs before the next anchor.
    static let anchorNanoseconds: UInt64 = 4_000_000

    /// Kernel nanoseconds now (`boot` is the kernel's boot instant on the monotonic clock).
    @inline(__always)
    mutating func read(boot: UInt64) -> UInt64 {
        let cycles = dk_cycle_counter()
        let elapsed = cycles &- anchorCycles
        if elapsed < anchorInterval {  // false until the first anchor, and if the counter went back
            return anchorNanoseconds &+ (elapsed &* rate) >> 32  // below 2^64: elapsed < anchorInterval
        }
        return anchor(at: cycles, boot: boot)
    }

    /// Reads the monotonic clock with the counter, refines the rate from the interval since
    /// the last anchor (by at most 1 %: a slip is more likely than such a change of rate) and
    /// anchors there. Without a reliable pair of readings it returns the clock's and tries
    /// again at the next reading.
    @inline(never)
    private mutating func anchor(at cycles: UInt64, boot: UInt64) -> UInt64 {
        guard rate != 0, let pair = CycleRate.pairedReading() else { return monotonicNanoseconds() &- boot }
        let nanoseconds = pair.nanoseconds &- boot
        let ticks = pair.cycles &- anchorCycles
        let spent = nanoseconds &- anchorNanoseconds
        if anchorCycles != 0, ticks > 0, spent >= SlotClock.anchorNanoseconds / 2, spent < 1 << 31,
            let refined = CycleRate.fixedPoint(nanoseconds: spent, ticks: ticks),
            refined > rate - rate / 100, refined < rate + rate / 100
        {
            rate = refined
        }
        anchorCycles = pair.cycles
        anchorNanoseconds = nanoseconds
        anchorInterval = (SlotClock.anchorNanoseconds << 32) / rate
        return nanoseconds
    }
}

/// The cycle counter's rate against the monotonic clock.
enum CycleRate {
    /// Nanoseconds per tick in 2^-32ths, measured over 200 µs the first time a kernel needs
    /// it; nil where the counter cannot stand in for the clock.
    static let measured: UInt64? = measure()

    private static func measure() -> UInt64? {
        guard counterIsTheClockSource, let start = pairedReading() else { return nil }
        while monotonicNanoseconds() &- start.nanoseconds < 200_000 {}
        guard let end = pairedReading(), end.cycles > start.cycles else { return nil }
        return fixedPoint(
            nanoseconds: end.nanoseconds &- start.nanoseconds, ticks: end.cycles &- start.cycles)
    }

    /// The counter and the monotonic clock read together: the clock between two counter
    /// readings close enough that nothing (a preemption, an interrupt) came between them;
    /// nil after a few tries without.
    static func pairedReading() -> (cycles: UInt64, nanoseconds: UInt64)? {
        for _ in 0..<4 {
            let before = dk_cycle_counter()
            let nanoseconds = monotonicNanoseconds()
            let spread = dk_cycle_counter() &- before
            if spread < pairSpread { return (before &+ spread / 2, nanoseconds) }
        }
        return nil
    }

    /// Ticks within which the two counter readings around a clock reading count as together:
    /// a clock reading takes a few dozen nanoseconds, this is under a microsecond at gigahertz rates.
    private static let pairSpread: UInt64 = 2_000

    /// `nanoseconds / ticks` in 2^-32ths (`nanoseconds` below 2^31); nil if not positive.
    static func fixedPoint(nanoseconds: UInt64, ticks: UInt64) -> UInt64? {
        let rate = (nanoseconds << 32) / ticks
        return rate > 0 ? rate : nil
    }

    /// Whether the system keeps time by this counter, so that it runs at a constant rate and
    /// agrees between CPUs: Linux on x86-64 says so by choosing `tsc` as its clock source
    /// (on a machine where it cannot trust the counter it picks another); arm64's generic
    /// timer always qualifies.
    private static var counterIsTheClockSource: Bool {
        #if arch(x86_64) && os(Linux)
            guard let file = fopen("/sys/devices/system/clocksource/clocksource0/current_clocksource", "r")
            else { return false }
            defer { fclose(file) }
            var name = [CChar](repeating: 0, count: 16)
            guard fgets(&name, Int32(name.count), file) != nil else { return false }
            return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
                == "tsc\n"
        #elseif arch(arm64)
            return true
        #else
            return false
        #endif
    }
}
