import Kernel

/// One visible row of the process table: which process, and where it sits in the tree.
public struct DisplayRow: Sendable, Equatable {
    /// Index into ``ProcessSample/rows``.
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
    /// Whether each process matches the filter, by index; nil without a filter.
    let matching: [Bool]?
    let collapsed: Set<PID>

    init(sample: ProcessSample, order: [Int32], filter: TextMatch?, collapsed: Set<PID>) {
        self.sample = sample
        self.order = order
        self.matching = filter?.matches(in: sample)
        self.collapsed = collapsed
    }

    /// Flat mode: the matching processes in sort order. Fills `rows` (its storage is reused).
    func flat(into rows: inout [DisplayRow]) {
        rows.removeAll(keepingCapacity: true)
        rows.reserveCapacity(order.count)
        for index in order where matching?[Int(index)] ?? true {
            rows.append(DisplayRow(index: index, depth: 0, parentRow: -1, flags: 0))
        }
    }

    /// Tree mode: children under parents, siblings in sort order; with a filter, the matching
    /// processes and their ancestors. Fills `rows` (its storage is reused) and returns the
    /// totals of collapsed rows.
    func tree(_ index: TreeIndex, into rows: inout [DisplayRow]) -> [Int32: SubtreeTotals] {
        let keep = keptNodes(parent: index.parent)
        rows.removeAll(keepingCapacity: true)
        rows.reserveCapacity(sample.rows.count)
        var totals: [Int32: SubtreeTotals] = [:]
        // One level per depth: the siblings being listed and where the listing is. Depth-first
        // with a stack as deep as the tree, not as wide as it.
        var levels = [Level(index.roots[...], parentRow: -1, keep: keep)]
        while let top = levels.indices.last {
            let position = levels[top].position
            guard position <= levels[top].lastVisible else {
                levels.removeLast()
                continue
            }
            levels[top].position += 1
            let node = levels[top].nodes[position]
            if let keep, !keep[Int(node)] { continue }
            let own = index.children(of: node)
            let visibleChildren = keep.map { keep in own.contains { keep[Int($0)] } } ?? !own.isEmpty
            var flags: UInt8 = position == levels[top].lastVisible ? DisplayRow.lastSibling : 0
            if visibleChildren { flags |= DisplayRow.hasChildren }
            let row = Int32(rows.count)
            let isCollapsed =
                visibleChildren && !collapsed.isEmpty && collapsed.contains(sample.rows[Int(node)].pid)
            if isCollapsed {
                flags |= DisplayRow.collapsedFlag
                totals[row] = subtreeTotals(node, index)
            }
            rows.append(
                DisplayRow(index: node, depth: Int32(top), parentRow: levels[top].parentRow, flags: flags))
            if visibleChildren && !isCollapsed { levels.append(Level(own, parentRow: row, keep: keep)) }
        }
        return totals
    }

    /// Siblings being listed by ``tree(_:into:)``.
    private struct Level {
        let nodes: ArraySlice<Int32>
        let parentRow: Int32
        /// The next position in `nodes` to list.
        var position: Int
        /// The position of the last sibling shown (below `position` when none is).
        let lastVisible: Int

        init(_ nodes: ArraySlice<Int32>, parentRow: Int32, keep: [Bool]?) {
            self.nodes = nodes
            self.parentRow = parentRow
            position = nodes.startIndex
            lastVisible =
                keep.map { keep in nodes.lastIndex { keep[Int($0)] } ?? nodes.startIndex - 1 }
                ?? nodes.endIndex - 1
        }
    }

    /// With a filter: the matching nodes and every ancestor of one. nil without a filter.
    private func keptNodes(parent: [Int32]) -> [Bool]? {
        guard let matching else { return nil }
        var keep = [Bool](repeating: false, count: parent.count)
        for index in matching.indices where matching[index] {
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
            let process = sample.rows[Int(node)]
            totals.cpuPercent += sample.cpuPercent[Int(node)]
            totals.memory += process.memory
            totals.threads += Int(process.threads)
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
        let rows = sample.rows
        let count = rows.count
        let pids = PIDIndex(sample)
        parent = [Int32](repeating: -1, count: count)
        // start[i + 1] counts the children of i first, then becomes a running sum.
        start = [Int32](repeating: 0, count: count + 1)
        for index in 0..<count where rows[index].ppid != rows[index].pid {
            if let found = pids.index(of: rows[index].ppid) {
                parent[index] = Int32(found)
                start[found + 1] += 1
            }
        }
        for index in 0..<count { start[index + 1] += start[index] }
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
