import Kernel
import Language

/// `provenance PID` as an indented text tree, JSON, or Graphviz DOT.
enum ProvenanceRendering {
    static func text(_ graph: Provenance, unicode: Bool) -> [String] {
        let (tee, elbow) = unicode ? ("├─ ", "└─ ") : ("|- ", "`- ")
        var lines: [String] = []
        func label(_ pid: PID) -> String {
            guard let node = graph.nodes.first(where: { $0.pid == pid }) else {
                return graph.names[pid].map { "\(pid) \($0)" } ?? String(pid)
            }
            return "\(pid) \(node.name)" + (node.exitCode.map { " (exit \($0))" } ?? "")
        }
        lines.append("provenance of \(label(graph.target))")
        for node in graph.nodes {
            var items: [String] = []
            for (parent, child) in graph.spawns where child == node.pid {
                items.append("spawned by \(label(parent))")
            }
            for (pid, tid, name) in graph.threads where pid == node.pid {
                items.append("thread \(tid) \(name)")
            }
            for edge in graph.messages where edge.to == node.pid {
                let what = edge.message.map { ": \(shorten($0.description))" } ?? ""
                let kind = edge.kind == "message" ? "message #\(edge.id)" : "\(edge.kind) corr=\(edge.id)"
                items.append("\(kind) from \(label(edge.from)) at \(milliseconds(edge.time))\(what)")
            }
            for write in graph.context where write.pid == node.pid {
                items.append(
                    "context \(write.key) v\(write.version) by \(write.tid.map { "thread \($0)" } ?? "the process") at \(milliseconds(write.time))"
                )
            }
            lines.append("\(label(node.pid)) — \(node.role)")
            for (index, item) in items.enumerated() {
                lines.append((index == items.count - 1 ? elbow : tee) + item)
            }
        }
        if graph.incomplete {
            lines.append("(older events were evicted from the log: this may be incomplete)")
        }
        return lines
    }

    static func json(_ graph: Provenance) -> JSON {
        .object([
            ("target", .number(graph.target)),
            (
                "processes",
                .array(
                    graph.nodes.map { node in
                        .object([
                            ("pid", .number(node.pid)), ("name", .string(node.name)),
                            ("exit_code", .optional(node.exitCode)),
                            ("role", .string(node.role)),
                        ])
                    })
            ),
            (
                "messages",
                .array(
                    graph.messages.map { edge in
                        .object([
                            ("id", .number(edge.id)), ("kind", .string(edge.kind)),
                            ("from", .number(edge.from)),
                            ("to", .number(edge.to)), ("time_ms", .double(Double(edge.time / 1000) / 1000)),
                            ("message", edge.message.map { JSON.raw($0.json) } ?? .null),
                        ])
                    })
            ),
            (
                "context",
                .array(
                    graph.context.map { write in
                        .object([
                            ("pid", .number(write.pid)), ("tid", .optional(write.tid)),
                            ("key", .string(write.key)),
                            ("version", .number(write.version)),
                            ("time_ms", .double(Double(write.time / 1000) / 1000)),
                        ])
                    })
            ),
            (
                "threads",
                .array(
                    graph.threads.map {
                        .object([("pid", .number($0.0)), ("tid", .number($0.1)), ("name", .string($0.2))])
                    })
            ),
            (
                "spawns",
                .array(graph.spawns.map { .object([("parent", .number($0.0)), ("child", .number($0.1))]) })
            ),
            ("incomplete", .bool(graph.incomplete)),
        ])
    }

    static func dot(_ graph: Provenance) -> [String] {
        var lines = ["digraph provenance {", "  rankdir=LR;", "  node [shape=box, fontname=\"monospace\"];"]
        for node in graph.nodes {
            let exit = node.exitCode.map { " (exit \($0))" } ?? ""
            let style = node.pid == graph.target ? ", style=bold" : ""
            lines.append("  p\(node.pid) [label=\(quote("\(node.pid) \(node.name)\(exit)"))\(style)];")
        }
        for (parent, child) in graph.spawns {
            lines.append("  p\(parent) -> p\(child) [style=dashed, label=\"spawn\"];")
        }
        for edge in graph.messages {
            let label =
                (edge.kind == "message" ? "#\(edge.id)" : "\(edge.kind) \(edge.id)")
                + (edge.message.map { " " + shorten($0.description, 24) } ?? "")
            lines.append("  p\(edge.from) -> p\(edge.to) [label=\(quote(label))];")
        }
        for (index, write) in graph.context.enumerated() {
            lines.append("  c\(index) [shape=note, label=\(quote("\(write.key) v\(write.version)"))];")
            lines.append("  p\(write.pid) -> c\(index) [style=dotted];")
        }
        lines.append("}")
        return lines
    }

    private static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            + "\""
    }

    static func shorten(_ text: String, _ limit: Int = 60) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    static func milliseconds(_ nanoseconds: UInt64) -> String {
        Units.fixed(Double(nanoseconds) / 1_000_000, 3) + "ms"
    }
}
