import Kernel

/// The process table as text: its header line and any range of its rows. Only the rows asked
/// for are formatted, so a screen of 100,000 processes costs as much as a screen of 20.
struct ProcessTableLayout {
    enum ID: Equatable { case pid, name, state, priority, threads, cpu, memory, mailbox, time, warnings }

    let columns: ColumnSet<ID>
    let glyphs: TreeGlyphs

    init(width: Int, glyphs: TreeGlyphs) {
        columns = ColumnSet(
            [
                Column(id: .pid, title: "PID", width: 7, rightAligned: true),
                Column(id: .name, title: "NAME@VERSION", width: 0, rightAligned: false, flexible: true),
                Column(id: .state, title: "STATE", width: 9, rightAligned: false),
                Column(id: .priority, title: "PRI", width: 3, rightAligned: true),
                Column(id: .threads, title: "THR", width: 4, rightAligned: true),
                Column(id: .cpu, title: "CPU%", width: 5, rightAligned: true),
                Column(id: .memory, title: "MEM", width: 5, rightAligned: true),
                Column(id: .mailbox, title: "MSGQ", width: 5, rightAligned: true),
                Column(id: .warnings, title: "W", width: 1, rightAligned: true),
                Column(id: .time, title: "TIME", width: 9, rightAligned: true),
            ], width: width, minimumFlexible: 12,
            dropOrder: [.warnings, .mailbox, .priority, .time, .threads, .memory, .state])
        self.glyphs = glyphs
    }

    /// The column header line, the current sort column marked.
    func header(sortKey: SortKey, descending: Bool) -> ScreenLine {
        var line = ScreenLine(columns.header, width: columns.width, style: .columnHeader)
        if let start = columns.start(of: ProcessTableLayout.id(of: sortKey)) {
            let width = columns.columns.first { $0.id == ProcessTableLayout.id(of: sortKey) }?.width ?? 0
            line.spans.append(StyledSpan(start: start, length: width, style: .selected))
        }
        return line
    }

    static func id(of key: SortKey) -> ID {
        switch key {
        case .pid: .pid
        case .cpu: .cpu
        case .memory: .memory
        case .threads: .threads
        case .time: .time
        case .name: .name
        case .state: .state
        }
    }

    /// Row `row` of the table. The version and warnings come from `detail`, the process's full
    /// snapshot fetched for the screen, else from the sample's snapshots; without either (the
    /// process ended since the sample) the name shows alone. The figures come from the sample,
    /// so they match the sort order.
    func line(_ table: ProcessTable, row: Int, detail: ProcessSnapshot? = nil) -> ScreenLine {
        guard let process = table.process(atRow: row) else { return ScreenLine("") }
        let display = table.rows[row]
        let detail = detail ?? table.snapshot(atRow: row)
        let name = table.name(atRow: row) + (detail.map { "@" + $0.version } ?? "")
        let warnings = detail?.warnings ?? 0
        let totals = table.totals[Int32(row)]
        let prefix = table.treeMode ? treePrefix(table.rows, row: row) : ""
        let marker = display.isCollapsed ? "+" : ""
        let text = columns.line { id in
            switch id {
            case .pid: "\(process.pid)"
            case .name: prefix + marker + name
            case .state: process.state.rawValue
            case .priority: "\(process.priority)"
            case .threads: "\(totals?.threads ?? Int(process.threads))"
            case .cpu: Units.percent(totals?.cpuPercent ?? table.cpuPercent(atRow: row))
            case .memory: Units.bytes(totals?.memory ?? process.memory)
            case .mailbox: ProcessTableLayout.count(Int(process.mailbox))
            case .time: Units.cpuTime(process.cpuNanoseconds)
            case .warnings: warnings == 0 ? "" : warnings > 9 ? "+" : "\(warnings)"
            }
        }
        var spans: [StyledSpan] = []
        if let start = columns.start(of: .name), !prefix.isEmpty {
            spans.append(StyledSpan(start: start, length: TextWidth.of(prefix), style: .treeLine))
        }
        if let start = columns.start(of: .state) {
            spans.append(StyledSpan(start: start, length: 9, style: .state(process.state)))
        }
        if table.tagged.contains(process.pid) {
            spans = [StyledSpan(start: 0, length: columns.width, style: .tagged)]
        }
        if row == table.selectedRow {
            spans.append(StyledSpan(start: 0, length: columns.width, style: .selected))
        }
        return ScreenLine(text, spans: spans)
    }

    /// `├─ `, `│  └─ `…: one piece per level, from the ancestors' last-sibling flags. Deep
    /// trees show their innermost `maxLevels` levels after `…`.
    func treePrefix(_ rows: [DisplayRow], row: Int) -> String {
        let display = rows[row]
        guard display.depth > 0 else { return "" }
        let maxLevels = max(1, (columns.columns.first { $0.flexible }?.width ?? 12) / 3 - 3)
        var pieces = [display.isLastSibling ? glyphs.elbow : glyphs.tee]
        var parent = Int(display.parentRow)
        while parent >= 0 && rows[parent].depth > 0 && pieces.count < maxLevels {
            pieces.append(rows[parent].isLastSibling ? glyphs.blank : glyphs.bar)
            parent = Int(rows[parent].parentRow)
        }
        let cut = parent >= 0 && rows[parent].depth > 0
        return (cut ? (glyphs == .unicode ? "…" : "~") : "") + pieces.reversed().joined()
    }

    /// A count that fits five cells: `99999`, then `123K`.
    static func count(_ value: Int) -> String {
        value < 100_000 ? "\(value)" : "\(value / 1000)K"
    }
}
