import Language

/// A bounded, append-only log of kernel events: when full, the oldest entries are evicted
/// and counted. Guarded by the kernel lock.
struct EventLog {
    private let ring: Ring<KernelEvent>
    private(set) var total: UInt64 = 0

    init(capacity: Int) {
        ring = Ring(capacity: capacity)
    }

    /// How many events were dropped to stay within capacity.
    var evicted: UInt64 { total - UInt64(ring.count) }

    /// Called with every event as it is appended (the `--events FILE` writer).
    var sink: (@Sendable (KernelEvent) -> Void)?

    mutating func append(
        time: UInt64, _ kind: KernelEvent.Kind, pid: PID, tid: TID? = nil, peer: Int? = nil,
        detail: String = "", correlation: UInt64? = nil, message: Value? = nil
    ) {
        total += 1
        let slot = ring.append(
            KernelEvent(
                sequence: total, time: time, kind: kind, pid: pid, tid: tid, peer: peer, detail: detail,
                correlation: correlation, message: message))
        if let sink { sink(ring[slot]) }
    }

    /// Events with a sequence number above `after`, oldest first.
    func events(after: UInt64 = 0) -> [KernelEvent] {
        ring.elements.filter { $0.sequence > after }
    }
}

extension Kernel {
    /// Calls `sink` with every event as it is recorded, under the kernel lock: keep it quick
    /// (the `--events FILE` writer buffers). nil stops it.
    public func setEventSink(_ sink: (@Sendable (KernelEvent) -> Void)?) {
        lock.withLock { eventLog.sink = sink }
    }
}
