import Kernel

/// One visible row of the process table: which process, and where it sits in the tree.
public struct DisplayRow: Sendable, Equatable {
    /// Index into ``ProcessSample/processes``.
    public var index: Int32
    /// 0 for a root (and for every row in flat mode).
    public var depth: Int32
    /// The row of its parent in the same display list, -1 for a root.
    public var parentRow: Int32
    var flags: UInt8

    static let lastSibling: UInt8 = 1
    static let hasChildren: UInt8 = 2
    static let collapsedFlag: UInt8 = 4

    /// Whether no visible sibling follows it (the tree line turns into `└─`).
    public var isLastSibling: Bool { flags & DisplayRow.lastSibling != 0 }
    /// Whether it has visible children (shown or collapsed).
    public var hasChildren: Bool { flags & DisplayRow.hasChildren != 0 }
    /// Whether its subtree is collapsed: it then shows the subtree's totals.
    public var isCollapsed: Bool { flags & DisplayRow.collapsedFlag != 0 }
}

/// The summed CPU%, memory and threads of a whole subtree, shown on a collapsed node.
public struct SubtreeTotals: Sendable, Equatable {
    public var cpuPercent: Double
    public var memory: Int
    public var threads: Int
}

/// Builds the visible rows from a sample. Everything here is O(n) after the one sort, so a
/// table of 100,000 processes is rebuilt in milliseconds; recursion is never used, so a deep
/// chain of processes cannot overflow the stack.
struct TreeBuilder {
    let sample: ProcessSample
    /// Process indices sorted by the sort key.
    let order: [Int32]
    let filter: TextMatch?
    let collapsed: Set<PID>

    /// Flat mode: the matching processes in sort order.
    func flat() -> [DisplayRow] {
        var rows: [DisplayRow] = []
        rows.reserveCapacity(order.count)
        for index in order where filter.map({ $0.matches(sample.processes[Int(index)]) }) ?? true {
            rows.append(DisplayRow(index: index, depth: 0, parentRow: -1, flags: 0))
        }
        return rows
    }

    /// Tree mode: children under parents, siblings in sort order; with a filter, the matching
    /// processes and their ancestors. Returns the rows and the totals of collapsed rows.
    func tree(_ index: TreeIndex) -> (rows: [DisplayRow], totals: [Int32: SubtreeTotals]) {
        let processes = sample.processes
        let count = processes.count
        let keep = keptNodes(parent: index.parent)

        var rows: [DisplayRow] = []
        rows.reserveCapacity(count)
        var totals: [Int32: SubtreeTotals] = [:]
        // Stack of (node, depth, parent row, last sibling); pushed in reverse so pops come in order.
        var stack: [(Int32, Int32, Int32, Bool)] = []
        var kept: [Int32] = []
        func pushKept(_ nodes: ArraySlice<Int32>, depth: Int32, parentRow: Int32) {
            kept.removeAll(keepingCapacity: true)
            for node in nodes where keep?[Int(node)] ?? true { kept.append(node) }
            for (position, node) in kept.enumerated().reversed() {
                stack.append((node, depth, parentRow, position == kept.count - 1))
            }
        }
        pushKept(index.roots[...], depth: 0, parentRow: -1)
        while let (node, depth, parentRow, last) = stack.popLast() {
            let own = index.children(of: node)
            let visibleChildren = own.contains { keep?[Int($0)] ?? true }
            var flags: UInt8 = last ? DisplayRow.lastSibling : 0
            if visibleChildren { flags |= DisplayRow.hasChildren }
            let row = Int32(rows.count)
            let isCollapsed =
                visibleChildren && !collapsed.isEmpty && collapsed.contains(sample.pids[Int(node)])
            if isCollapsed {
                flags |= DisplayRow.collapsedFlag
                totals[row] = subtreeTotals(node, index)
            }
            rows.append(DisplayRow(index: node, depth: depth, parentRow: parentRow, flags: flags))
            if visibleChildren && !isCollapsed { pushKept(own, depth: depth + 1, parentRow: row) }
        }
        return (rows, totals)
    }

    /// With a filter: the matching nodes and every ancestor of one. nil without a filter.
    private func keptNodes(parent: [Int32]) -> [Bool]? {
        guard let filter else { return nil }
        var keep = [Bool](repeating: false, count: parent.count)
        for index in sample.processes.indices where filter.matches(sample.processes[index]) {
            var node = Int32(index)
            while node >= 0 && !keep[Int(node)] {  // stops at a kept node, so cycles end too
                keep[Int(node)] = true
                node = parent[Int(node)]
            }
        }
        return keep
    }

    private func subtreeTotals(_ root: Int32, _ index: TreeIndex) -> SubtreeTotals {
        var totals = SubtreeTotals(cpuPercent: 0, memory: 0, threads: 0)
        index.forEachInSubtree(of: root) { node in
            let process = sample.processes[Int(node)]
            totals.cpuPercent += sample.cpuPercent[Int(node)]
            totals.memory += process.memory
            totals.threads += process.threads
        }
        return totals
    }
}

/// Parent and children of every process of a sample, children in sort order, kept in flat
/// arrays (children of node `i` are `children[start[i]..<start[i+1]]`).
struct TreeIndex {
    var parent: [Int32]
    var children: [Int32]
    var start: [Int32]
    /// Processes whose parent is not in the sample, in sort order.
    var roots: [Int32]

    init() {
        (parent, children, start, roots) = ([], [], [0], [])
    }

    init(sample: ProcessSample, order: [Int32]) {
        let count = sample.pids.count
        parent = [Int32](repeating: -1, count: count)
        var childCount = [Int32](repeating: 0, count: count + 1)
        for index in 0..<count where sample.parentPIDs[index] != sample.pids[index] {
            if let found = sample.index(of: sample.parentPIDs[index]) {
                parent[index] = Int32(found)
                childCount[found] += 1
            }
        }
        start = [Int32](repeating: 0, count: count + 1)
        for index in 0..<count { start[index + 1] = start[index] + childCount[index] }
        var fill = start
        children = [Int32](repeating: 0, count: max(0, Int(start[count])))
        roots = []
        for node in order {
            let up = parent[Int(node)]
            if up < 0 {
                roots.append(node)
            } else {
                children[Int(fill[Int(up)])] = node
                fill[Int(up)] += 1
            }
        }
    }

    func children(of node: Int32) -> ArraySlice<Int32> {
        children[Int(start[Int(node)])..<Int(start[Int(node) + 1])]
    }

    /// Calls `body` with `root` and each of its descendants.
    func forEachInSubtree(of root: Int32, _ body: (Int32) -> Void) {
        var pending = [root]
        while let node = pending.popLast() {
            body(node)
            pending.append(contentsOf: children(of: node))
        }
    }
}
