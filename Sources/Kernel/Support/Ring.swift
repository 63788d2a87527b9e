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
    /// Where the next element goes: once the ring is full, the oldest element's slot.
    private var next = 0
    /// Whether every slot holds an element (the ring has wrapped).
    private var isFull = false

    init(capacity: Int) {
        precondition(_isPOD(Element.self), "a ring holds plain data only")
        self.capacity = max(1, capacity)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    /// How many elements it holds now.
    var count: Int { isFull ? capacity : next }

    /// The slot the next ``append(_:)`` writes.
    var nextSlot: Int { next }

    /// The element the next ``append(_:)`` replaces, if the ring is full.
    var nextReplaced: Element? { isFull ? storage[next] : nil }

    /// Appends `element`, replacing the oldest when full; returns its slot.
    @discardableResult @inline(__always)
    func append(_ element: Element) -> Int {
        let slot = next
        (storage + slot).initialize(to: element)
        if slot &+ 1 < capacity {
            next = slot &+ 1
        } else {
            next = 0
            isFull = true
        }
        return slot
    }

    /// The slot of the `index`th oldest element (0: the oldest).
    func slot(at index: Int) -> Int {
        precondition(index >= 0 && index < count, "ring index out of range")
        let slot = isFull ? next + index : index
        return slot < capacity ? slot : slot - capacity
    }

    /// The `index`th oldest element (0: the oldest).
    subscript(index: Int) -> Element { storage[slot(at: index)] }

    /// Every element, oldest first.
    var elements: [Element] { (0..<count).map { self[$0] } }
}
