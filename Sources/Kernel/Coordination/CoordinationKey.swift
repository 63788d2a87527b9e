import DequeModule

/// Names a coordination object of a process: a lock, a counting semaphore, a reusable
/// barrier or an event flag. Each kind has its own namespace per process.
public struct CoordinationKey: Hashable, Sendable {
    /// What kind of object.
    public enum Kind: String, Sendable {
        case lock, semaphore, barrier, event
    }

    public var kind: Kind
    public var name: String

    /// `lock db`, as a wait reason.
    var label: String { "\(kind.rawValue) \(name)" }
}

/// The coordination objects of one process. Guarded by the kernel lock.
final class CoordinationTable {
    /// A mutual-exclusion lock: one owner, waiters in arrival order.
    struct LockState {
        var owner: KThread?
        var waiters: Deque<KThread> = []
    }

    /// A counting semaphore.
    struct SemaphoreState {
        var count: Int
        var waiters: Deque<KThread> = []
    }

    /// A reusable barrier for `parties` threads.
    struct BarrierState {
        var parties: Int
        var arrived: [KThread] = []
        var generation = 0
    }

    /// An event flag: manual reset (stays set until cleared) or auto reset (lets one waiter
    /// through, then clears itself).
    struct EventState {
        var isSet = false
        var autoReset = false
        var waiters: Deque<KThread> = []
    }

    var locks: [String: LockState] = [:]
    var semaphores: [String: SemaphoreState] = [:]
    var barriers: [String: BarrierState] = [:]
    var events: [String: EventState] = [:]
}
