/// Spare ``InboxNode``s of one execution slot: a message sent during a slice takes its node
/// here and a message taken during a slice leaves its node here, so the steady message path
/// (a ring, a server answering its clients) calls neither `malloc` nor `free`. Only the
/// slot's own OS thread touches it, so it needs no lock; the kernel keeps one per slot at a
/// fixed address (``Kernel/nodeCaches``) and a running thread holds a plain pointer to its
/// slot's (no reference counting on the message path).
struct NodeCache {
    private var first: UnsafeMutablePointer<InboxNode>?
    private var count = 0
    /// Nodes kept at most (64 bytes each): beyond, a freed node goes back to `malloc`.
    static let capacity = 4096

    /// A node to initialise.
    @inline(__always)
    mutating func take() -> UnsafeMutablePointer<InboxNode> {
        guard let node = first else { return .allocate(capacity: 1) }
        first = UnsafeMutableRawPointer(node).load(as: UnsafeMutablePointer<InboxNode>?.self)
        count -= 1
        return node
    }

    /// Keeps a node whose message has been moved out (it is uninitialised memory now).
    @inline(__always)
    mutating func give(_ node: UnsafeMutablePointer<InboxNode>) {
        guard count < NodeCache.capacity else {
            node.deallocate()
            return
        }
        UnsafeMutableRawPointer(node).storeBytes(of: first, as: UnsafeMutablePointer<InboxNode>?.self)
        first = node
        count += 1
    }

    /// Frees every node it keeps.
    mutating func empty() {
        while let node = first {
            first = UnsafeMutableRawPointer(node).load(as: UnsafeMutablePointer<InboxNode>?.self)
            node.deallocate()
        }
        count = 0
    }
}

/// The per-slot node caches of a kernel, at fixed addresses for its lifetime.
final class NodeCaches {
    let base: UnsafeMutablePointer<NodeCache>
    let count: Int

    init(slots: Int) {
        count = max(slots, 1)
        base = .allocate(capacity: count)
        base.initialize(repeating: NodeCache(), count: count)
    }

    /// Slot `slot`'s cache.
    subscript(slot: Int) -> UnsafeMutablePointer<NodeCache> { base + slot }

    deinit {
        for slot in 0..<count { base[slot].empty() }
        base.deinitialize(count: count)
        base.deallocate()
    }
}
