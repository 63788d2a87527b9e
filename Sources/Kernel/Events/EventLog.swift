import Language

/// A bounded, append-only log of kernel events: when full, the oldest entries are evicted
/// and counted. Guarded by the kernel lock.
struct EventLog {
    let capacity: Int
    private var ring: [KernelEvent] = []
    private var start = 0
    private(set) var total: UInt64 = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
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
        // Built straight into its slot: a local copy cost a copy and a destroy per event.
        let slot: Int
        if ring.count < capacity {
            slot = ring.count
            ring.append(
                KernelEvent(
                    sequence: total, time: time, kind: kind, pid: pid, tid: tid, peer: peer, detail: detail,
                    correlation: correlation, message: message))
        } else {
            slot = start
            ring[slot] = KernelEvent(
                sequence: total, time: time, kind: kind, pid: pid, tid: tid, peer: peer, detail: detail,
                correlation: correlation, message: message)
            start += 1
            if start == capacity { start = 0 }
        }
        if let sink { sink(ring[slot]) }
    }

    /// Events with a sequence number above `after`, oldest first.
    func events(after: UInt64 = 0) -> [KernelEvent] {
        let ordered = ring[start...] + ring[..<start]
        return ordered.filter { $0.sequence > after }
    }
}

extension Kernel {
    /// Calls `sink` with every event as it is recorded, under the kernel lock: keep it quick
    /// (the `--events FILE` writer buffers). nil stops it.
    public func setEventSink(_ sink: (@Sendable (KernelEvent) -> Void)?) {
        lock.withLock { eventLog.sink = sink }
    }
}
