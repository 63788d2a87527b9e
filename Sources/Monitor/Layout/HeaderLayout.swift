import Kernel

/// The header above the table: title and uptime, one load bar per execution slot, processes
/// by state, threads, messages per second, memory.
struct HeaderLayout {
    let width: Int
    /// Load bars per line: two side by side when there is room.
    var barsPerLine: Int { width >= 60 ? 2 : 1 }
    /// At most this many lines of bars; further slots are summed up in the last bar's place.
    static let maxBarLines = 4

    /// Indicators shown at the right of the title line (`[paused]`, `[filter: x]`).
    func lines(_ sample: ProcessSample, indicators: [String] = []) -> [ScreenLine] {
        let stats = sample.stats
        var lines: [ScreenLine] = []
        var title = "dkctl top - up \(Units.uptime(stats.uptimeNanoseconds))  policy \(stats.policy.rawValue)"
        title += "  slots \(stats.slots)  quantum \(stats.quantum)"
        if stats.deterministic { title += "  deterministic" }
        let right = indicators.joined(separator: " ")
        var titleLine = ScreenLine(
            title.padded(to: width), spans: [StyledSpan(start: 0, length: 9, style: .title)])
        if !right.isEmpty, TextWidth.of(right) + 1 < width {
            let rightWidth = TextWidth.of(right)
            let left = title.truncated(to: width - rightWidth - 1)
            titleLine.text = left.padded(to: width - rightWidth) + right
            titleLine.spans.append(StyledSpan(start: width - rightWidth, length: rightWidth, style: .notice))
        }
        lines.append(titleLine)
        lines += bars(sample.slotLoad)

        var states = "Processes: \(stats.processes) total"
        for state in [ProcessState.running, .ready, .waiting, .suspended, .exited] {
            let count = stats.processesByState[state] ?? 0
            if count > 0 || state == .running { states += ", \(count) \(state.rawValue)" }
        }
        lines.append(
            ScreenLine(states.padded(to: width), spans: [StyledSpan(start: 0, length: 10, style: .title)]))
        let rate = Units.decimal(sample.messagesPerSecond, places: 0)
        let figures =
            "Threads: \(stats.threads)  Msgs/s: \(rate)  Queued: \(stats.messagesQueued)"
            + "  Dead letters: \(stats.deadLetters)  Memory: \(Units.bytes(stats.memory))"
        lines.append(
            ScreenLine(figures.padded(to: width), spans: [StyledSpan(start: 0, length: 8, style: .title)]))
        return lines
    }

    /// One bar per slot, `barsPerLine` to a line, at most `maxBarLines` lines.
    func bars(_ load: [Double]) -> [ScreenLine] {
        guard !load.isEmpty else { return [] }
        let perLine = barsPerLine
        let capacity = perLine * HeaderLayout.maxBarLines
        var shown = load.enumerated().map { (label: "\($0.offset)", value: $0.element) }
        if shown.count > capacity {
            let rest = shown[(capacity - 1)...]
            let average = rest.reduce(0) { $0 + $1.value } / Double(rest.count)
            shown = Array(shown[..<(capacity - 1)]) + [(label: "\(capacity - 1)+", value: average)]
        }
        let barWidth = (width - (perLine - 1)) / perLine
        var lines: [ScreenLine] = []
        var start = 0
        while start < shown.count {
            var line = ScreenLine("")
            for (position, bar) in shown[start..<min(start + perLine, shown.count)].enumerated() {
                let offset = position * (barWidth + 1)
                if position > 0 { line.text += " " }
                let (text, filled) = HeaderLayout.bar(label: bar.label, load: bar.value, width: barWidth)
                line.text += text
                line.spans.append(StyledSpan(start: offset, length: 3, style: .title))
                line.spans.append(StyledSpan(start: offset + 4, length: filled, style: .meter))
            }
            line.text = line.text.padded(to: width)
            lines.append(line)
            start += perLine
        }
        return lines
    }

    /// `0  [|||||||        42.0%]`: the label, then bars for the load with the figure at the
    /// right. Returns the text and how many cells are filled.
    static func bar(label: String, load: Double, width: Int) -> (String, Int) {
        let head = label.padded(to: 3) + "["
        let inner = max(0, width - TextWidth.of(head) - 1)
        let figure = Units.decimal(min(1, max(0, load)) * 100, places: 1) + "%"
        let filled = min(inner, Int((min(1, max(0, load)) * Double(inner)).rounded()))
        var cells = Array(
            String(repeating: "|", count: filled) + String(repeating: " ", count: inner - filled))
        if figure.count <= inner {
            for (offset, character) in figure.enumerated() {
                cells[inner - figure.count + offset] = character
            }
        }
        return ((head + String(cells) + "]").truncated(to: width), min(filled, max(0, inner - figure.count)))
    }
}
