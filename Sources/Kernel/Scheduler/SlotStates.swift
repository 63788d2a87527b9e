/// What the scheduler keeps about one execution slot. Lock held to read or write.
struct SlotState {
    /// The thread it runs now, or nil when idle.
    var current: TID?
    /// Time spent running slices.
    var busyNanoseconds: UInt64 = 0
    /// How often its slices lately found the kernel lock taken (0–256: a slot steps aside above half).
    var contention = 0
}

/// Every slot's ``SlotState``, at fixed addresses for the kernel's lifetime: a slice updates
/// its slot's state twice, and arrays cost a uniqueness check and a bounds check per write.
final class SlotStates {
    private let base: UnsafeMutablePointer<SlotState>
    /// Each slot's clock: only its own slot reads and sets it, without the lock (apart from
    /// the states, which others read).
    private let clocks: UnsafeMutablePointer<SlotClock>
    /// The number of slots.
    let count: Int

    init(slots: Int) {
        count = max(slots, 1)
        base = .allocate(capacity: count)
        base.initialize(repeating: SlotState(), count: count)
        clocks = .allocate(capacity: count)
        clocks.initialize(repeating: SlotClock(), count: count)
    }

    /// Slot `slot`'s state (`slot < count`).
    subscript(slot: Int) -> UnsafeMutablePointer<SlotState> {
        @inline(__always) get { base + slot }
    }

    /// Slot `slot`'s clock (`slot < count`); for that slot's thread alone.
    @inline(__always)
    func clock(_ slot: Int) -> UnsafeMutablePointer<SlotClock> { clocks + slot }

    /// What each slot runs now.
    var current: [TID?] { (0..<count).map { base[$0].current } }
    /// Each slot's busy time.
    var busyNanoseconds: [UInt64] { (0..<count).map { base[$0].busyNanoseconds } }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
        clocks.deinitialize(count: count)
        clocks.deallocate()
    }
}
