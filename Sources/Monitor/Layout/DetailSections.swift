import Kernel
import Language

/// The detail view's sections on what a process holds and how it got there: its context
/// regions, its queued messages, its metrics and its provenance (DESIGN §9), each a title
/// and one line per item, cut to ``itemLimit`` items.
enum DetailSections {
    /// The most items a section lists before "… N more".
    static let itemLimit = 20

    static func lines(_ detail: ProcessDetail, width: Int) -> [ScreenLine] {
        var lines: [ScreenLine] = []
        func section(_ title: String, _ items: [String], empty: String) {
            lines.append(ScreenLine(""))
            lines.append(ScreenLine(title, width: width, style: .columnHeader))
            for item in items.prefix(itemLimit) { lines.append(ScreenLine(("  " + item).padded(to: width))) }
            if items.count > itemLimit {
                lines.append(ScreenLine("  … \(items.count - itemLimit) more".padded(to: width)))
            }
            if items.isEmpty { lines.append(ScreenLine(("  " + empty).padded(to: width))) }
        }
        section("Context (\(detail.regions.count) regions)", detail.regions.map(region), empty: "(none)")
        section("Mailbox (\(detail.mailbox.count) queued)", detail.mailbox.map(message), empty: "(empty)")
        section("Metrics (\(detail.metrics.count))", detail.metrics.map(metric), empty: "(none reported)")
        let trace = detail.provenance.map(provenance) ?? []
        section("Provenance", trace, empty: "(not traced)")
        return lines
    }

    /// `decision v2 owner 3: total=42, steps=["a"]`; a knowledge region lists its links too.
    static func region(_ region: RegionSnapshot) -> String {
        let values = region.values.map { "\($0.key)=\($0.value)" }
        let links = region.links.map { "\($0.0) -\($0.1)-> \($0.2)" }
        let contents = values + links
        return "\(region.name) v\(region.version) owner \(region.owner)"
            + (contents.isEmpty ? "" : ": " + contents.joined(separator: ", "))
    }

    /// `from 2: {op: "add"}`.
    static func message(_ message: Message) -> String {
        "from \(message.from?.description ?? "kernel"): \(message.value)"
    }

    /// `score: last 7, 2 reports, sum 12`.
    static func metric(_ metric: MetricSummary) -> String {
        let sum = metric.sum == metric.sum.rounded() ? String(Int64(metric.sum)) : String(metric.sum)
        return
            "\(metric.name): last \(metric.last), \(metric.count) report\(metric.count == 1 ? "" : "s"), sum \(sum)"
    }

    /// One line per process on the causal path, then per message and context write that led
    /// to the result (`provenance PID` prints the whole trace).
    static func provenance(_ trace: Provenance) -> [String] {
        var items = trace.nodes.map { node in
            "\(node.pid) \(node.name): \(node.role)" + (node.exitCode.map { ", exit \($0)" } ?? "")
        }
        items += trace.messages.map { edge in
            "\(edge.kind) #\(edge.id) \(edge.from) -> \(edge.to)" + (edge.message.map { ": \($0)" } ?? "")
        }
        items += trace.context.map { write in "\(write.pid) wrote \(write.key) v\(write.version)" }
        if trace.incomplete { items.append("(older events were evicted: the trace may be incomplete)") }
        return items
    }
}
