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

    /// Page `i` holds ids `i * pageSize ..< (i + 1) * pageSize`; nil when none of them is live.
    private var pages: [UnsafeMutablePointer<Object?>?] = []
    /// Live objects per page, to free a page when it empties.
    private var livePerPage: [Int32] = []
    /// How many objects the table holds.
    private(set) var count = 0
    /// The page of the highest id stored so far: the only one that can still gain ids.
    private var newestPage = 0

    var isEmpty: Bool { count == 0 }

    /// Pages allocated now (what the table costs in memory beyond its page list).
    var pagesInUse: Int { pages.lazy.filter { $0 != nil }.count }

    deinit {
        for index in pages.indices { freePage(index) }
    }

    /// The object with `id`, or nil. Setting nil removes it.
    subscript(id: Int) -> Object? {
        get {
            let index = id >> Self.pageShift
            guard id >= 0, index < pages.count, let page = pages[index] else { return nil }
            return page[id & Self.slotMask]
        }
        set {
            guard id >= 0 else { return }
            let index = id >> Self.pageShift
            guard let page = newValue == nil ? existingPage(index) : page(index) else { return }
            let slot = page + (id & Self.slotMask)
            let had = slot.pointee != nil
            slot.pointee = newValue
            switch (had, newValue != nil) {
            case (false, true):
                count += 1
                livePerPage[index] += 1
            case (true, false):
                count -= 1
                livePerPage[index] -= 1
                if livePerPage[index] == 0 && index < newestPage { freePage(index) }
            default: break
            }
        }
    }

    /// Removes and returns the object with `id`.
    @discardableResult
    func removeValue(forKey id: Int) -> Object? {
        let object = self[id]
        if object != nil { self[id] = nil }
        return object
    }

    /// Calls `body` with every object, in id order, without building an array.
    func forEach(_ body: (Object) -> Void) {
        for case let page? in pages {
            for slot in 0..<Self.pageSize {
                if let object = page[slot] { body(object) }
            }
        }
    }

    /// Every object, in id order.
    var values: [Object] {
        var result: [Object] = []
        result.reserveCapacity(count)
        for case let page? in pages {
            for slot in 0..<Self.pageSize {
                if let object = page[slot] { result.append(object) }
            }
        }
        return result
    }

    private func existingPage(_ index: Int) -> UnsafeMutablePointer<Object?>? {
        index < pages.count ? pages[index] : nil
    }

    /// Page `index`, created (all nil) if needed.
    private func page(_ index: Int) -> UnsafeMutablePointer<Object?> {
        if index >= pages.count {
            pages.append(contentsOf: repeatElement(nil, count: index + 1 - pages.count))
            livePerPage.append(contentsOf: repeatElement(0, count: index + 1 - livePerPage.count))
        }
        newestPage = max(newestPage, index)
        if let page = pages[index] { return page }
        let page = UnsafeMutablePointer<Object?>.allocate(capacity: Self.pageSize)
        for slot in 0..<Self.pageSize { (page + slot).initialize(to: nil) }
        pages[index] = page
        return page
    }

    /// Releases what is left on page `index` and frees it.
    private func freePage(_ index: Int) {
        guard let page = pages[index] else { return }
        for slot in 0..<Self.pageSize where page[slot] != nil { (page + slot).deinitialize(count: 1) }
        page.deallocate()
        pages[index] = nil
    }
}
