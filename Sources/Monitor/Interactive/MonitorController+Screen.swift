import Kernel

/// Where things go on a screen of a given size.
struct ScreenGeometry: Equatable {
    var headerLines: Int
    /// The table's column header line and its rows.
    var tableTop: Int
    var tableRows: Int
    /// Lines of the threads pane (its header included); 0 when the screen is too short.
    var threadsPane: Int

    /// `header` lines wanted; the footer takes the last line. The threads pane gets a third of
    /// the rest when at least 14 lines are left, so the tree keeps most of the screen.
    init(height: Int, header: Int) {
        let available = max(0, height - 1)
        headerLines = available - header >= 4 ? header : min(1, available)
        let rest = max(0, available - headerLines)
        threadsPane = rest >= 14 ? max(3, rest / 3) : 0
        tableTop = headerLines
        tableRows = max(0, rest - threadsPane - 1)
    }
}

extension MonitorController {
    /// The whole screen: exactly `height` lines of at most `width` cells. Tells the model how
    /// many rows fit, so the selection stays visible. Formats only the rows on screen.
    func screen(width: Int, height: Int) -> [ScreenLine] {
        let width = max(1, width)
        guard height > 0 else { return [] }
        lastSize = (width, height)
        switch mode {
        case .help:
            return fill(HelpLayout.lines(width: width, height: height, colours: colours), width, height)
        case .detail(let pid, let scroll):
            if detail?.pid != pid { loadDetail(pid) }
            guard let detail else { return fill([], width, height) }
            return DetailLayout.lines(detail, width: width, height: height, scroll: scroll)
        default:
            return mainScreen(width: width, height: height)
        }
    }

    private func mainScreen(width: Int, height: Int) -> [ScreenLine] {
        let header = HeaderLayout(width: width).lines(table.sample, indicators: indicators)
        let geometry = ScreenGeometry(height: height, header: header.count)
        withTable { $0.setPageHeight(geometry.tableRows) }
        var lines = Array(header.prefix(geometry.headerLines))

        let menuWidth = menu == nil ? 0 : MenuLayout.width
        let layout = ProcessTableLayout(width: max(1, width - menuWidth), glyphs: glyphs)
        var area = [layout.header(sortKey: table.sortKey, descending: table.descending)]
        let first = table.scrollTop
        let details = snapshots(ofRows: first..<min(first + geometry.tableRows, table.rows.count))
        for row in first..<(first + geometry.tableRows) {
            area.append(
                row < table.rows.count
                    ? layout.line(table, row: row, detail: details[table.rows[row].index])
                    : ScreenLine(String(repeating: " ", count: layout.columns.width)))
        }
        if let menu { area = menu.overlay(area, width: width) }
        lines += area
        if geometry.threadsPane > 0 {
            lines += ThreadsPaneLayout(width: width).lines(
                pid: table.selectedPID, threads: threads, cpu: threadCPU, height: geometry.threadsPane
            )
        }
        lines = Array(lines.prefix(height - 1))
        return fill(lines, width, height - 1) + [footer(width: width)]
    }

    /// Full snapshots of the processes on `rows`, by sample index, fetched from the kernel in
    /// one call (none when the sample holds snapshots already). Only the rows on screen are
    /// fetched: their versions and warnings are all the table shows beyond the sample.
    private func snapshots(ofRows rows: Range<Int>) -> [Int32: ProcessSnapshot] {
        guard !rows.isEmpty, table.sample.snapshots == nil else { return [:] }
        let pids = rows.map { table.sample.rows[Int(table.rows[$0].index)].pid }
        var byIndex: [Int32: ProcessSnapshot] = [:]
        for snapshot in kernel.processSnapshots(of: pids) {
            if let index = table.sample.index(of: snapshot.pid) { byIndex[Int32(index)] = snapshot }
        }
        return byIndex
    }

    /// `[paused]`, `[follow 12]`, `[filter: wor]`, `[3 tagged]`.
    var indicators: [String] {
        var marks: [String] = []
        if !table.tagged.isEmpty { marks.append("[\(table.tagged.count) tagged]") }
        if !table.filterText.isEmpty && mode != .filter { marks.append("[filter: \(table.filterText)]") }
        if table.following, let pid = table.selectedPID { marks.append("[follow \(pid)]") }
        if paused { marks.append("[paused]") }
        return marks
    }

    /// The menu shown left of the table, if one is open.
    var menu: MenuLayout? {
        switch mode {
        case .sortMenu(let selection):
            MenuLayout(title: "Sort by", entries: SortKey.allCases.map(\.rawValue), selection: selection)
        case .signalMenu(let selection):
            MenuLayout(
                title: "Send signal",
                entries: MonitorController.menuSignals.map {
                    "\($0.number)".leftPadded(to: 2) + " " + $0.rawValue
                },
                selection: selection)
        default:
            nil
        }
    }

    /// The signals of the F9 menu, in menu order.
    static let menuSignals: [Signal] = [.term, .kill, .int, .hup, .usr1, .usr2, .stop, .cont]

    private func footer(width: Int) -> ScreenLine {
        switch mode {
        case .search:
            return KeyBar.prompt(
                "Search", text: input, failed: searchFailed, width: width, hint: "F3:next Esc:done")
        case .filter:
            return KeyBar.prompt(
                "Filter", text: input, failed: false, width: width, hint: "Enter:done Esc:clear")
        case .sortMenu, .signalMenu:
            return KeyBar.line([("Enter", "Select"), ("Esc", "Cancel")], width: width)
        default:
            if let status { return KeyBar.status(status.text, isError: status.isError, width: width) }
            return KeyBar.line(KeyBar.keys(treeMode: table.treeMode), width: width)
        }
    }

    private func fill(_ lines: [ScreenLine], _ width: Int, _ height: Int) -> [ScreenLine] {
        var lines = Array(lines.prefix(height))
        while lines.count < height { lines.append(ScreenLine(String(repeating: " ", count: width))) }
        return lines
    }
}
