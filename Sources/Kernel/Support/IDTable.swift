/// Kernel objects (processes, threads) by their id, in pages indexed directly by the id.
///
/// PIDs and TIDs come from one counter that only grows, so live ids cluster in a few recent
/// ranges. A lookup is two loads instead of hashing the id (a `Dictionary<Int, _>` runs
/// SipHash on every access: a fifth of a message hop and most of a spawn, measured with
/// callgrind). A page whose objects are all gone is freed, unless it is the newest page (new
/// ids land there: freeing it would make short-lived processes allocate and free a page
/// each), so a long-running kernel keeps one pointer per 1,024 ids it ever handed out.
/// Iteration is in id order.
///
/// Written here rather than taken from a package: no package offers an id-indexed sparse
/// table, and the pages are raw memory so that a lookup does no uniqueness or bounds work
/// beyond one range check. Guarded by the kernel lock, like everything it holds.
final class IDTable<Object: AnyObject> {
    /// Ids per page: 2^pageShift.
    private static var pageShift: Int { 10 }
    private static var pageSize: Int { 1 << pageShift }
    private static var slotMask: Int { pageSize - 1 }

    /// One page of ids: its slots (nil when none of its ids is live) and how many are live.
    private struct Page {
        var slots: UnsafeMutablePointer<Object?>?
        var live: Int
    }

    /// Page `i` holds ids `i * pageSize ..< (i + 1) * pageSize`. Raw memory, like the pages
    /// themselves: as arrays, the directory and its live counts cost two uniqueness checks
    /// per insert or removal (with the rest, about 140 instructions each; four per process).
    private var pages: UnsafeMutablePointer<Page>
    private var pageCount = 0
    private var pageCapacity: Int
    /// How many objects the table holds.
    private(set) var count = 0
    /// The page of the highest id stored so far: the only one that can still gain ids.
    private var newestPage = 0

    init() {
        pageCapacity = 4
        pages = .allocate(capacity: pageCapacity)
    }

    deinit {
        for index in 0..<pageCount { freePage(index) }
        pages.deallocate()  // a page entry holds no reference: nothing to deinitialize
    }

    var isEmpty: Bool { count == 0 }

    /// Pages allocated now (what the table costs in memory beyond its page list).
    var pagesInUse: Int { (0..<pageCount).filter { pages[$0].slots != nil }.count }

    /// The object with `id`, or nil. Setting nil removes it.
    subscript(id: Int) -> Object? {
        get {
            let index = id >> Self.pageShift
            guard id >= 0, index < pageCount, let slots = pages[index].slots else { return nil }
            return slots[id & Self.slotMask]
        }
        set {
            if let newValue { insert(newValue, at: id) } else { remove(at: id) }
        }
    }

    /// Removes and returns the object with `id`.
    @discardableResult
    func removeValue(forKey id: Int) -> Object? {
        let object = self[id]
        if object != nil { remove(at: id) }
        return object
    }

    /// Calls `body` with every object, in id order, without building an array.
    func forEach(_ body: (Object) -> Void) {
        for index in 0..<pageCount {
            guard let slots = pages[index].slots else { continue }
            for slot in 0..<Self.pageSize {
                if let object = slots[slot] { body(object) }
            }
        }
    }

    /// Every object, in id order.
    var values: [Object] {
        var result: [Object] = []
        result.reserveCapacity(count)
        forEach { result.append($0) }
        return result
    }

    /// Stores `object` under `id`, replacing what was there. Negative ids are ignored.
    private func insert(_ object: Object, at id: Int) {
        guard id >= 0 else { return }
        let index = id >> Self.pageShift
        let slot = slots(ofPage: index) + (id & Self.slotMask)
        if slot.pointee == nil {
            count += 1
            pages[index].live += 1
        }
        slot.pointee = object
    }

    /// Removes the object with `id`, if any; frees its page if that empties an old one.
    private func remove(at id: Int) {
        let index = id >> Self.pageShift
        guard id >= 0, index < pageCount, let slots = pages[index].slots else { return }
        let slot = slots + (id & Self.slotMask)
        guard slot.pointee != nil else { return }
        slot.pointee = nil
        count -= 1
        pages[index].live -= 1
        if pages[index].live == 0 && index < newestPage { freePage(index) }
    }

    /// The slots of page `index`, created (all nil) if needed.
    private func slots(ofPage index: Int) -> UnsafeMutablePointer<Object?> {
        if index >= pageCount { addPages(through: index) }
        newestPage = max(newestPage, index)
        if let slots = pages[index].slots { return slots }
        let slots = UnsafeMutablePointer<Object?>.allocate(capacity: Self.pageSize)
        slots.initialize(repeating: nil, count: Self.pageSize)
        pages[index].slots = slots
        return slots
    }

    /// Extends the directory with empty pages up to page `index`.
    private func addPages(through index: Int) {
        if index >= pageCapacity {
            let capacity = max(index + 1, pageCapacity * 2)
            let grown = UnsafeMutablePointer<Page>.allocate(capacity: capacity)
            grown.moveInitialize(from: pages, count: pageCount)
            pages.deallocate()
            pages = grown
            pageCapacity = capacity
        }
        (pages + pageCount).initialize(repeating: Page(slots: nil, live: 0), count: index + 1 - pageCount)
        pageCount = index + 1
    }

    /// Releases what is left on page `index` and frees it.
    private func freePage(_ index: Int) {
        guard let slots = pages[index].slots else { return }
        for slot in 0..<Self.pageSize where slots[slot] != nil { (slots + slot).deinitialize(count: 1) }
        slots.deallocate()
        pages[index].slots = nil
    }
}
