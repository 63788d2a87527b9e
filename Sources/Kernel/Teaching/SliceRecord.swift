/// How a slice ended, kept cheaply: the frequent waits (`receive`, `sleep`) as plain cases,
/// any other wait with its label as `ps` shows it.
public enum SliceOutcome: Sendable {
    case yielded, finished, failed, exited
    case blockedInReceive, blockedInSleep
    case blocked(String)

    /// How `outcome` is booked.
    init(_ outcome: borrowing RunOutcome) {
        switch outcome {
        case .blocked(.receive): self = .blockedInReceive  // most slices of message passing
        case .yielded: self = .yielded
        case .blocked(.sleep): self = .blockedInSleep
        case .blocked(let request): self = .blocked(request.label)
        case .finished: self = .finished
        case .failed: self = .failed
        case .exited: self = .exited
        }
    }

    /// `yielded`, `blocked: receive`, `finished`, …
    public var label: String {
        switch self {
        case .yielded: "yielded"
        case .finished: "finished"
        case .failed: "failed"
        case .exited: "exited"
        case .blockedInReceive: "blocked: receive"
        case .blockedInSleep: "blocked: sleep"
        case .blocked(let reason): "blocked: \(reason)"
        }
    }
}

/// One time slice as the scheduler ran it: for `trace on` and `sched --gantt`.
public struct SliceRecord: Sendable {
    public var slot: Int
    public var tid: TID
    public var pid: PID
    public var name: String
    /// Kernel nanoseconds when the slice began, and how long it ran.
    public var start: UInt64
    public var duration: UInt64
    public var reductions: Int
    public var outcome: SliceOutcome

    /// `t=1.203ms slot 0: tid 4 (server) ran 120 reductions in 0.120ms -> blocked: receive`.
    public var description: String {
        "t=\(formatMilliseconds(start)) slot \(slot): tid \(tid) (\(name)) ran \(reductions) reductions in "
            + "\(formatMilliseconds(duration)) -> \(outcome.label)"
    }
}

/// A slice as the history keeps it: the thread itself rather than its name, so that booking a
/// slice (every context switch) copies no string; the name is read when the slice is shown.
/// The thread is held unretained: the history keeps the threads it names alive by itself
/// (see ``SliceHistory``), so booking a slice counts no reference.
struct SliceEntry {
    let thread: Unmanaged<KThread>
    var slot: Int
    var start: UInt64
    var duration: UInt64
    var reductions: Int
    var outcome: SliceOutcome

    /// The public record. Lock held (it reads the thread's names).
    var record: SliceRecord {
        thread._withUnsafeGuaranteedRef { thread in
            SliceRecord(
                slot: slot, tid: thread.tid, pid: thread.process.pid,
                name: thread.tid == thread.process.pid ? thread.process.name : thread.name, start: start,
                duration: duration, reductions: reductions, outcome: outcome)
        }
    }
}

/// The last slices, oldest first, in a ring. Guarded by the kernel lock.
///
/// Its entries name their threads without retaining them (a retain when booked and a release
/// when overwritten cost every context switch about 40 instructions). A thread stays in the
/// kernel's tables until it is retired, and a retired thread that has slices here is kept in
/// ``retired`` until the last of them has been overwritten: no entry outlives its thread.
final class SliceHistory {
    static let capacity = 2000
    private let ring = Ring<SliceEntry>(capacity: SliceHistory.capacity)
    /// Slices booked so far; a thread's ``KThread/lastBookedSlice`` is this count at its last.
    private var booked: UInt64 = 0
    /// Retired threads that may still have slices here, oldest retired first.
    private let retired = ThreadFIFO()

    /// Books `entry`, a slice of `thread`, and lets go of retired threads whose slices have
    /// all been overwritten. (A thread retired while this slice ran is kept from now on.)
    @inline(__always)
    func append(_ entry: consuming SliceEntry, of thread: KThread) {
        booked &+= 1
        thread.lastBookedSlice = booked
        let plain: Bool
        if case .blocked = entry.outcome { plain = false } else { plain = true }
        ring.append(entry, plain: plain)
        if thread.isFinished { retired.append(thread) }  // retired during this slice: keep it too
        while let oldest = retired.first,
            oldest._withUnsafeGuaranteedRef({ $0.lastBookedSlice }) &+ UInt64(SliceHistory.capacity) <= booked
        {
            _ = retired.popFirst()
        }
    }

    /// Keeps `thread`, which is leaving the kernel's tables, while slices here name it.
    func retire(_ thread: KThread) {
        if thread.lastBookedSlice > 0 && thread.lastBookedSlice &+ UInt64(SliceHistory.capacity) > booked {
            retired.append(thread)
        }
    }

    /// Lock held.
    var all: [SliceRecord] { ring.elements.map(\.record) }
}

extension Kernel {
    /// The last slices the scheduler ran (at most 2000), oldest first.
    public func recentSlices() -> [SliceRecord] {
        lock.withLock { sliceHistory.all }
    }

    /// Calls `handler` after every slice (outside the kernel lock): `trace on`. nil turns it off.
    public func setTraceHandler(_ handler: (@Sendable (SliceRecord) -> Void)?) {
        lock.withLock { traceHandler = handler }
    }

    /// Whether scheduling decisions are being traced.
    public var isTracing: Bool { lock.withLock { traceHandler != nil } }

    /// Books a slice for the history and the trace. Lock held; may release it briefly to call
    /// the trace handler.
    func recordSlice(
        _ thread: KThread, slot: Int, start: UInt64, duration: UInt64, reductions: Int, outcome: SliceOutcome
    ) {
        let entry = SliceEntry(
            thread: .passUnretained(thread), slot: slot, start: start, duration: duration,
            reductions: reductions,
            outcome: outcome)
        guard let handler = traceHandler else {
            sliceHistory.append(entry, of: thread)  // its last use: moved, not copied
            return
        }
        let record = entry.record
        sliceHistory.append(entry, of: thread)
        lock.unlock()
        handler(record)
        lock.lock()
    }

    /// Whether finished slices are booked (``recordSlice(_:slot:start:duration:reductions:outcome:)``).
    /// Lock held.
    var recordsSlices: Bool { configuration.recordEvents || traceHandler != nil }
}
