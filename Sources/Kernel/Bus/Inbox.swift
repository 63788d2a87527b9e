import Synchronization

/// The sending side of a mailbox: a lock-free stack that any number of senders push onto
/// with one compare-and-swap, and that the receiving side takes whole with one exchange
/// (so a message costs no lock to queue or to take). Taken messages move, oldest first, into
/// the mailbox's ordered queue (``Mailbox``), where `receive` scans them.
///
/// The classic multi-producer, single-consumer design of actor runtimes (the BEAM's outer and
/// inner message queues): since the consumer never pops one node, only takes them all, the
/// stack has no ABA problem. Order is FIFO per sender: each sender's pushes follow one another.
///
/// Written here rather than taken from a package: swift-atomics and swift-collections have no
/// closable multi-producer queue, and this one is fifty lines over `Synchronization.Atomic`.
///
/// Closing it (the owner ended) makes every later push fail, so a sender holding on to an
/// exited process learns that its message is a dead letter without a lock.
struct Inbox: ~Copyable {
    /// The newest node's address; ``empty`` or ``closed`` when there is none.
    private let head = Atomic<UInt>(Inbox.empty)
    /// Messages queued: pushed and not yet taken out of the mailbox (in the stack or in the
    /// ordered queue). A push reserves its place here first, so a limit is never overshot.
    /// (32 bits, as ``blockedSenders``: two counters share a word of every process.)
    let count = Atomic<Int32>(0)
    /// Senders blocked because it was full; after taking a message the receiver looks here
    /// and, only when it is not zero, takes the kernel lock to let one in.
    let blockedSenders = Atomic<Int32>(0)

    private static let empty: UInt = 0
    private static let closed: UInt = 1

    /// What became of a push.
    enum Push {
        case pushed
        /// At its limit: nothing was queued.
        case full
        /// Its owner has ended: nothing was queued.
        case closed
    }

    /// Queues `message` unless `limit` messages are queued already (nil: no limit).
    /// Sequentially consistent, so that a sender that pushes and then looks for waiting
    /// receivers, and a receiver that announces its wait and then looks here, cannot both
    /// miss each other.
    /// Its node comes from `cache` (the sending slot's), or from `malloc` without one.
    func push(_ message: consuming Message, limit: Int?, cache: UnsafeMutablePointer<NodeCache>?) -> Push {
        guard reserve(limit: limit) else { return .full }
        let node = cache?.pointee.take() ?? .allocate(capacity: 1)
        node.initialize(to: InboxNode(message: message, next: nil))
        let address = UInt(bitPattern: node)
        var current = head.load(ordering: .relaxed)
        while true {
            if current == Inbox.closed {
                node.deinitialize(count: 1)
                if let cache { cache.pointee.give(node) } else { node.deallocate() }
                count.wrappingSubtract(1, ordering: .relaxed)
                return .closed
            }
            node.pointee.next = UnsafeMutablePointer(bitPattern: current)
            let (exchanged, original) = head.compareExchange(
                expected: current, desired: address, ordering: .sequentiallyConsistent)
            if exchanged { return .pushed }
            current = original
        }
    }

    /// Queues `message` straight into `queue`, after any pushed before it, without a node:
    /// for a sender holding the kernel lock while no slice owns `queue` (the lock guards it
    /// then), which saves the node's `malloc` and `free`.
    func append(_ message: consuming Message, limit: Int?, to queue: inout Mailbox) -> Push {
        if isClosed { return .closed }  // closing takes the kernel lock too
        guard reserve(limit: limit) else { return .full }
        _ = drain(into: &queue)
        queue.append(message)
        return .pushed
    }

    /// Counts one more message in, unless `limit` are queued already (nil: no limit).
    @inline(__always)
    private func reserve(limit: Int?) -> Bool {
        guard let limit else {
            count.wrappingAdd(1, ordering: .relaxed)
            return true
        }
        guard Int(count.wrappingAdd(1, ordering: .sequentiallyConsistent).oldValue) < limit else {
            count.wrappingSubtract(1, ordering: .relaxed)
            return false
        }
        return true
    }

    /// Whether a message waits in the stack (not yet moved to the ordered queue).
    var hasMessages: Bool {
        let current = head.load(ordering: .sequentiallyConsistent)
        return current != Inbox.empty && current != Inbox.closed
    }

    /// Moves every pushed message, oldest first, to the end of `queue`; returns how many.
    /// Only the mailbox's receiving side calls it; the nodes go to `cache` (the receiving
    /// slot's), or back to `malloc` without one.
    func drain(into queue: inout Mailbox, cache: UnsafeMutablePointer<NodeCache>? = nil) -> Int {
        var current = head.load(ordering: .acquiring)
        while current != Inbox.empty && current != Inbox.closed {
            let (exchanged, original) = head.compareExchange(
                expected: current, desired: Inbox.empty, ordering: .acquiring)
            if exchanged { return moveNodes(from: current, to: cache) { queue.append($0) } }
            current = original
        }
        return 0
    }

    /// Takes every pushed message as ``drain(into:cache:)`` does, but hands back the oldest
    /// instead of queueing it (the rest join `queue`): for a receive that takes the first
    /// message while `queue` is empty, so that a message passes without going into the deque
    /// and out again (about 80 instructions of a message hop). The handed-back message counts
    /// as arrived in `queue` and taken from it. nil when nothing was pushed.
    func drainFirst(into queue: inout Mailbox, cache: UnsafeMutablePointer<NodeCache>?) -> Message? {
        var current = head.load(ordering: .acquiring)
        while current != Inbox.empty && current != Inbox.closed {
            let (exchanged, original) = head.compareExchange(
                expected: current, desired: Inbox.empty, ordering: .acquiring)
            if exchanged {
                queue.arrivals &+= 1
                queue.removals &+= 1
                guard let node = UnsafeMutablePointer<InboxNode>(bitPattern: current),
                    node.pointee.next == nil
                else {
                    var first: Message?
                    _ = moveNodes(from: current, to: cache) { message in
                        if first == nil { first = message } else { queue.append(message) }
                    }
                    return first
                }
                let message = node.move().message  // the usual case: one message
                if let cache { cache.pointee.give(node) } else { node.deallocate() }
                return message
            }
            current = original
        }
        return nil
    }

    /// Closes it: later pushes fail. Returns how many messages were still in the stack; they
    /// are dropped (the caller counts them as dead letters). The ordered queue is the caller's.
    func close() -> Int {
        let taken = head.exchange(Inbox.closed, ordering: .acquiring)
        guard taken != Inbox.closed else { return 0 }
        let dropped = moveNodes(from: taken, to: nil) { _ in }
        count.wrappingSubtract(Int32(truncatingIfNeeded: dropped), ordering: .relaxed)
        return dropped
    }

    /// How many messages are queued (in the stack or the ordered queue).
    var queued: Int { Int(count.load(ordering: .relaxed)) }

    /// Whether it has been closed.
    var isClosed: Bool { head.load(ordering: .acquiring) == Inbox.closed }

    /// Frees a taken chain (newest first) into `cache` or `malloc`, handing its messages to
    /// `body` oldest first.
    private func moveNodes(
        from address: UInt, to cache: UnsafeMutablePointer<NodeCache>?, _ body: (consuming Message) -> Void
    ) -> Int {
        // Reverse the chain in place, then walk it.
        var reversed: UnsafeMutablePointer<InboxNode>?
        var node = UnsafeMutablePointer<InboxNode>(bitPattern: address)
        var moved = 0
        while let current = node {
            node = current.pointee.next
            current.pointee.next = reversed
            reversed = current
            moved += 1
        }
        while let current = reversed {
            reversed = current.pointee.next
            body(current.move().message)
            if let cache { cache.pointee.give(current) } else { current.deallocate() }
        }
        return moved
    }

    deinit {
        let current = head.load(ordering: .acquiring)
        if current != Inbox.closed { _ = moveNodes(from: current, to: nil) { _ in } }
    }
}

/// One message in an ``Inbox``: a manually allocated cell (no reference count to keep).
struct InboxNode {
    var message: Message
    var next: UnsafeMutablePointer<InboxNode>?
}
