import DequeModule
import Language
import Synchronization

/// A green thread: a runnable plus the scheduler's bookkeeping. Every field is guarded by the
/// kernel lock, except the atomics and those marked as the running slot's own.
final class KThread {
    // Fields in the order a slice and a message touch them, the rarely used ones (scheduling
    // policies' bookkeeping, names, locks, joins) last: a message hop to a parked receiver
    // touches its first five cache lines. The one-byte fields sit together: padding after each
    // would cost every thread a few words.
    let tid: TID
    /// Its process. Strong: timers and wait lists may hold a thread after its process is
    /// reaped; the process drops its threads when it exits, so no cycle outlives it.
    let process: KProcess
    let runnable: Runnable
    var state: ThreadState = .ready
    /// Whether a slot is running it now (its state may already say `waiting` or `ready`).
    var onSlot = false
    /// Whether this slice owns its process's mailbox queues and may receive without a lock
    /// (set with the lock held before the slice, cleared after it; read by the running slot).
    var ownsMailbox = false
    /// Whether it is on a cycle of threads waiting for each other's locks.
    var deadlocked = false
    /// Bumped on every park, so that a timer armed for an earlier wait is ignored.
    var epoch: UInt32 = 0
    /// The request it is blocked on while `state == .waiting`.
    var request: WaitRequest?
    /// The answer to hand to the runnable on its next slice.
    var wake: Wake?
    /// Its own mailbox (see ``ownMailbox``): the address of a retained ``ThreadMailbox``, or 0.
    private let ownMailboxAddress = Atomic<UInt>(0)
    /// Arrival counts of both mailboxes when the thread last found nothing to receive.
    var receiveMark = ReceiveMark()
    // Owned by the slot running the thread (no lock needed).
    /// The kernel time its slice began: the stamp of the messages and events it makes
    /// without the lock (the lock's ``Kernel/recentNow`` is that reading too).
    var sliceClock: UInt64 = 0
    /// The spare message nodes of the slot running it (nil outside a slot's loop: single
    /// steps). The kernel keeps its slots' caches as long as it has threads.
    var nodeCache: UnsafeMutablePointer<NodeCache>?
    /// ``sendTarget``'s object, retained, with the low bit set for a thread (0: none). Held
    /// by hand so that the message path can use it without reference counting.
    private var sendTargetBits: UInt = 0
    /// The id of the message its last peek returned: the one a following take must remove.
    var peekedMessage: UInt64 = 0
    /// What a kernel call asked for.
    /// The wait request a kernel call made before the runnable reports `.blocked`.
    var pendingRequest: WaitRequest?
    /// A one-thread `join(t)`: hand the VM the single result, not a list.
    var unwrapJoin = false
    /// Whether a receiver of ``sendTarget`` waits in `receive` for mail this slice sent it
    /// without the lock: the slice's end wakes it (see ``Kernel/wakeDeferred(by:)``).
    var wakesTargetAtSliceEnd = false
    /// Whether it is parked in `receive` (counted in ``KProcess/receiveWaiters``): the
    /// message path tests this rather than matching `request`. Lock held.
    var waitsForMail = false
    /// ``nice`` in a byte, beside the other one-byte fields.
    private var niceValue: Int8
    var waitStarted: UInt64 = 0
    var waitNanoseconds: UInt64 = 0
    /// When it last became able to run after waiting (or started).
    var unblockedSince: UInt64
    var reductions: UInt64 = 0
    var cpuNanoseconds: UInt64 = 0
    var contextSwitches: UInt64 = 0
    /// The number of its last slice in the slice history (0: none), which keeps the thread's
    /// name after it ends while that slice is there (see ``SliceHistory``). Lock held.
    var lastBookedSlice: UInt64 = 0
    let messagesIn = Atomic<UInt64>(0)
    let messagesOut = Atomic<UInt64>(0)
    /// `fair` policy: weighted reductions run so far.
    var virtualRuntime: UInt64 = 0
    /// `priority` policy: the pick counter when it was queued (for aging).
    var queuedAtPick: UInt64 = 0
    let name: String
    /// Locks it holds, released when it finishes.
    var heldLocks: [String] = []
    /// Threads blocked in `join` on this one.
    var joiners: [KThread]?
    /// While it waits in `join` on several threads: the results collected so far.
    var joinResults: [TID: Value]?
    /// Heap bytes accounted to this thread (measured, plus allocations since).
    var memory = 0
    /// Bytes reported since `memory` was last measured.
    var allocatedSinceMeasure = 0
    /// Service and tool calls made.
    var calls: UInt64 = 0
    let started: UInt64

    init(tid: TID, process: KProcess, name: String, runnable: Runnable, nice: Int, now: UInt64) {
        self.tid = tid
        self.process = process
        self.name = name
        self.runnable = runnable
        self.niceValue = Int8(clamping: nice)
        self.started = now
        self.unblockedSince = now
    }

    /// Scheduling weight from -20 (first) to 19 (last).
    var nice: Int {
        get { Int(niceValue) }
        set { niceValue = Int8(clamping: newValue) }
    }

    var isFinished: Bool { state == .finished }

    /// Its own mailbox, if anyone has sent to its TID. Readable without the lock.
    var ownMailbox: ThreadMailbox? {
        @inline(__always) get {
            guard let pointer = UnsafeRawPointer(bitPattern: ownMailboxAddress.load(ordering: .acquiring))
            else {
                return nil
            }
            return Unmanaged<ThreadMailbox>.fromOpaque(pointer).takeUnretainedValue()
        }
    }

    /// Its own mailbox, made now if need be. Lock held (a sender without the lock uses
    /// ``ownMailbox`` and takes the lock when there is none yet).
    func makeOwnMailbox() -> ThreadMailbox {
        if let existing = ownMailbox { return existing }
        let made = ThreadMailbox()
        ownMailboxAddress.store(
            UInt(bitPattern: Unmanaged.passRetained(made).toOpaque()), ordering: .releasing)
        return made
    }

    deinit {
        if let pointer = UnsafeRawPointer(bitPattern: ownMailboxAddress.load(ordering: .acquiring)) {
            Unmanaged<ThreadMailbox>.fromOpaque(pointer).release()
        }
        KThread.release(sendTargetBits)
    }

    /// The last process or thread it sent to, kept for sends without a lock (the table of
    /// processes needs the lock). Dropped when it finishes. Read and written by the slot
    /// running the thread (or with the lock held once it has finished).
    var sendTarget: MailboxOwner? {
        get { withSendTarget { $0 } }
        set {
            let old = sendTargetBits
            switch newValue {
            case .process(let process)?:
                sendTargetBits = UInt(bitPattern: Unmanaged.passRetained(process).toOpaque())
            case .thread(let thread)?:
                sendTargetBits = UInt(bitPattern: Unmanaged.passRetained(thread).toOpaque()) | 1
            case nil:
                sendTargetBits = 0
            }
            KThread.release(old)
        }
    }

    /// Runs `body` with ``sendTarget`` without retaining it (the thread holds it meanwhile;
    /// `body` must not change it). nil when there is none.
    @inline(__always)
    func withSendTarget<R>(_ body: (MailboxOwner) -> R) -> R? {
        let bits = sendTargetBits
        guard let pointer = UnsafeRawPointer(bitPattern: bits & ~1) else { return nil }
        if bits & 1 == 0 {
            return Unmanaged<KProcess>.fromOpaque(pointer)._withUnsafeGuaranteedRef { body(.process($0)) }
        }
        return Unmanaged<KThread>.fromOpaque(pointer)._withUnsafeGuaranteedRef { body(.thread($0)) }
    }

    private static func release(_ bits: UInt) {
        guard let pointer = UnsafeRawPointer(bitPattern: bits & ~1) else { return }
        if bits & 1 == 0 {
            Unmanaged<KProcess>.fromOpaque(pointer).release()
        } else {
            Unmanaged<KThread>.fromOpaque(pointer).release()
        }
    }

    /// How it signs its messages: a main thread as its process, others as threads.
    var senderAddress: Address { tid == process.pid ? .process(tid) : .thread(tid) }

    /// The wait reason `ps` shows, or nil.
    var waitLabel: String? {
        guard state == .waiting, let label = request?.label else { return nil }
        return deadlocked ? label + " (deadlock)" : label
    }
}

/// How many messages had arrived in, and been taken from, a thread's and its process's
/// mailboxes when it last found nothing to receive.
struct ReceiveMark: Equatable {
    var thread: UInt64 = 0
    var process: UInt64 = 0
    var threadRemovals: UInt64 = 0
    var processRemovals: UInt64 = 0
}
