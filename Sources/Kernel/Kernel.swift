import Language
import Synchronization

/// The execution kernel: the process table, the scheduler and its execution slots, mailboxes,
/// timers, resources and the event log. Everything a shell, monitor, test or embedding program
/// does goes through this type's public methods.
///
/// One lock (``KernelLock``) guards all of its state; runnables execute outside it. In
/// deterministic mode no OS thread is started: the caller drives the single slot (see
/// ``run(forMilliseconds:)``), and time is virtual (1 µs per reduction).
public final class Kernel: @unchecked Sendable {  // all mutable state is guarded by `lock`
    public let configuration: KernelConfiguration
    let lock = KernelLock()

    let processes = IDTable<KProcess>()
    /// The processes in PID order (PIDs only grow), for listing without sorting or hashing;
    /// reaped ones are dropped in batches.
    var processOrder: [KProcess] = []
    var reapedInOrder = 0
    let threads = IDTable<KThread>()
    var lastID = 0
    var runQueue: RunQueue
    /// The thread a slice's end woke to run next on the same slot, kept out of the run queue:
    /// see ``enqueue(_:)``. Lock held.
    var handoff: KThread?
    /// Whether ``enqueue(_:)`` may hand a thread off rather than queue it (while a slice's end
    /// makes its deferred wake-up). Lock held.
    var handingOff = false
    var timers = TimerQueue()
    let eventLog: EventLog
    var random: SplitMix64
    /// Virtual time in deterministic mode, nanoseconds.
    var virtualNow: UInt64 = 0
    let bootInstant = monotonicNanoseconds()
    /// The latest clock reading (kernel nanoseconds), for ``recentNow``.
    var lastClockReading: UInt64 = 0
    var counters = KernelCounters()
    /// Message counts, kept without the lock (the message path does not take it).
    let messageCounters = MessageCounters()
    /// Processes with no threads that stand for callers outside the kernel (the shell), for
    /// listings; each such process also carries ``KProcess/isExternal`` for the hot paths.
    var externalProcesses: Set<PID> = []
    /// PIDs an outside caller is waiting for now: init must not reap them first.
    var externalWaitInterest: Set<PID> = []
    var registry = Registry()
    /// The arguments of the last spawn a program made (see ``SpawnArgumentCache``).
    var spawnArguments = SpawnArgumentCache()
    /// Compiled programs by `name@version`, for `disasm`.
    var compiledPrograms: [String: Program] = [:]
    /// Pub/sub subscriptions, in the order they were made.
    var subscriptions: [Subscription] = []
    /// Open requests by correlation id.
    var pendingRequests: [UInt64: PendingRequest] = [:]
    /// Replies to requests made from outside, until the caller takes them.
    var externalReplies: [UInt64: Value] = [:]
    var lastRequestID: UInt64 = 0
    /// Replies that came before their requester parked, and tool results likewise.
    var earlyReplies: [UInt64: Value] = [:]
    var finishedTools: [Int: Value] = [:]
    /// OS processes of tools, by id, and the threads reading their output.
    var tools: [Int: ToolState] = [:]
    var lastToolID = 0
    /// The last slices, for `sched --gantt`, and the `trace on` handler.
    let sliceHistory = SliceHistory()
    var traceHandler: (@Sendable (SliceRecord) -> Void)?
    /// The label of the wait that the slice ending now ended in, when it was not `receive` or
    /// `sleep` (see ``SliceEnd``): set as the slice is booked, read by the slice history.
    var lastOtherWaitLabel = ""
    /// How runs of each executable version ended.
    var outcomes = OutcomeTable()
    /// Registered names (`spawn --name`, `register(name)`).
    var names: [String: PID] = [:]
    /// The host of every VM thread of this kernel.
    let vmHost = KernelVMHost()
    /// Called, outside the lock, with each line a process prints.
    var outputHandler: (@Sendable (PID, String) -> Void)?

    var slotThreads: [SlotThread] = []
    /// Spare message nodes, one cache per slot (see ``NodeCache``).
    let nodeCaches: NodeCaches
    /// Slots asleep on the condition variable, and slots watching for work before sleeping.
    var idleSlots = 0
    var spinningSlots = 0
    /// Slots running a slice now.
    var busySlots = 0
    /// The run queue's length, readable without the lock (spinning slots watch it).
    let queuedHint = Atomic<Int>(0)
    /// How many times a spinning slot looks at ``queuedHint`` before it sleeps (a few µs).
    static let spinChecks = 20_000
    /// How many looks in a row a spinning slot must see work queued before it takes it.
    static let persistChecks = 2_000
    /// Contention (in 256ths) above which a slot steps aside, and for how long (tried 32-128
    /// and 0.2-1 ms: 0.5 ms helps `bench spawn` most; below half, CPU-bound programs on both
    /// slots began to step aside).
    static let backOffContention = 128
    static let backOffNanoseconds: UInt64 = 500_000
    var stopping = false
    /// What each slot runs now, its busy time (for `slots` and `top`) and its contention.
    let slotStates: SlotStates
    /// A moving average (in 256ths) of how many slices lately lasted at least
    /// ``longSliceNanoseconds``: a second slot is woken for queued work only when most do
    /// (``slicesAreLong``).
    var longSliceShare = 0
    /// A slice shorter than this is mostly kernel work under the one lock (a spawn, an exit,
    /// a message passed on).
    static let longSliceNanoseconds: UInt64 = 5_000
    /// How often a sleeping slot looks whether a busy slot got stuck in one long slice while
    /// work waits.
    static let watchNanoseconds: UInt64 = 2_000_000
    /// Idle slots watching for a stuck slot, and whether one was roused to start watching.
    var watchingSlots = 0
    var watchRequested = false

    /// Creates a kernel with `init` (PID 1). Call ``start()`` to run it on its own OS threads,
    /// unless it is deterministic.
    public init(configuration: KernelConfiguration = KernelConfiguration()) {
        self.configuration = configuration
        self.runQueue = RunQueue(policy: configuration.policy)
        self.eventLog = EventLog(capacity: configuration.eventCapacity)
        self.random = SplitMix64(seed: configuration.seed)
        self.slotStates = SlotStates(slots: configuration.slots)
        self.nodeCaches = NodeCaches(slots: configuration.slots)
        vmHost.kernel = Unmanaged.passUnretained(self)
        lock.withLock { createInit() }
    }

    /// Kernel time in nanoseconds since boot, read from the clock; never before an earlier
    /// reading (a slot's clock may run a little ahead: see ``SlotClock``). Lock held.
    var now: UInt64 {
        @inline(never) get {  // outlined, so that ``recentNow``'s usual answer is inlined
            if configuration.deterministic { return virtualNow }
            noteClock(monotonicNanoseconds() &- bootInstant)
            return lastClockReading
        }
    }

    /// Kernel time for bookkeeping (message and event stamps, wait times): while a slice runs,
    /// the time its slot last read the clock (at most one slice old), otherwise the clock.
    /// A clock read costs tens of nanoseconds on a virtual machine and a message hop used to
    /// read it nine times; timers and timeouts use ``now``. Never goes backwards. Lock held.
    var recentNow: UInt64 {
        @inline(__always) get {  // read three times per message hop: a call cost 17 instructions
            if configuration.deterministic { return virtualNow }
            return busySlots > 0 ? lastClockReading : now
        }
    }

    /// Keeps the latest clock reading for ``recentNow``. Lock held.
    @inline(__always)
    func noteClock(_ reading: UInt64) {
        if reading > lastClockReading { lastClockReading = reading }
    }

    /// Kernel time in nanoseconds since boot (virtual in deterministic mode).
    public var uptimeNanoseconds: UInt64 { lock.withLock { now } }

    func nextID() -> Int {
        lastID += 1
        return lastID
    }

    /// Appends an event stamped `time`, or ``recentNow`` (which needs the kernel lock: without
    /// it, pass the time).
    func record(
        _ kind: KernelEvent.Kind, pid: PID, tid: TID? = nil, peer: Int? = nil, detail: String = "",
        correlation: UInt64? = nil, message: Value? = nil, at time: UInt64? = nil
    ) {
        guard configuration.recordEvents else { return }
        eventLog.append(
            time: time ?? recentNow, kind, pid: pid, tid: tid, peer: peer, detail: detail,
            correlation: correlation, message: message)
    }

    private func createInit() {
        let pid = nextID()
        let executable = Executable(name: "init", version: "1.0.0", type: .service) { _ in
            ClosureRunnable { _ in .finished(.nil) }
        }
        let process = KProcess(
            pid: pid, parent: 0, executable: executable, arguments: [], options: SpawnOptions(),
            limits: configuration.limits, restartCount: 0, now: now)
        processes[pid] = process
        processOrder.append(process)
        externalProcesses.insert(pid)
        process.isExternal = true
        record(.spawn, pid: pid, detail: executable.reference)
    }
}

/// Kernel-wide counters.
struct KernelCounters {
    var spawned: UInt64 = 0
    var exited: UInt64 = 0
    var reaped: UInt64 = 0
    /// Message operations that took the lock (see ``KernelStats/sendsLocked``).
    var sendsLocked: UInt64 = 0
    var wakeupsLocked: UInt64 = 0
    var receivesLocked: UInt64 = 0
    var contextSwitches: UInt64 = 0
    var reductions: UInt64 = 0
    var restarts: UInt64 = 0
}

/// Kernel-wide message counters: atomics, since messages travel without the kernel lock.
/// At rest, sent = received + queued + dead letters.
struct MessageCounters: ~Copyable {
    /// The last message id handed out (ids are taken before a message is queued, so a send
    /// that finds the mailbox full after all leaves a gap).
    let lastID = Atomic<UInt64>(0)
    /// Ids handed out to sends that then found the mailbox full (the gaps).
    let abandonedIDs = Atomic<UInt64>(0)
    /// Messages counted as sent without an id of their own: replies, and dead letters found
    /// before a message was queued.
    let sentWithoutID = Atomic<UInt64>(0)
    let received = Atomic<UInt64>(0)
    let deadLetters = Atomic<UInt64>(0)

    /// Messages queued or found dead. Counted from the ids, so that a send (every message
    /// hop) updates one counter, not two.
    var sent: UInt64 { lastID.current &- abandonedIDs.current &+ sentWithoutID.current }
}
