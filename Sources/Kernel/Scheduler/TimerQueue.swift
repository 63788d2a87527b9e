import HeapModule

/// What happens when a timer fires.
enum TimerAction {
    /// Wake a thread with a timeout, unless it has parked again since (epoch changed).
    case timeout(KThread, epoch: UInt32)
    /// A trapped TERM was not obeyed in time: send KILL.
    case escalate(PID)
    /// init starts a supervised program again.
    case restart(RestartTicket)
    /// A `tool()` call ran out of time.
    case toolDeadline(Int, milliseconds: Int)
}

/// What init needs to start a supervised program again.
struct RestartTicket {
    let executable: Executable
    let arguments: [String]
    let options: SpawnOptions
    let restartCount: Int
    let lineage: RestartLineage
    /// When earlier restarts happened (for the max-restarts-per-period rule).
    let history: [UInt64]
}

/// Pending timers, earliest first. Guarded by the kernel lock.
struct TimerQueue {
    private var heap = Heap<TimerEntry>()
    private var sequence: UInt64 = 0

    var isEmpty: Bool { heap.isEmpty }
    /// The earliest deadline, kept beside the heap: the scheduler reads it before every slice,
    /// and `heap.min` copies the whole entry (its action's references retained and released).
    private(set) var nextDeadline: UInt64?

    mutating func schedule(at deadline: UInt64, _ action: TimerAction) {
        sequence &+= 1
        heap.insert(TimerEntry(deadline: deadline, sequence: sequence, action: action))
        nextDeadline = min(nextDeadline ?? .max, deadline)
    }

    /// Removes and returns the earliest timer if it is due at `now`.
    mutating func popDue(now: UInt64) -> TimerAction? {
        guard let next = nextDeadline, next <= now else { return nil }
        let action = heap.removeMin().action
        nextDeadline = heap.min?.deadline
        return action
    }
}

private struct TimerEntry: Comparable {
    var deadline: UInt64
    var sequence: UInt64
    var action: TimerAction

    static func < (lhs: TimerEntry, rhs: TimerEntry) -> Bool {
        (lhs.deadline, lhs.sequence) < (rhs.deadline, rhs.sequence)
    }

    static func == (lhs: TimerEntry, rhs: TimerEntry) -> Bool {
        lhs.deadline == rhs.deadline && lhs.sequence == rhs.sequence
    }
}
