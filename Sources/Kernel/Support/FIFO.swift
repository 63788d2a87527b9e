/// A first-in, first-out queue: the slice history's kept names and wait labels, appended at
/// the back and dropped from the front as the history overwrites their slices.
///
/// Written here rather than kept in a `Deque`: `Deque`'s `first`, `removeFirst` and `append`
/// were not specialized for these elements (value witness calls, copy-on-write checks), and
/// `bench spawn-program` keeps and drops a name per spawn: 0.36 M fewer instructions in
/// 12,000 spawns (callgrind). Elements are read in place (``subscript(_:)``), so a look at one
/// field retains nothing. Not thread-safe: its owner guards it.
final class FIFO<Element> {
    private var storage: UnsafeMutablePointer<Element>
    private var capacity: Int
    /// Where the first element is.
    private var head = 0
    /// How many elements it holds.
    private(set) var count = 0

    init() {
        capacity = 8
        storage = .allocate(capacity: capacity)
    }

    deinit {
        while count > 0 { removeFirst() }
        storage.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    /// The `index`th element from the front (0: the first), read and written in place: reading
    /// one field of an element copies nothing else (no retain of its strings).
    subscript(index: Int) -> Element {
        unsafeAddress {
            precondition(index >= 0 && index < count, "FIFO index out of range")
            return UnsafePointer(storage + slot(index))
        }
        unsafeMutableAddress {
            precondition(index >= 0 && index < count, "FIFO index out of range")
            return storage + slot(index)
        }
    }

    func append(_ element: consuming Element) {
        if count == capacity { grow() }
        (storage + slot(count)).initialize(to: element)
        count += 1
    }

    /// Drops the first element (there must be one).
    func removeFirst() {
        precondition(count > 0, "removeFirst on an empty FIFO")
        (storage + head).deinitialize(count: 1)
        head = head + 1 == capacity ? 0 : head + 1
        count -= 1
    }

    /// The storage slot of the `index`th element.
    private func slot(_ index: Int) -> Int {
        let slot = head + index
        return slot < capacity ? slot : slot - capacity
    }

    /// Doubles the capacity, moving the elements to the front of new storage.
    private func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        let front = capacity - head  // the elements from head to the storage's end
        (larger).moveInitialize(from: storage + head, count: front)
        (larger + front).moveInitialize(from: storage, count: head)
        storage.deallocate()
        storage = larger
        capacity *= 2
        head = 0
    }
}
