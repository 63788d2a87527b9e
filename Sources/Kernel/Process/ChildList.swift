import DequeModule

/// A process's children, in PID order.
///
/// Children are added when they are spawned, so in increasing PID order: appending keeps the
/// list sorted, a removal finds its PID by binary search, and listing needs no sort. A
/// `Set<PID>` hashed every PID with SipHash on spawn and exit, and had to be sorted wherever
/// the order shows (broadcasts, adoption by init). Children tend to end in the order they
/// started, so removals are mostly near the front, where a deque removes cheaply.
struct ChildList: Sequence {
    private var pids: Deque<PID> = []

    var isEmpty: Bool { pids.isEmpty }

    /// Adds a child (normally the newest PID: an append, taken without the search and the
    /// general insertion, which cost a spawn about 100 instructions).
    mutating func insert(_ pid: PID) {
        guard let last = pids.last, last >= pid else {
            pids.append(pid)
            return
        }
        let index = position(of: pid)
        guard index == pids.count || pids[index] != pid else { return }
        pids.insert(pid, at: index)
    }

    /// Removes a child if it is there (normally the oldest: taken from the front without the
    /// search and the general removal).
    mutating func remove(_ pid: PID) {
        if pids.first == pid {
            pids.removeFirst()
            return
        }
        let index = position(of: pid)
        if index < pids.count && pids[index] == pid { pids.remove(at: index) }
    }

    func makeIterator() -> Deque<PID>.Iterator { pids.makeIterator() }

    /// Where `pid` is or would go.
    private func position(of pid: PID) -> Int {
        if let last = pids.last, last < pid { return pids.count }  // the usual case
        return pids.partitioningIndex { $0 >= pid }
    }
}
