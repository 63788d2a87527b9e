import Language

/// A bounded, append-only log of kernel events: when full, the oldest entries are evicted
/// and counted. Guarded by its own ``SpinLock``, not by the kernel lock: the message path
/// records sends and receives without the kernel lock. Events are numbered in the order they
/// are appended, which respects cause and effect (a message's send is appended before it is
/// queued, so before its receive).
final class EventLog: @unchecked Sendable {  // every field is read and written under `lock`
    private let spinLock = SpinLock()
    private let ring: Ring<KernelEvent>
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
    @inline(__always)
    func appendLocked(
        time: UInt64, _ kind: KernelEvent.Kind, pid: PID, tid: TID? = nil, peer: Int? = nil,
        detail: String = "", correlation: UInt64? = nil, message: Value? = nil
    ) {
        add(
            time: time, kind, pid: pid, tid: tid, peer: peer, detail: detail, correlation: correlation,
            message: message, plain: false)
    }

    /// ``appendLocked(time:_:pid:tid:peer:detail:correlation:message:)`` for a message's send
    /// or receive, which has no detail: when its value is a scalar (or absent) the event holds
    /// no reference, and the ring overwrites it later without destroying it.
    @inline(__always)
    func appendMessageLocked(
        time: UInt64, _ kind: KernelEvent.Kind, pid: PID, tid: TID?, peer: Int?, correlation: UInt64,
        message: Value? = nil
    ) {
        add(
            time: time, kind, pid: pid, tid: tid, peer: peer, detail: "", correlation: correlation,
            message: message, plain: message?.isScalar ?? true)
    }

    /// ``appendMessageLocked(time:_:pid:tid:peer:correlation:message:)`` taking the log's lock.
    func appendMessage(
        time: UInt64, _ kind: KernelEvent.Kind, pid: PID, tid: TID?, peer: Int?, correlation: UInt64
    ) {
        spinLock.lock()
        appendMessageLocked(time: time, kind, pid: pid, tid: tid, peer: peer, correlation: correlation)
        spinLock.unlock()
    }

    @inline(__always)
    private func add(
        time: UInt64, _ kind: KernelEvent.Kind, pid: PID, tid: TID?, peer: Int?, detail: String,
        correlation: UInt64?, message: Value?, plain: Bool
    ) {
        appended &+= 1
        let stamp = max(time, latest)
        latest = stamp
        let slot = ring.append(
            KernelEvent(
                sequence: appended, time: stamp, kind: kind, pid: pid, tid: tid, peer: peer, detail: detail,
                correlation: correlation, message: message), plain: plain)
        if let eventSink { eventSink(ring[slot]) }
    }

    /// Events with a sequence number above `after`, oldest first.
    func events(after: UInt64 = 0) -> [KernelEvent] {
        spinLock.withLock { ring.elements.filter { $0.sequence > after } }
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
