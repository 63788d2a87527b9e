/// The last `capacity` elements appended, oldest first: the event log and the slice history.
///
/// Written here rather than kept in an `Array` or a `Deque`: a ring is written on every
/// message and every context switch, and a value-type collection pays a copy-on-write check
/// and a bounds check per write (a few percent of a message hop). A class owning its storage
/// writes a slot directly. Its storage is allocated whole at once (a large event capacity is
/// address space, not memory, until events fill it: the pages are untouched), so filling it
/// copies nothing.
///
/// Its elements are plain data (no references: checked when it is made), so overwriting the
/// oldest is a store, with no destroy call and no note of which slots need one. Not
/// thread-safe: its owner guards it.
final class Ring<Element> {
    /// How many elements it keeps at most.
    let capacity: Int
    private let storage: UnsafeMutablePointer<Element>
    /// How many elements it holds now.
    private(set) var count = 0
    /// Where the oldest element is once the ring is full (before that: 0).
    private var oldest = 0

    init(capacity: Int) {
        precondition(_isPOD(Element.self), "a ring holds plain data only")
        self.capacity = max(1, capacity)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// Appends `element`, replacing the oldest when full.
    @inline(__always)
    func append(_ element: Element) {
        if count < capacity {
            (storage + count).initialize(to: element)
            count += 1
            return
        }
        let slot = oldest
        (storage + slot).initialize(to: element)
        oldest = slot + 1 == capacity ? 0 : slot + 1
    }

    /// The `index`th oldest element (0: the oldest).
    subscript(index: Int) -> Element {
        precondition(index >= 0 && index < count, "ring index out of range")
        let slot = oldest + index
        return storage[slot < capacity ? slot : slot - capacity]
    }

    /// Every element, oldest first.
    var elements: [Element] { (0..<count).map { self[$0] } }
}
