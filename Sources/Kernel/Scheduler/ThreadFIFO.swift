/// The round-robin run queue's storage: threads first in, first out, in a ring that grows by
/// doubling. Written here rather than using swift-collections' `Deque`: a deque is a
/// copy-on-write value, and its uniqueness and bounds checks made a push and a pop cost about
/// 90 instructions each — every message hop does both. Guarded by the kernel lock.
final class ThreadFIFO {
    /// The ring; slots `head ..< head + count` (modulo `capacity`) hold retained threads.
    private var ring: UnsafeMutablePointer<Unmanaged<KThread>>
    private var capacity: Int
    private var head = 0
    /// Threads queued.
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = capacity
        ring = .allocate(capacity: capacity)
    }

    /// Queues `thread` last (the queue holds it).
    @inline(__always)
    func append(_ thread: KThread) {
        if count == capacity { grow() }
        var tail = head &+ count
        if tail >= capacity { tail &-= capacity }
        (ring + tail).initialize(to: .passRetained(thread))
        count &+= 1
    }

    /// The first thread (still queued, so alive), unretained; nil when empty.
    var first: Unmanaged<KThread>? { count > 0 ? ring[head] : nil }

    /// Takes the first thread, or nil when empty.
    @inline(__always)
    func popFirst() -> KThread? {
        guard count > 0 else { return nil }
        let thread = (ring + head).move().takeRetainedValue()
        head &+= 1
        if head == capacity { head = 0 }
        count &-= 1
        return thread
    }

    private func grow() {
        let grown = UnsafeMutablePointer<Unmanaged<KThread>>.allocate(capacity: capacity * 2)
        let firstPart = min(count, capacity - head)
        (grown).moveInitialize(from: ring + head, count: firstPart)
        (grown + firstPart).moveInitialize(from: ring, count: count - firstPart)
        ring.deallocate()
        ring = grown
        head = 0
        capacity *= 2
    }

    deinit {
        while popFirst() != nil {}
        ring.deallocate()
    }
}
