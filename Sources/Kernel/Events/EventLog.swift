import DequeModule
import Language

/// A bounded, append-only log of kernel events: when full, the oldest entries are evicted
/// and counted. Guarded by its own ``SpinLock``, not by the kernel lock: the message path
/// records sends and receives without the kernel lock. Events are numbered in the order they
/// are appended, which respects cause and effect (a message's send is appended before it is
/// queued, so before its receive).
///
/// It keeps compact ``EventRecord``s, and the few details and reference-holding messages
/// beside them in ``extras``; the public ``KernelEvent`` is made when the log is read.
final class EventLog: @unchecked Sendable {  // every field is read and written under `lock`
    private let spinLock = SpinLock()
    private let ring: Ring<EventRecord>
    /// The extras of the listed events that have one, oldest first.
    private var extras = Deque<EventExtra>()
    /// The count of ``appended`` that evicts the oldest extra (`.max`: there is none). One
    /// comparison per event instead of a look at ``extras``.
    private var oldestExtraEvictedAt = UInt64.max
    private var appended: UInt64 = 0
    /// The latest event time: an event stamped earlier (its slice began before another
    /// slot's event) is stamped this instead, so times never go backwards in the log.
    private var latest: UInt64 = 0
    private var eventSink: (@Sendable (KernelEvent) -> Void)?

    init(capacity: Int) {
        ring = Ring(capacity: capacity)
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
        let stamp = add(
            EventRecord(
                time: time, kind: kind, pid: pid, tid: tid, peer: peer, correlation: correlation,
                message: inline ?? .elsewhere, hasExtra: hasExtra))
        if hasExtra {
            keep(EventExtra(sequence: appended, detail: detail, message: inline == nil ? message : nil))
        }
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
        let stamp = add(
            EventRecord(
                time: time, kind: kind, pid: pid, tid: tid, peer: peer, correlation: correlation,
                message: inline ?? .elsewhere, hasExtra: inline == nil))
        if inline == nil { keep(EventExtra(sequence: appended, detail: "", message: message)) }
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

    /// Stamps `record` no earlier than the latest event and appends it; returns its time.
    /// (The count is kept in a local: the record's stores might alias the log's fields, so the
    /// compiler would read it again.)
    @inline(__always)
    private func add(_ record: consuming EventRecord) -> UInt64 {
        let number = appended &+ 1
        appended = number
        let stamp = max(record.time, latest)
        latest = stamp
        record.time = stamp
        ring.append(record)
        if number >= oldestExtraEvictedAt { dropEvictedExtras() }
        return stamp
    }

    /// Keeps `extra`, the latest event's. (Rare, like the next two: kept out of line, so that the
    /// message path's callers inline the rest.)
    @inline(never)
    private func keep(_ extra: EventExtra) {
        if extras.isEmpty { oldestExtraEvictedAt = extra.sequence &+ UInt64(ring.capacity) }
        extras.append(extra)
    }

    /// Forgets the extras of the events the ring no longer holds.
    @inline(never)
    private func dropEvictedExtras() {
        let capacity = UInt64(ring.capacity)
        while let oldest = extras.first, oldest.sequence &+ capacity <= appended { extras.removeFirst() }
        oldestExtraEvictedAt = extras.first.map { $0.sequence &+ capacity } ?? .max
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
            var extraIndex = extras.firstIndex { $0.sequence >= first &+ UInt64(skipped) } ?? extras.endIndex
            var events: [KernelEvent] = []
            events.reserveCapacity(ring.count - skipped)
            for index in skipped..<ring.count {
                let record = ring[index]
                var extra: EventExtra?
                if record.fields.contains(.extra) {
                    extra = extras[extraIndex]
                    extraIndex += 1
                }
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
