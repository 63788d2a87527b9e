import Kernel

extension MonitorController {
    /// What a key asks of the loop.
    enum Outcome: Equatable {
        case redraw
        case quit
    }

    /// Applies one key in the current mode.
    @discardableResult
    func handle(_ key: Key) -> Outcome {
        if key == .resize { return .redraw }
        switch mode {
        case .table: return tableKey(key)
        case .help:
            mode = .table
        case .search: searchKey(key)
        case .filter: filterKey(key)
        case .sortMenu(let selection):
            menuKey(key, selection: selection, count: SortKey.allCases.count) { chosen in
                let key = SortKey.allCases[chosen]
                withTable { key == $0.sortKey ? () : $0.setSort(key) }
            } reopen: {
                .sortMenu(selection: $0)
            }
        case .signalMenu(let selection):
            menuKey(key, selection: selection, count: MonitorController.menuSignals.count) { chosen in
                send(MonitorController.menuSignals[chosen])
            } reopen: {
                .signalMenu(selection: $0)
            }
        case .detail(let pid, let scroll):
            return detailKey(key, pid: pid, scroll: scroll)
        }
        return .redraw
    }

    private func tableKey(_ key: Key) -> Outcome {
        status = nil
        let page = max(1, table.pageHeight)
        switch key {
        case .up: withTable { $0.moveSelection(by: -1) }
        case .down: withTable { $0.moveSelection(by: 1) }
        case .pageUp: withTable { $0.moveSelection(by: -page) }
        case .pageDown: withTable { $0.moveSelection(by: page) }
        case .home: withTable { $0.moveSelection(by: -$0.rows.count) }
        case .end: withTable { $0.moveSelection(by: $0.rows.count) }
        case .click(let y): click(y)
        case .wheel(let delta): withTable { $0.scroll(by: delta * 3) }
        case .enter:
            if let pid = table.selectedPID {
                mode = .detail(pid: pid, scroll: 0)
                loadDetail(pid)
            }
        case .function(1), .character("?"), .character("h"): mode = .help
        case .function(3), .character("/"):
            (mode, input, searchFailed) = (.search, "", false)
        case .function(4), .character("\\"):
            (mode, input) = (.filter, table.filterText)
        case .function(5), .character("t"): withTable { $0.setTreeMode(!$0.treeMode) }
        case .character("+"), .character("="): withTable { $0.setExpanded(true) }
        case .character("-"): withTable { $0.setExpanded(false) }
        case .function(6), .character("<"), .character(">"):
            mode = .sortMenu(selection: SortKey.allCases.firstIndex(of: table.sortKey) ?? 0)
        case .character("P"): withTable { $0.setSort(.cpu) }
        case .character("M"): withTable { $0.setSort(.memory) }
        case .character("T"): withTable { $0.setSort(.time) }
        case .character("N"): withTable { $0.setSort(.pid) }
        case .character("I"): withTable { $0.invertSort() }
        case .function(7), .character("]"): renice(by: -1)
        case .function(8), .character("["): renice(by: 1)
        case .function(9), .character("k"):
            if !table.targets.isEmpty { mode = .signalMenu(selection: 0) }
        case .character(" "):
            withTable {
                $0.toggleTag()
                $0.moveSelection(by: 1)
            }
        case .character("c"): withTable { $0.tagSubtree() }
        case .character("U"): withTable { $0.untagAll() }
        case .character("s"): send(.stop)
        case .character("r"): send(.cont)
        case .character("Z"): paused.toggle()
        case .character("F"): withTable { $0.toggleFollow() }
        case .character("q"), .function(10): return .quit
        case .escape:
            if !table.filterText.isEmpty { withTable { $0.setFilter("") } }
        default: break
        }
        return .redraw
    }

    private func searchKey(_ key: Key) {
        switch key {
        case .escape, .enter: mode = .table
        case .function(3): searchFailed = !find(fromCurrent: false)
        case .backspace:
            if !input.isEmpty { input.removeLast() }
            searchFailed = !input.isEmpty && !find(fromCurrent: true)
        case .character(let character):
            input.append(character)
            searchFailed = !find(fromCurrent: true)
        case .up, .down, .pageUp, .pageDown, .home, .end:
            mode = .table
            _ = tableKey(key)
        default: break
        }
    }

    private func find(fromCurrent: Bool) -> Bool {
        var found = false
        withTable { found = $0.search(input, fromCurrent: fromCurrent) }
        return found
    }

    private func filterKey(_ key: Key) {
        switch key {
        case .enter: mode = .table
        case .escape:
            input = ""
            mode = .table
        case .backspace:
            if !input.isEmpty { input.removeLast() }
        case .character(let character): input.append(character)
        default: return
        }
        withTable { $0.setFilter(input) }
    }

    private func menuKey(
        _ key: Key, selection: Int, count: Int, choose: (Int) -> Void, reopen: (Int) -> MonitorMode
    ) {
        switch key {
        case .up: mode = reopen(max(0, selection - 1))
        case .down: mode = reopen(min(count - 1, selection + 1))
        case .home: mode = reopen(0)
        case .end: mode = reopen(count - 1)
        case .enter:
            mode = .table
            choose(selection)
        case .escape, .character("q"), .function(10): mode = .table
        default: break
        }
    }

    private func detailKey(_ key: Key, pid: PID, scroll: Int) -> Outcome {
        switch key {
        case .escape, .enter, .left: mode = .table
        case .character("q"), .function(10): return .quit
        case .up: mode = .detail(pid: pid, scroll: max(0, scroll - 1))
        case .down: mode = .detail(pid: pid, scroll: scroll + 1)
        case .pageUp: mode = .detail(pid: pid, scroll: max(0, scroll - 10))
        case .pageDown: mode = .detail(pid: pid, scroll: scroll + 10)
        case .home: mode = .detail(pid: pid, scroll: 0)
        case .wheel(let delta): mode = .detail(pid: pid, scroll: max(0, scroll + delta * 3))
        default: break
        }
        return .redraw
    }

    /// A click on screen line `y`: selects the table row drawn there.
    private func click(_ y: Int) {
        let header = HeaderLayout(width: lastSize.width).lines(table.sample).count
        let geometry = ScreenGeometry(height: lastSize.height, header: header)
        let row = y - geometry.tableTop - 1
        guard row >= 0, row < geometry.tableRows else { return }
        withTable { $0.select(row: $0.scrollTop + row) }
    }
}
