import DequeModule
import Language
import Synchronization

/// A process: a PID, its place in the tree, its threads and mailbox, its limits and counters.
/// Every field is guarded by the kernel lock, except the atomics and the mailbox's ordered
/// queue while a slice owns it (see ``mailboxOwned``).
final class KProcess {
    // The fields every message and slice touches come first, so that they share a few cache
    // lines: with 10,000 processes in a ring, a hop was mostly cache misses on the receiver.
    let pid: PID
    /// Live threads, main thread first.
    var threads = ThreadList()
    /// Where senders push messages to its PID, without a lock.
    let inbox = Inbox()
    /// Its mailbox's ordered queue: guarded by the kernel lock, or by the slice that owns it.
    var mailbox = Mailbox()
    /// How many of its threads are parked in `receive`: a sender that finds none after its
    /// push needs no lock (see ``Inbox/push(_:limit:)`` on the ordering).
    let receiveWaiters = Atomic<Int>(0)
    /// Set once it has ended.
    var exitStatus: ExitStatus?
    // (The one-byte fields sit together, after a field with room to spare.)
    /// Stands for a caller outside the kernel (see ``Kernel/attachExternalProcess(name:version:)``).
    var isExternal = false
    var suspended = false
    /// Whether the thread running a slice owns ``mailbox`` and its threads' own queues (the
    /// process had one thread when the slice began): the kernel then leaves them alone.
    var mailboxOwned = false
    /// Removed from the table (it may linger in ``Kernel/processOrder`` until compaction).
    var isReaped = false
    /// Whether it ever subscribed to a topic.
    var hasSubscriptions = false
    /// Signals it asked to receive as messages.
    var trapMask: UInt16 = 0
    /// How many of its threads are on a slot now.
    var runningThreads = 0
    /// Ready threads held back by the `parallel` cap. (Here, not in ``rare``: the end of every
    /// slice asks for one, and reaching it through the side object cost a ring's message hop
    /// about 50 instructions.)
    var deferred: Deque<KThread>?
    let limits: ProcessLimits
    /// When a message was last taken from its mailboxes (kernel nanoseconds).
    let lastReceive = Atomic<UInt64>(0)
    /// Its parent's PID. Written with the kernel lock held; a program's `parent()` reads it
    /// without the lock.
    var parent: PID {
        get { parentPID.load(ordering: .relaxed) }
        set { parentPID.store(newValue, ordering: .relaxed) }
    }
    private let parentPID: Atomic<PID>
    let executable: Executable
    let arguments: [String]
    /// Its executable's name, as `ps` and `top` show it. A name given at spawn (`--name`,
    /// `name:`) is registered as an address, as `register()` does, and names it no further.
    var name: String { executable.name }
    var nice: Int
    /// Child PIDs (created on first child; init keeps none).
    var children: ChildList?
    /// Memory in use, in bytes, as the VM reports allocations.
    var memoryUsed = 0
    // Counters: totals of threads that have finished; live threads add theirs.
    var finishedReductions: UInt64 = 0
    var finishedCPUNanoseconds: UInt64 = 0
    var finishedSwitches: UInt64 = 0
    /// Senders blocked because its mailbox is full, oldest first.
    var blockedSenders: Deque<KThread>?
    /// Requests made to it that are still open.
    var openRequestsTo = 0
    let started: UInt64
    var ended: UInt64 = 0
    /// What few processes use (names, metrics, monitors, supervision, parked threads, …): see
    /// ``RareProcessState``. nil until first used.
    var rare: RareProcessState?

    /// A process with `options` (only their nice and restart policy are its own: the limits
    /// come separately, and the name is registered by the spawn).
    convenience init(
        pid: PID, parent: PID, executable: Executable, arguments: [String], options: borrowing SpawnOptions,
        limits: ProcessLimits, restartCount: Int, lineage: RestartLineage? = nil, now: UInt64
    ) {
        self.init(
            pid: pid, parent: parent, executable: executable, arguments: arguments, nice: options.nice,
            restart: options.restart, limits: limits, restartCount: restartCount,
            lineage: lineage, now: now)
    }

    /// `lineage` is the one its restarts share, when it is a restart.
    init(
        pid: PID, parent: PID, executable: Executable, arguments: [String], nice: Int,
        restart: RestartPolicy?, limits: ProcessLimits, restartCount: Int, lineage: RestartLineage?,
        now: UInt64
    ) {
        self.pid = pid
        self.parentPID = Atomic(parent)
        self.executable = executable
        self.arguments = arguments
        self.nice = nice
        self.limits = limits
        self.started = now
        if let restart {
            rare = RareProcessState(
                restart: restart, restartCount: restartCount, lineage: lineage ?? RestartLineage())
        } else if restartCount != 0 {
            rare = RareProcessState(restartCount: restartCount)
        }
    }

    var isExited: Bool { exitStatus != nil }

    /// The state `ps` shows, derived from the threads.
    var state: ProcessState {
        if exitStatus != nil { return .exited }
        if suspended { return .suspended }
        var ready = false
        for thread in threads {
            switch thread.state {
            case .running: return .running
            case .ready: ready = true
            default: break
            }
        }
        return ready ? .ready : .waiting
    }

    /// The wait reason of the first waiting thread when the process is waiting.
    var waitLabel: String? {
        guard state == .waiting else { return nil }
        return threads.lazy.compactMap(\.waitLabel).first
    }

    var totalReductions: UInt64 {
        threads.reduce(finishedReductions) { $0 + $1.reductions }
    }

    var totalCPUNanoseconds: UInt64 {
        threads.reduce(finishedCPUNanoseconds) { $0 + $1.cpuNanoseconds }
    }

    var totalSwitches: UInt64 {
        threads.reduce(finishedSwitches) { $0 + $1.contextSwitches }
    }

    func traps(_ signal: Signal) -> Bool { trapMask & signal.bit != 0 }
}
