import Kernel

/// The monitor's data model: the latest sample and everything the user chose about how to see
/// it (tree or flat, sort, filter, collapsed subtrees, tags, selection, scroll). Pure: no
/// kernel and no terminal, so every key's effect is unit-tested.
///
/// The selection is a PID: when the list is rebuilt (new sample, new sort, a filter), the
/// selected process stays selected wherever it moves; if it is gone, the same row stays
/// selected.
public struct ProcessTable: Sendable {
    public private(set) var sample: ProcessSample
    /// The visible rows, top to bottom.
    public private(set) var rows: [DisplayRow] = []
    /// Totals of collapsed rows, by row.
    public private(set) var totals: [Int32: SubtreeTotals] = [:]
    public private(set) var treeMode: Bool
    public private(set) var sortKey: SortKey
    public private(set) var descending: Bool
    /// Show only matching rows (and their ancestors in tree mode); empty = all.
    public private(set) var filterText = ""
    public private(set) var collapsed: Set<PID> = []
    public private(set) var tagged: Set<PID> = []
    public private(set) var selectedRow = 0
    public private(set) var selectedPID: PID?
    /// The first visible row.
    public private(set) var scrollTop = 0
    /// How many rows fit on screen; set by the layout.
    public private(set) var pageHeight = 20
    /// Keep the selected process at the same screen line when it moves (`F`).
    public private(set) var following = false

    private var index = TreeIndex()

    public init(sample: ProcessSample, treeMode: Bool = true, sortKey: SortKey = .pid) {
        self.sample = sample
        self.treeMode = treeMode
        self.sortKey = sortKey
        self.descending = sortKey.descendsByDefault
        rebuild()
    }

    // MARK: Data

    /// Takes a new sample; tags of processes that are gone are dropped.
    public mutating func update(_ sample: ProcessSample) {
        self.sample = sample
        if !tagged.isEmpty { tagged = tagged.filter { sample.index(of: $0) != nil } }
        rebuild()
    }

    /// The process on `row`.
    public func process(atRow row: Int) -> ProcessRow? {
        rows.indices.contains(row) ? sample.rows[Int(rows[row].index)] : nil
    }

    /// The name of the process on `row` ("" past the end).
    public func name(atRow row: Int) -> String {
        rows.indices.contains(row) ? sample.name(at: Int(rows[row].index)) : ""
    }

    /// The full snapshot of the process on `row`, when the sample holds snapshots.
    public func snapshot(atRow row: Int) -> ProcessSnapshot? {
        rows.indices.contains(row) ? sample.snapshots?[Int(rows[row].index)] : nil
    }

    public var selectedProcess: ProcessRow? { process(atRow: selectedRow) }

    /// CPU% of the process on `row`.
    public func cpuPercent(atRow row: Int) -> Double {
        rows.indices.contains(row) ? sample.cpuPercent[Int(rows[row].index)] : 0
    }

    /// What a signal or renice applies to: the tagged processes if any, else the selected one.
    public var targets: [PID] {
        if !tagged.isEmpty { return tagged.sorted() }
        return selectedProcess.map { [$0.pid] } ?? []
    }

    // MARK: How to see it

    public mutating func setTreeMode(_ on: Bool) {
        treeMode = on
        rebuild()
    }

    /// Sorts by `key`, in its usual direction; choosing the current key again inverts it.
    public mutating func setSort(_ key: SortKey) {
        if key == sortKey {
            descending.toggle()
        } else {
            sortKey = key
            descending = key.descendsByDefault
        }
        rebuild()
    }

    public mutating func invertSort() {
        descending.toggle()
        rebuild()
    }

    public mutating func setFilter(_ text: String) {
        filterText = text
        rebuild()
    }

    /// Collapses (`false`) or expands (`true`) the selected subtree. Returns whether it changed.
    @discardableResult
    public mutating func setExpanded(_ expanded: Bool) -> Bool {
        guard treeMode, let pid = selectedProcess?.pid, rows[selectedRow].hasChildren else { return false }
        let changed = expanded ? collapsed.remove(pid) != nil : collapsed.insert(pid).inserted
        if changed { rebuild() }
        return changed
    }

    // MARK: Selection

    /// How many rows fit on screen.
    public mutating func setPageHeight(_ height: Int) {
        pageHeight = max(1, height)
        clampScroll()
    }

    public mutating func moveSelection(by delta: Int) {
        following = false
        select(row: selectedRow + delta)
    }

    public mutating func select(row: Int) {
        guard !rows.isEmpty else { return }
        selectedRow = min(max(0, row), rows.count - 1)
        selectedPID = selectedProcess?.pid
        clampScroll()
    }

    /// Scrolls the view by `delta` rows, keeping the selection on screen (mouse wheel).
    public mutating func scroll(by delta: Int) {
        scrollTop = max(0, min(scrollTop + delta, rows.count - pageHeight))
        if selectedRow < scrollTop { select(row: scrollTop) }
        if selectedRow >= scrollTop + pageHeight { select(row: scrollTop + pageHeight - 1) }
    }

    /// Selects the next row after the selection (or the selection itself when `fromCurrent`)
    /// whose process matches `text`, wrapping around. Returns whether one matched.
    @discardableResult
    public mutating func search(_ text: String, fromCurrent: Bool = false) -> Bool {
        guard let match = TextMatch(text), !rows.isEmpty else { return false }
        let matching = match.matches(in: sample)
        let first = fromCurrent ? 0 : 1
        for step in first..<(rows.count + first) {
            let row = (selectedRow + step) % rows.count
            if matching[Int(rows[row].index)] {
                following = false
                select(row: row)
                return true
            }
        }
        return false
    }

    /// `F`: keep the selected process on its screen line as the list reorders.
    public mutating func toggleFollow() {
        following.toggle()
    }

    // MARK: Tags

    /// Tags or untags the selected process.
    public mutating func toggleTag() {
        guard let pid = selectedProcess?.pid else { return }
        if tagged.remove(pid) == nil { tagged.insert(pid) }
    }

    /// Tags the selected process and all its descendants (hidden or not).
    public mutating func tagSubtree() {
        guard rows.indices.contains(selectedRow) else { return }
        index.forEachInSubtree(of: rows[selectedRow].index) { node in
            tagged.insert(sample.rows[Int(node)].pid)
        }
    }

    public mutating func untagAll() {
        tagged.removeAll()
    }

    // MARK: Rebuilding

    private mutating func rebuild() {
        let screenLine = selectedRow - scrollTop
        let order = ProcessOrder(key: sortKey, descending: descending).sortedIndices(sample)
        let builder = TreeBuilder(
            sample: sample, order: order, filter: TextMatch(filterText), collapsed: collapsed)
        index = TreeIndex(sample: sample, order: order)
        if treeMode {
            totals = builder.tree(index, into: &rows)
        } else {
            builder.flat(into: &rows)
            totals = [:]
        }
        if !collapsed.isEmpty { collapsed = collapsed.filter { sample.index(of: $0) != nil } }
        if let pid = selectedPID, let wanted = sample.index(of: pid).map(Int32.init),
            let row = rows.firstIndex(where: { $0.index == wanted })
        {
            selectedRow = row
        } else {
            if selectedPID != nil { following = false }
            selectedRow = min(selectedRow, max(0, rows.count - 1))
            selectedPID = selectedProcess?.pid
        }
        if following { scrollTop = selectedRow - screenLine }
        clampScroll()
    }

    private mutating func clampScroll() {
        if selectedRow < scrollTop { scrollTop = selectedRow }
        if selectedRow >= scrollTop + pageHeight { scrollTop = selectedRow - pageHeight + 1 }
        scrollTop = max(0, min(scrollTop, rows.count - pageHeight))
    }
}
