/// The last `capacity` elements appended, oldest first: the event log and the slice history.
///
/// Written here rather than kept in an `Array` or a `Deque`: a ring is written on every
/// message and every context switch, and a value-type collection pays a copy-on-write check
/// and a bounds check per write (a few percent of a message hop). A class owning its storage
/// writes a slot directly. Its storage is allocated whole at once (a large event capacity is
/// address space, not memory, until events fill it: the pages are untouched), so filling it
/// copies nothing. Not thread-safe: its owner guards it.
final class Ring<Element> {
    /// How many elements it keeps at most.
    let capacity: Int
    private let storage: UnsafeMutablePointer<Element>
    /// Whether each slot holds an element whose destruction does nothing (see
    /// ``append(_:plain:)``), so that overwriting it needs no destroy call.
    private let plain: UnsafeMutablePointer<Bool>
    /// How many elements it holds now.
    private(set) var count = 0
    /// Where the oldest element is once the ring is full (before that: 0).
    private var oldest = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        storage = .allocate(capacity: self.capacity)
        plain = .allocate(capacity: self.capacity)
    }

    deinit {
        for slot in 0..<count where !plain[slot] { (storage + slot).deinitialize(count: 1) }
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
}
