import DequeModule
import HeapModule

/// The ready threads, ordered by the current policy. Guarded by the kernel lock.
///
/// Removal is lazy: a thread that stops being ready while queued (killed, suspended) stays
/// in the structure and is skipped by the kernel when popped.
struct RunQueue {
    /// How many picks a waiting thread needs to gain one priority level.
    static let agingPicks: UInt64 = 4

    private(set) var policy: SchedulingPolicy
    private var fifo = ThreadFIFO()
    private var levels: [Deque<KThread>] = []
    private var fairHeap = Heap<FairEntry>()
    private var fairSequence: UInt64 = 0
    /// The smallest virtual run time handed out, so woken threads do not monopolise slots.
    private var minimumVirtualRuntime: UInt64 = 0
    /// Threads taken so far (a slot that sleeps while another runs checks it moves on).
    private(set) var picks: UInt64 = 0
    private(set) var count = 0

    init(policy: SchedulingPolicy) {
        self.policy = policy
        if policy == .priority { levels = Array(repeating: [], count: 40) }
    }

    mutating func push(_ thread: KThread) {
        count += 1
        switch policy {
        case .rr:
            fifo.append(thread)
        case .priority:
            thread.queuedAtPick = picks
            levels[min(max(thread.nice, -20), 19) + 20].append(thread)
        case .fair:
            thread.virtualRuntime = max(thread.virtualRuntime, minimumVirtualRuntime)
            fairSequence &+= 1
            fairHeap.insert(FairEntry(runtime: thread.virtualRuntime, sequence: fairSequence, thread: thread))
        }
    }

    mutating func pop() -> KThread? {
        guard count > 0 else { return nil }
        count -= 1
        picks &+= 1
        switch policy {
        case .rr:
            return fifo.popFirst()
        case .priority:
            return popByAgedPriority()
        case .fair:
            guard let entry = fairHeap.popMin() else { return nil }
            minimumVirtualRuntime = max(minimumVirtualRuntime, entry.runtime)
            return entry.thread
        }
    }

    /// Charges `reductions` to a thread's virtual run time (fair policy).
    static func charge(_ thread: KThread, reductions: Int) {
        thread.virtualRuntime &+= UInt64(reductions) &* 1024 / weight(ofNice: thread.nice)
    }

    /// Re-queues everything under another policy.
    mutating func switchPolicy(to newPolicy: SchedulingPolicy) {
        guard newPolicy != policy else { return }
        var all: [KThread] = []
        while let thread = pop() { all.append(thread) }
        self = RunQueue(policy: newPolicy)
        for thread in all { push(thread) }
    }

    private mutating func popByAgedPriority() -> KThread? {
        var best = -1
        var bestScore = Int64.max
        for level in 0..<levels.count {
            guard let head = levels[level].first else { continue }
            let age = Int64((picks &- head.queuedAtPick) / RunQueue.agingPicks)
            let score = Int64(level) - age
            if score < bestScore {
                bestScore = score
                best = level
            }
        }
        guard best >= 0 else { return nil }
        return levels[best].popFirst()
    }
}

private struct FairEntry: Comparable {
    var runtime: UInt64
    var sequence: UInt64
    var thread: KThread

    static func < (lhs: FairEntry, rhs: FairEntry) -> Bool {
        (lhs.runtime, lhs.sequence) < (rhs.runtime, rhs.sequence)
    }

    static func == (lhs: FairEntry, rhs: FairEntry) -> Bool {
        lhs.runtime == rhs.runtime && lhs.sequence == rhs.sequence
    }
}
