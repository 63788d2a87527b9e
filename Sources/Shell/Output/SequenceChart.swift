import Kernel
import Language

/// A message sequence chart from send/request/reply events: text, Mermaid or PlantUML.
struct SequenceChart {
    let events: [KernelEvent]
    let names: [PID: String]

    func render(_ format: String) -> [String] {
        switch format {
        case "mermaid":
            return ["sequenceDiagram"] + participants.map { "  participant p\($0) as \(label($0))" }
                + events.map { "  p\($0.pid)->>p\($0.peer ?? 0): \(summary($0))" }
        case "plantuml":
            return ["@startuml"] + participants.map { "participant \"\(label($0))\" as p\($0)" }
                + events.map { "p\($0.pid) -> p\($0.peer ?? 0) : \(summary($0))" } + ["@enduml"]
        default:
            return events.map {
                "\(ProvenanceRendering.milliseconds($0.time))  \(label($0.pid)) -> \(label($0.peer ?? 0))  \(summary($0))"
            }
        }
    }

    private var participants: [PID] {
        var seen: [PID] = []
        for event in events {
            for pid in [event.pid, event.peer ?? 0] where !seen.contains(pid) { seen.append(pid) }
        }
        return seen
    }

    private func label(_ pid: PID) -> String {
        names[pid].map { "\(pid) \($0)" } ?? String(pid)
    }

    private func summary(_ event: KernelEvent) -> String {
        let what = event.message.map { ProvenanceRendering.shorten($0.description, 40) } ?? ""
        switch event.kind {
        case .request: return "request \(event.correlation ?? 0) \(what)"
        case .reply: return "reply \(event.correlation ?? 0) \(what)"
        case .publish: return "publish \(event.detail)"
        default: return "#\(event.correlation ?? 0) \(what)"
        }
    }
}
