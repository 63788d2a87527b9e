import Kernel

/// The threads of the selected process, below the tree: TID, NAME, STATE, WAIT, PRI, CPU%,
/// REDUCTIONS.
struct ThreadsPaneLayout {
    enum ID: Equatable { case tid, name, state, wait, priority, cpu, reductions }

    let columns: ColumnSet<ID>

    init(width: Int) {
        columns = ColumnSet(
            [
                Column(id: .tid, title: "TID", width: 7, rightAligned: true),
                Column(id: .name, title: "NAME", width: 0, rightAligned: false, flexible: true),
                Column(id: .state, title: "STATE", width: 9, rightAligned: false),
                Column(id: .wait, title: "WAIT", width: 16, rightAligned: false),
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
        let titles = columns.columns
        let headerText = columns.line { id in
            let title = titles.first { $0.id == id }?.title ?? ""
            guard id == .name, let pid else { return title }
            return "\(title)  (threads of \(pid): \(threads.count))"
        }
        let header = ScreenLine(headerText, width: columns.width, style: .columnHeader)
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
                case .wait: thread.wait ?? "-"
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
}
