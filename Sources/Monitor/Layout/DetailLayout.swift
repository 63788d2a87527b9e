import Kernel

/// What the detail view (Enter) shows of one process; gathered by the controller.
public struct ProcessDetail: Sendable {
    public var pid: PID
    /// nil once the process is gone from the table.
    public var process: ProcessSnapshot?
    public var threads: [ThreadSnapshot]
    public var threadCPU: [Double]
    /// Its last log lines.
    public var logs: [String]
    /// Recent events that name it (as the actor or the peer), oldest first.
    public var events: [KernelEvent]
    /// Its shared-context regions.
    public var regions: [RegionSnapshot] = []
    /// The messages queued for it, oldest first.
    public var mailbox: [Message] = []
    /// The metrics it reported with `metric(name, value)`.
    public var metrics: [MetricSummary] = []
    /// How its result came about (nil when the kernel could not trace it).
    public var provenance: Provenance?
}

/// The detail view as text: a summary, its threads, its context, mailbox, metrics and
/// provenance (DESIGN §9), its last log lines and recent events. The body scrolls; the title
/// stays.
enum DetailLayout {
    static func lines(_ detail: ProcessDetail, width: Int, height: Int, scroll: Int) -> [ScreenLine] {
        guard height > 0 else { return [] }
        let body = bodyLines(detail, width: width)
        let title: String
        if let process = detail.process {
            title = "Process \(process.pid)  \(process.name)@\(process.version)  (\(process.type.rawValue))"
        } else {
            title = "Process \(detail.pid)  (gone)"
        }
        var lines = [ScreenLine(title, width: width, style: .title)]
        let room = max(0, height - 2)
        let first = min(max(0, scroll), max(0, body.count - room))
        lines += body.dropFirst(first).prefix(room)
        while lines.count < height - 1 { lines.append(ScreenLine(String(repeating: " ", count: width))) }
        if height > 1 {
            let more = body.count > first + room ? "  (more below)" : ""
            lines.append(KeyBar.line([("Esc", "Back"), ("Up/Dn", "Scroll"), ("q", "Quit")], width: width))
            if !more.isEmpty {
                let text = lines[lines.count - 1].text
                lines[lines.count - 1].text = (text.truncated(to: width - more.count) + more).padded(
                    to: width)
            }
        }
        return lines
    }

    /// Everything below the title; the layout scrolls through it.
    static func bodyLines(_ detail: ProcessDetail, width: Int) -> [ScreenLine] {
        var lines: [ScreenLine] = []
        func add(_ text: String) { lines.append(ScreenLine(text.padded(to: width))) }
        func section(_ text: String) {
            lines.append(ScreenLine(""))
            lines.append(ScreenLine(text, width: width, style: .columnHeader))
        }
        if let process = detail.process {
            var state = "State: \(process.state.rawValue)"
            if let wait = process.wait { state += " (\(wait))" }
            lines.append(
                ScreenLine(
                    (state
                        + "   Nice: \(process.priority)   Parent: \(process.ppid)   Restarts: \(process.restarts)")
                        .padded(to: width),
                    spans: [
                        StyledSpan(
                            start: 7, length: process.state.rawValue.count, style: .state(process.state))
                    ]))
            add(
                "Threads: \(process.threads)   Reductions: \(process.reductions)"
                    + "   CPU time: \(Units.cpuTime(process.cpuNanoseconds))   Switches: \(process.contextSwitches)"
            )
            add("Memory: \(Units.bytes(process.memory))   Mailbox: \(process.mailbox) queued")
            add(
                "Started at: \(Units.uptime(process.started))   Arguments: \(process.arguments.joined(separator: " "))"
            )
            if let code = process.exitCode {
                add("Exit code: \(code)" + (process.reason.map { "   Reason: \($0)" } ?? ""))
            }
        } else {
            add("This process has ended and was reaped.")
        }
        section("Threads (\(detail.threads.count))")
        let pane = ThreadsPaneLayout(width: width)
        lines += pane.lines(
            pid: nil, threads: detail.threads, cpu: detail.threadCPU, height: detail.threads.count + 1)
        lines += DetailSections.lines(detail, width: width)
        section("Log (last \(detail.logs.count) lines)")
        for line in detail.logs { add("  " + line) }
        if detail.logs.isEmpty { add("  (nothing printed)") }
        section("Events (last \(detail.events.count))")
        for event in detail.events { add("  " + event.description) }
        if detail.events.isEmpty { add("  (none kept)") }
        return lines
    }
}
