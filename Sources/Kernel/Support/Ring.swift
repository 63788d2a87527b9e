/// The last `capacity` elements appended, oldest first: the event log and the slice history.
///
/// Written here rather than kept in an `Array` or a `Deque`: a ring is written on every
/// message and every context switch, and a value-type collection pays a copy-on-write check
/// and a bounds check per write (a few percent of a message hop). A class owning its storage
/// writes a slot directly. The storage grows by doubling until it reaches `capacity`, so a
/// kernel with a large event capacity costs nothing until it records. Not thread-safe: its
/// owner guards it (the kernel lock).
final class Ring<Element> {
    /// How many elements it keeps at most.
    let capacity: Int
    private var storage: UnsafeMutablePointer<Element>
    /// Whether each slot holds an element whose destruction does nothing (see
    /// ``append(_:plain:)``), so that overwriting it needs no destroy call.
    private var plain: UnsafeMutablePointer<Bool>
    private var allocated: Int
    /// How many elements it holds now.
    private(set) var count = 0
    /// Where the oldest element is once the ring is full (before that: 0).
    private var oldest = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        allocated = min(self.capacity, 16)
        storage = .allocate(capacity: allocated)
        plain = .allocate(capacity: allocated)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
        plain.deallocate()
    }

    /// Appends `element`, replacing the oldest when full; returns its slot (for ``subscript(_:)``).
    /// `plain` says that destroying `element` does nothing (it holds no reference, or only
    /// immortal ones): overwriting it later then skips the destroy, which for an event with a
    /// string and a value costs about 50 instructions (two per message hop).
    @discardableResult @inline(__always)
    func append(_ element: consuming Element, plain isPlain: Bool = false) -> Int {
        if count < capacity {
            if count == allocated { grow() }
            (storage + count).initialize(to: element)
            plain[count] = isPlain
            count += 1
            return count - 1
        }
        let slot = oldest
        if plain[slot] {
            (storage + slot).initialize(to: element)
        } else {
            storage[slot] = element
        }
        plain[slot] = isPlain
        oldest = slot + 1 == capacity ? 0 : slot + 1
        return slot
    }

    /// The element in `slot`, as ``append(_:)`` returned it.
    subscript(slot: Int) -> Element {
        precondition(slot >= 0 && slot < count, "ring slot out of range")
        return storage[slot]
    }

    /// Every element, oldest first.
    var elements: [Element] {
        var result: [Element] = []
        result.reserveCapacity(count)
        for index in 0..<count { result.append(storage[(oldest + index) % count]) }
        return result
    }

    private func grow() {
        let size = min(capacity, allocated * 2)
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: size)
        grown.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = grown
        let grownPlain = UnsafeMutablePointer<Bool>.allocate(capacity: size)
        grownPlain.initialize(from: plain, count: count)
        plain.deallocate()
        plain = grownPlain
        allocated = size
    }
}
