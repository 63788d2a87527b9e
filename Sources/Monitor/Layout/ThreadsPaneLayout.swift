import Kernel

/// The threads of the selected process, below the tree: TID, NAME, STATE, WAIT, PRI, CPU%,
/// REDUCTIONS.
struct ThreadsPaneLayout {
    enum ID: Equatable { case tid, name, state, wait, priority, cpu, reductions }

    let columns: ColumnSet<ID>

    /// WAIT's width: 16 cells at 80 columns, then half of every cell beyond (NAME gets the
    /// other half), up to 40; `lock ledger (deadlock)` shows whole from 92 columns.
    static func waitWidth(forWidth width: Int) -> Int { min(40, 16 + max(0, width - 80) / 2) }

    init(width: Int) {
        columns = ColumnSet(
            [
                Column(id: .tid, title: "TID", width: 7, rightAligned: true),
                Column(id: .name, title: "NAME", width: 0, rightAligned: false, flexible: true),
                Column(id: .state, title: "STATE", width: 9, rightAligned: false),
                Column(id: .wait, title: "WAIT", width: Self.waitWidth(forWidth: width), rightAligned: false),
                Column(id: .priority, title: "PRI", width: 3, rightAligned: true),
                Column(id: .cpu, title: "CPU%", width: 5, rightAligned: true),
                Column(id: .reductions, title: "REDUCTIONS", width: 11, rightAligned: true),
            ], width: width, minimumFlexible: 8, dropOrder: [.reductions, .priority, .wait, .state])
    }

    /// `height` lines: the header (naming process `pid`) and as many threads as fit.
    func lines(
        pid: PID?, threads: [ThreadSnapshot], cpu: [Double], height: Int
    ) -> [ScreenLine] {
        guard height > 0 else { return [] }
        let header = ScreenLine(
            headerText(pid: pid, count: threads.count), width: columns.width, style: .columnHeader)
        let waitWidth = columns.columns.first { $0.id == .wait }?.width ?? 0
        var lines = [header]
        for (position, thread) in threads.enumerated() where lines.count < height {
            if lines.count == height - 1 && threads.count - position > 1 {
                lines.append(ScreenLine("  … \(threads.count - position) more".padded(to: columns.width)))
                break
            }
            let text = columns.line { id in
                switch id {
                case .tid: "\(thread.tid)"
                case .name: thread.name
                case .state: thread.state.rawValue
                case .wait: (thread.wait ?? "-").truncated(to: waitWidth, ellipsis: "…")
                case .priority: "\(thread.priority)"
                case .cpu: Units.percent(position < cpu.count ? cpu[position] : 0)
                case .reductions: "\(thread.reductions)"
                }
            }
            var spans: [StyledSpan] = []
            if let start = columns.start(of: .state) {
                spans.append(StyledSpan(start: start, length: 9, style: .threadState(thread.state)))
            }
            lines.append(ScreenLine(text, spans: spans))
        }
        while lines.count < height { lines.append(ScreenLine(String(repeating: " ", count: columns.width))) }
        return lines
    }

    /// The column titles, NAME's followed by `(threads of PID: COUNT)`. When that is wider
    /// than NAME, it runs on over the columns to its right, whose titles give way, so the pane
    /// always says whose threads these are (at 80 columns up to 6-digit PIDs and counts).
    private func headerText(pid: PID?, count: Int) -> String {
        guard let pid, let nameStart = columns.start(of: .name) else { return columns.header }
        let title = "NAME  (threads of \(pid): \(count))"
        let titleEnd = nameStart + TextWidth.of(title)
        return columns.line { id in
            let column = columns.columns.first { $0.id == id }
            if id == .name { return title }
            let start = columns.start(of: id) ?? 0
            guard start > nameStart, start <= titleEnd else { return column?.title ?? "" }
            return ""
        }.overlaid(title, at: nameStart)
    }
}

extension String {
    /// This line with `text` written over it from cell `start` (ASCII lines: one cell each).
    fileprivate func overlaid(_ text: String, at start: Int) -> String {
        var cells = Array(self)
        for (offset, character) in text.enumerated() where start + offset < cells.count {
            cells[start + offset] = character
        }
        return String(cells)
    }
}
