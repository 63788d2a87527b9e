import DequeModule

/// How a slice ended: the frequent waits (`receive`, `sleep`) as plain cases, any other wait
/// with its label as `ps` shows it.
public enum SliceOutcome: Sendable {
    case yielded, finished, failed, exited
    case blockedInReceive, blockedInSleep
    case blocked(String)

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

/// How a slice ended, as the scheduler books it: a byte. The label of a wait other than
/// `receive` or `sleep` is kept beside it (see ``SliceHistory``), so that a booked slice holds
/// no string: a ``SliceOutcome`` made from the run's outcome for every slice, and copied with
/// its string, cost a message hop about 40 instructions (callgrind, `bench ring`).
enum SliceEnd: UInt8 {
    case yielded, finished, failed, exited, blockedInReceive, blockedInSleep, blockedOther

    /// The public outcome; `waitLabel` is the wait's label when it is ``blockedOther``.
    func outcome(waitLabel: String?) -> SliceOutcome {
        switch self {
        case .yielded: .yielded
        case .finished: .finished
        case .failed: .failed
        case .exited: .exited
        case .blockedInReceive: .blockedInReceive
        case .blockedInSleep: .blockedInSleep
        case .blockedOther: .blocked(waitLabel ?? "?")
        }
    }
}

extension Kernel {
    /// How `outcome` ended its slice, for a thread whose process ended while it ran (the
    /// usual path learns it while it books the outcome: see ``complete(_:_:reductions:elapsed:)``).
    /// A wait other than `receive` or `sleep` leaves its label in ``lastOtherWaitLabel``.
    func sliceEnd(of outcome: borrowing RunOutcome) -> SliceEnd {
        switch outcome {
        case .yielded: return .yielded
        case .finished: return .finished
        case .failed: return .failed
        case .exited: return .exited
        case .blocked(.receive): return .blockedInReceive
        case .blocked(.sleep): return .blockedInSleep
        case .blocked(let request):
            lastOtherWaitLabel = request.label
            return .blockedOther
        }
    }
}

/// A slice as the history keeps it: its thread's numbers rather than the thread, so that
/// booking a slice (every context switch) copies no string and keeps no thread alive; the
/// name is looked up when the slice is shown. Plain data in 48 bytes (the slot, an OS
/// thread's index, as 32 bits): the ring copies it as bytes.
struct SliceEntry {
    var tid: TID
    var pid: PID
    var start: UInt64
    var duration: UInt64
    var reductions: Int
    var slot: Int32
    var end: SliceEnd

    init(tid: TID, pid: PID, slot: Int, start: UInt64, duration: UInt64, reductions: Int, end: SliceEnd) {
        self.tid = tid
        self.pid = pid
        self.start = start
        self.duration = duration
        self.reductions = reductions
        self.slot = Int32(truncatingIfNeeded: slot)  // an OS thread's index
        self.end = end
    }

    /// The public record, naming the thread `name`; `waitLabel` as for ``SliceEnd/outcome(waitLabel:)``.
    func record(name: String, waitLabel: String?) -> SliceRecord {
        SliceRecord(
            slot: Int(slot), tid: tid, pid: pid, name: name, start: start, duration: duration,
            reductions: reductions, outcome: end.outcome(waitLabel: waitLabel))
    }
}

/// The label of a slice's wait other than `receive` or `sleep`, by the slice's number.
private struct WaitLabel {
    let slice: UInt64
    let label: String
}

/// The name of an ended thread that slices in the history still show.
private struct EndedThreadName {
    let tid: TID
    let name: String
    /// Its last slice (see ``KThread/lastBookedSlice``).
    let lastBookedSlice: UInt64
}

/// The last slices, oldest first, in a ring. Guarded by the kernel lock.
///
/// A live thread's name is read from the kernel's tables when the slices are shown; an ended
/// thread's is kept here while any of its slices is listed. (The history used to keep the
/// ended threads themselves, with their processes: each stayed in memory for 2,000 more
/// slices, so a burst of short-lived processes allocated every new process and thread from
/// memory no longer in the cache — callgrind, 1 MB cache: 15 more misses per program spawn.
/// Now a new one reuses what the last one freed.)
final class SliceHistory {
    static let capacity = 2000
    private let ring = Ring<SliceEntry>(capacity: SliceHistory.capacity)
    /// Slices booked so far; a thread's ``KThread/lastBookedSlice`` is this count at its last.
    private var booked: UInt64 = 0
    /// Names of ended threads that may still have slices here, oldest ended first.
    private var endedNames = Deque<EndedThreadName>()
    /// Labels of the listed slices that ended in a wait other than `receive` or `sleep`.
    private var waitLabels = Deque<WaitLabel>()
    /// The count of ``booked`` at which the oldest kept name or label may be forgotten (at
    /// most that: `.max` when none is kept). One comparison per slice instead of a look at
    /// both deques.
    private var nextForgetting = UInt64.max

    /// Books `entry`, a slice of `thread`, and forgets the names of ended threads and the wait
    /// labels whose slices have all been overwritten. (A thread that ended during this slice
    /// leaves its name.)
    @inline(__always)
    func append(_ entry: SliceEntry, of thread: KThread) {
        booked &+= 1
        thread.lastBookedSlice = booked
        ring.append(entry)
        if thread.isFinished { keepName(of: thread) }
        if booked >= nextForgetting { forgetOverwritten() }
    }

    /// Keeps `label`, the label of the wait the slice booked last ended in (one other than
    /// `receive` or `sleep`), while that slice is listed.
    func labelLastSlice(_ label: String) {
        waitLabels.append(WaitLabel(slice: booked, label: label))
        keepUntilOverwritten(booked)
    }

    /// Forgets the kept names and labels whose slices have all been overwritten.
    @inline(never)
    private func forgetOverwritten() {
        while let oldest = endedNames.first, isOverwritten(oldest.lastBookedSlice) {
            endedNames.removeFirst()
        }
        while let oldest = waitLabels.first, isOverwritten(oldest.slice) { waitLabels.removeFirst() }
        nextForgetting = .max
        if let oldest = endedNames.first { keepUntilOverwritten(oldest.lastBookedSlice) }
        if let oldest = waitLabels.first { keepUntilOverwritten(oldest.slice) }
    }

    /// Has ``append(_:of:)`` look again when the slice booked `number`th is overwritten.
    private func keepUntilOverwritten(_ number: UInt64) {
        nextForgetting = min(nextForgetting, number &+ UInt64(SliceHistory.capacity))
    }

    /// Keeps the name of `thread`, which is leaving the kernel's tables, while slices here show it.
    func retire(_ thread: KThread) {
        if thread.lastBookedSlice > 0 && !isOverwritten(thread.lastBookedSlice) { keepName(of: thread) }
    }

    /// Whether the slice booked `number`th has been overwritten.
    private func isOverwritten(_ number: UInt64) -> Bool { number &+ UInt64(SliceHistory.capacity) <= booked }

    /// (A thread that ends during a slice is retired, then booked: its name is kept once.)
    private func keepName(of thread: KThread) {
        let kept = EndedThreadName(
            tid: thread.tid, name: thread.displayName, lastBookedSlice: thread.lastBookedSlice)
        if endedNames.last?.tid == thread.tid {
            endedNames[endedNames.count - 1] = kept  // a later slice: forgotten no sooner
        } else {
            endedNames.append(kept)
        }
        keepUntilOverwritten(kept.lastBookedSlice)
    }

    /// How many ended threads' names it keeps (for tests).
    var keptNames: Int { endedNames.count }

    /// How many wait labels it keeps (for tests).
    var keptWaitLabels: Int { waitLabels.count }

    /// The slices, oldest first, naming live threads as `liveName` does and ended ones as
    /// they were named. Lock held.
    func records(liveName: (TID) -> String?) -> [SliceRecord] {
        var ended: [TID: String] = [:]
        for kept in endedNames { ended[kept.tid] = kept.name }
        var labels: [UInt64: String] = [:]
        for kept in waitLabels { labels[kept.slice] = kept.label }
        let first = booked &- UInt64(ring.count) &+ 1  // the oldest listed slice's number
        return ring.elements.enumerated().map { index, entry in
            entry.record(
                name: liveName(entry.tid) ?? ended[entry.tid] ?? "?",
                waitLabel: labels[first &+ UInt64(index)])
        }
    }
}

extension KThread {
    /// The name `ps` and the slice history show: the process's for its main thread.
    var displayName: String { tid == process.pid ? process.name : name }
}

extension Kernel {
    /// The last slices the scheduler ran (at most 2000), oldest first.
    public func recentSlices() -> [SliceRecord] {
        lock.withLock { sliceHistory.records { threads[$0]?.displayName } }
    }

    /// Calls `handler` after every slice (outside the kernel lock): `trace on`. nil turns it off.
    public func setTraceHandler(_ handler: (@Sendable (SliceRecord) -> Void)?) {
        lock.withLock { traceHandler = handler }
    }

    /// Whether scheduling decisions are being traced.
    public var isTracing: Bool { lock.withLock { traceHandler != nil } }

    /// Books a slice for the history and the trace. Lock held; may release it briefly to call
    /// the trace handler. Inlined in the scheduler's slice loop (a call cost a slice about 20
    /// instructions of saved registers); the rare parts are out of line.
    @inline(__always)
    func recordSlice(
        _ thread: KThread, slot: Int, start: UInt64, duration: UInt64, reductions: Int, end: SliceEnd
    ) {
        let entry = SliceEntry(
            tid: thread.tid, pid: thread.process.pid, slot: slot, start: start, duration: duration,
            reductions: reductions, end: end)
        sliceHistory.append(entry, of: thread)
        if end == .blockedOther { sliceHistory.labelLastSlice(lastOtherWaitLabel) }
        if traceHandler != nil { trace(entry, of: thread) }
    }

    /// Calls the trace handler with `entry`, a slice of `thread`, without the lock.
    @inline(never)
    private func trace(_ entry: SliceEntry, of thread: KThread) {
        guard let handler = traceHandler else { return }
        let record = entry.record(
            name: thread.displayName, waitLabel: entry.end == .blockedOther ? lastOtherWaitLabel : nil)
        lock.unlock()
        handler(record)
        lock.lock()
    }

    /// Whether finished slices are booked (``recordSlice(_:slot:start:duration:reductions:end:)``).
    /// Lock held.
    var recordsSlices: Bool { configuration.recordEvents || traceHandler != nil }
}
