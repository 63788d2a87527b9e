import Language

/// A bounded, append-only log of kernel events: when full, the oldest entries are evicted
/// and counted. Guarded by its own ``SpinLock``, not by the kernel lock: the message path
/// records sends and receives without the kernel lock. Events are numbered in the order they
/// are appended, which respects cause and effect (a message's send is appended before it is
/// queued, so before its receive).
///
/// It keeps compact ``EventRecord``s in a ring, and the few details and reference-holding
/// messages beside them in ``extras``, at the same slots; the public ``KernelEvent`` is made
/// when the log is read.
final class EventLog: @unchecked Sendable {  // every field is read and written under `lock`
    private let spinLock = SpinLock()
    private let ring: Ring<EventRecord>
    /// The extras of the listed events that have one, at their records' slots: allocated with
    /// the first (address space until used, like the ring), initialized where a record's
    /// fields say so. By slot rather than in a queue: keeping one and dropping it when its
    /// record is overwritten are a store each (a `Deque` of extras cost `bench spawn-program`
    /// about 300 instructions per spawn).
    private var extras: UnsafeMutablePointer<EventExtra>?
    /// How many extras it keeps: while none, an event overwrites a record without looking at it.
    private var extrasKept = 0
    private var appended: UInt64 = 0
    /// The latest event time: an event stamped earlier (its slice began before another
    /// slot's event) is stamped this instead, so times never go backwards in the log.
    private var latest: UInt64 = 0
    private var eventSink: (@Sendable (KernelEvent) -> Void)?

    init(capacity: Int) {
        ring = Ring(capacity: capacity)
    }

    deinit {
        guard let extras else { return }
        for index in 0..<ring.count where ring[index].fields.contains(.extra) {
            (extras + ring.slot(at: index)).deinitialize(count: 1)
        }
        extras.deallocate()
    }

    /// How many events were ever appended.
    var total: UInt64 { spinLock.withLock { appended } }

    /// How many events were dropped to stay within capacity.
    var evicted: UInt64 { spinLock.withLock { appended - UInt64(ring.count) } }

    /// Called with every event as it is appended (the `--events FILE` writer), under the log's
    /// lock: it must not call back into the kernel.
    func setSink(_ sink: (@Sendable (KernelEvent) -> Void)?) {
        spinLock.withLock { eventSink = sink }
    }

    func append(
        time: UInt64, _ kind: KernelEvent.Kind, pid: PID, tid: TID? = nil, peer: Int? = nil,
        detail: String = "", correlation: UInt64? = nil, message: Value? = nil
    ) {
        spinLock.lock()
        appendLocked(
            time: time, kind, pid: pid, tid: tid, peer: peer, detail: detail, correlation: correlation,
            message: message)
        spinLock.unlock()
    }

    /// Takes the log's lock for a push that must come before its event: a send queues its
    /// message holding it, then appends its event with ``appendLocked(time:_:pid:tid:peer:detail:correlation:message:)``
    /// and calls ``unlock()``. Its receiver may take the message at once, but must wait for
    /// the lock to record the receive, so the send comes first in the log.
    @inline(__always)
    func lock() { spinLock.lock() }

    @inline(__always)
    func unlock() { spinLock.unlock() }

    /// Appends an event; the caller holds the log's lock.
    func appendLocked(
        time: UInt64, _ kind: KernelEvent.Kind, pid: PID, tid: TID? = nil, peer: Int? = nil,
        detail: String = "", correlation: UInt64? = nil, message: Value? = nil
    ) {
        let inline = InlineValue(message)
        let hasExtra = !detail.isEmpty || inline == nil
        let (stamp, slot) = add(
            EventRecord(
                time: time, kind: kind, pid: pid, tid: tid, peer: peer, correlation: correlation,
                message: inline ?? .elsewhere, hasExtra: hasExtra))
        if hasExtra { keep(EventExtra(detail: detail, message: inline == nil ? message : nil), inSlot: slot) }
        if eventSink != nil {
            feedSink(
                time: stamp, kind, pid: pid, tid: tid, peer: peer, detail: detail, correlation: correlation,
                message: message)
        }
    }

    /// ``appendLocked(time:_:pid:tid:peer:detail:correlation:message:)`` for a message's send
    /// or receive, which has no detail: a message that holds no reference (or none) is all
    /// in the record.
    @inline(__always)
    func appendMessageLocked(
        time: UInt64, _ kind: KernelEvent.Kind, pid: PID, tid: TID?, peer: Int?, correlation: UInt64,
        message: Value? = nil
    ) {
        let inline = InlineValue(message)
        let (stamp, slot) = add(
            EventRecord(
                time: time, kind: kind, pid: pid, tid: tid, peer: peer, correlation: correlation,
                message: inline ?? .elsewhere, hasExtra: inline == nil))
        if inline == nil { keep(EventExtra(detail: "", message: message), inSlot: slot) }
        if eventSink != nil {
            feedSink(
                time: stamp, kind, pid: pid, tid: tid, peer: peer, detail: "", correlation: correlation,
                message: message)
        }
    }

    /// ``appendMessageLocked(time:_:pid:tid:peer:correlation:message:)`` taking the log's lock.
    @inline(__always)
    func appendMessage(
        time: UInt64, _ kind: KernelEvent.Kind, pid: PID, tid: TID?, peer: Int?, correlation: UInt64
    ) {
        spinLock.lock()
        appendMessageLocked(time: time, kind, pid: pid, tid: tid, peer: peer, correlation: correlation)
        spinLock.unlock()
    }

    /// Stamps `record` no earlier than the latest event and appends it, dropping the extra of the
    /// record it replaces; returns its time and slot.
    @inline(__always)
    private func add(_ record: consuming EventRecord) -> (time: UInt64, slot: Int) {
        appended &+= 1
        let stamp = max(record.time, latest)
        latest = stamp
        record.time = stamp
        if extrasKept > 0 { dropReplacedExtra() }
        return (stamp, ring.append(record))
    }

    /// Keeps `extra`, the event's in `slot`. (Rare, like the next two: kept out of line, so
    /// that the message path's callers inline the rest.)
    @inline(never)
    private func keep(_ extra: consuming EventExtra, inSlot slot: Int) {
        if extras == nil { extras = .allocate(capacity: ring.capacity) }
        (extras.unsafelyUnwrapped + slot).initialize(to: extra)
        extrasKept += 1
    }

    /// Drops the extra of the record the next append replaces, if it has one.
    @inline(never)
    private func dropReplacedExtra() {
        guard let replaced = ring.nextReplaced, replaced.fields.contains(.extra) else { return }
        (extras.unsafelyUnwrapped + ring.nextSlot).deinitialize(count: 1)
        extrasKept -= 1
    }

    @inline(never)
    private func feedSink(
        time: UInt64, _ kind: KernelEvent.Kind, pid: PID, tid: TID?, peer: Int?, detail: String,
        correlation: UInt64?, message: Value?
    ) {
        eventSink?(
            KernelEvent(
                sequence: appended, time: time, kind: kind, pid: pid, tid: tid, peer: peer, detail: detail,
                correlation: correlation, message: message))
    }

    /// Events with a sequence number above `after`, oldest first.
    func events(after: UInt64 = 0) -> [KernelEvent] {
        spinLock.withLock {
            let first = appended &- UInt64(ring.count) &+ 1  // the oldest listed event's number
            let skipped = after < first ? 0 : Int(min(after &- first &+ 1, UInt64(ring.count)))
            var events: [KernelEvent] = []
            events.reserveCapacity(ring.count - skipped)
            for index in skipped..<ring.count {
                let record = ring[index]
                let extra = record.fields.contains(.extra) ? extras?[ring.slot(at: index)] : nil
                events.append(record.event(sequence: first &+ UInt64(index), extra: extra))
            }
            return events
        }
    }
}

extension Kernel {
    /// Calls `sink` with every event as it is recorded, under the event log's lock (and
    /// perhaps the kernel's): keep it quick (the `--events FILE` writer buffers) and do not
    /// call the kernel from it. nil stops it.
    public func setEventSink(_ sink: (@Sendable (KernelEvent) -> Void)?) {
        eventLog.setSink(sink)
    }
}
