import Foundation
import Kernel

/// Orders processes as a tree and draws it.
enum TreeOrder {
    /// Whether the terminal takes UTF-8 (for `├─` rather than `|-`).
    static var unicodeTerminal: Bool {
        let environment = ProcessInfo.processInfo.environment
        let locale = environment["LC_ALL"] ?? environment["LC_CTYPE"] ?? environment["LANG"] ?? ""
        return locale.uppercased().contains("UTF-8") || locale.uppercased().contains("UTF8")
    }

    /// Rows in depth-first order with an indentation prefix for the name column.
    static func depthFirst(_ rows: [ProcessSnapshot]) -> [(ProcessSnapshot, String)] {
        let children = childrenByParent(rows)
        let pids = Set(rows.map(\.pid))
        var result: [(ProcessSnapshot, String)] = []
        func visit(_ row: ProcessSnapshot, depth: Int) {
            result.append((row, String(repeating: "  ", count: depth)))
            for child in children[row.pid] ?? [] where child.pid != row.pid { visit(child, depth: depth + 1) }
        }
        for root in rows where !pids.contains(root.ppid) || root.ppid == root.pid { visit(root, depth: 0) }
        return result
    }

    /// `pstree`: one line per process, with tree lines.
    static func drawing(_ rows: [ProcessSnapshot], root: PID, unicode: Bool) -> [String] {
        let children = childrenByParent(rows)
        let (tee, elbow, bar, blank) = unicode ? ("├─ ", "└─ ", "│  ", "   ") : ("|- ", "`- ", "|  ", "   ")
        var lines: [String] = []
        func label(_ row: ProcessSnapshot) -> String {
            var text = "\(row.pid) \(row.name)@\(row.version) [\(row.state.rawValue)"
            if let wait = row.wait { text += ": \(wait)" }
            if row.threads > 1 { text += ", \(row.threads) threads" }
            if let code = row.exitCode { text += ", exit \(code)" }
            return text + "]"
        }
        func visit(_ row: ProcessSnapshot, prefix: String, connector: String, last: Bool) {
            lines.append(prefix + connector + label(row))
            let kids = (children[row.pid] ?? []).filter { $0.pid != row.pid }
            let nextPrefix = connector.isEmpty ? "" : prefix + (last ? blank : bar)
            for (index, child) in kids.enumerated() {
                let isLast = index == kids.count - 1
                visit(child, prefix: nextPrefix, connector: isLast ? elbow : tee, last: isLast)
            }
        }
        if let top = rows.first(where: { $0.pid == root }) {
            visit(top, prefix: "", connector: "", last: true)
        }
        return lines
    }

    private static func childrenByParent(_ rows: [ProcessSnapshot]) -> [PID: [ProcessSnapshot]] {
        var children: [PID: [ProcessSnapshot]] = [:]
        for row in rows { children[row.ppid, default: []].append(row) }
        return children
    }
}
