import Testing

@testable import Kernel

/// A slot's cheap clock stays with the monotonic clock.
@Suite struct SlotClockTests {
    /// Bracketed by two readings of the monotonic clock, every reading of the slot clock over
    /// 20 ms (several re-anchors) lies between them, give or take 50 µs of extrapolation error.
    @Test(arguments: [CycleRate.measured, nil])
    func readingsFollowTheMonotonicClock(rate: UInt64?) {
        let boot = monotonicNanoseconds()
        var clock = SlotClock(rate: rate)
        let slack: UInt64 = 50_000
        var worst: UInt64 = 0
        let end = boot + 20_000_000
        while true {
            let before = monotonicNanoseconds() - boot
            let reading = clock.read(boot: boot)
            let after = monotonicNanoseconds() - boot
            #expect(reading + slack >= before && reading <= after + slack, "\(before) \(reading) \(after)")
            worst = max(worst, before > reading ? before - reading : 0, reading > after ? reading - after : 0)
            if after + boot > end { break }
        }
        #expect(worst < slack)
    }

    /// Without a usable counter, a reading is the monotonic clock's.
    @Test func withoutACounterItReadsTheMonotonicClock() {
        let boot = monotonicNanoseconds()
        var clock = SlotClock(rate: nil)
        let before = monotonicNanoseconds() - boot
        let reading = clock.read(boot: boot)
        #expect(reading >= before && reading <= monotonicNanoseconds() - boot)
    }

    /// The rate of a counter that ticks 3 times per nanosecond, in 2^-32ths.
    @Test func fixedPointRate() {
        #expect(CycleRate.fixedPoint(nanoseconds: 1_000_000, ticks: 3_000_000) == (1 << 32) / 3)
        #expect(CycleRate.fixedPoint(nanoseconds: 0, ticks: 3) == nil)
    }
}
