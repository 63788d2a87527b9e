import Kernel

/// The columns `ps -o` knows, how each renders and sorts.
enum ProcessColumn: String, CaseIterable {
    case pid, ppid, name, version, type, state, wait, pri, thr, reductions, cpu, mem, msgq, restarts, exit,
        reason,
        args, w

    static let standard: [ProcessColumn] = [
        .pid, .ppid, .name, .version, .state, .wait, .pri, .thr, .cpu, .mem, .msgq, .restarts, .w,
    ]

    var title: String {
        switch self {
        case .reductions: "REDUCTIONS"
        default: rawValue.uppercased()
        }
    }

    var alignment: Table.Alignment {
        switch self {
        case .pid, .ppid, .pri, .thr, .reductions, .cpu, .mem, .msgq, .restarts, .exit, .w: .right
        default: .left
        }
    }

    func cell(_ row: ProcessSnapshot) -> String {
        switch self {
        case .pid: String(row.pid)
        case .ppid: String(row.ppid)
        case .name: row.name
        case .version: row.version
        case .type: row.type.rawValue
        case .state: row.state.rawValue
        case .wait: row.wait ?? (row.exitCode.map { "exit=\($0)" } ?? "-")
        case .pri: String(row.priority)
        case .thr: String(row.threads)
        case .reductions: String(row.reductions)
        case .cpu: Units.duration(nanoseconds: row.cpuNanoseconds)
        case .mem: Units.bytes(row.memory)
        case .msgq: String(row.mailbox)
        case .restarts: String(row.restarts)
        case .exit: row.exitCode.map(String.init) ?? "-"
        case .reason: row.reason ?? "-"
        case .args: row.arguments.joined(separator: " ")
        case .w: row.warnings > 0 ? String(row.warnings) : ""
        }
    }

    /// Orders rows for `ps -s COLUMN`: numbers largest first, text alphabetically.
    func precedes(_ a: ProcessSnapshot, _ b: ProcessSnapshot) -> Bool {
        switch self {
        case .pid: a.pid < b.pid
        case .ppid: (a.ppid, a.pid) < (b.ppid, b.pid)
        case .name: (a.name, a.pid) < (b.name, b.pid)
        case .version: (a.version, a.pid) < (b.version, b.pid)
        case .type: (a.type.rawValue, a.pid) < (b.type.rawValue, b.pid)
        case .state: (a.state, a.pid) < (b.state, b.pid)
        case .wait: (a.wait ?? "", a.pid) < (b.wait ?? "", b.pid)
        case .pri: (a.priority, a.pid) < (b.priority, b.pid)
        case .thr: (b.threads, a.pid) < (a.threads, b.pid)
        case .reductions: (b.reductions, a.pid) < (a.reductions, b.pid)
        case .cpu: (b.cpuNanoseconds, a.pid) < (a.cpuNanoseconds, b.pid)
        case .mem: (b.memory, a.pid) < (a.memory, b.pid)
        case .msgq: (b.mailbox, a.pid) < (a.mailbox, b.pid)
        case .restarts: (b.restarts, a.pid) < (a.restarts, b.pid)
        case .exit: (a.exitCode ?? -1, a.pid) < (b.exitCode ?? -1, b.pid)
        case .reason: (a.reason ?? "", a.pid) < (b.reason ?? "", b.pid)
        case .args: (a.arguments.joined(), a.pid) < (b.arguments.joined(), b.pid)
        case .w: (b.warnings, a.pid) < (a.warnings, b.pid)
        }
    }

    /// Parses `pid,name,cpu` (also accepting `mailbox`, `threads`, `priority`, `memory`).
    static func parseList(_ text: String) throws(CommandFailure) -> [ProcessColumn] {
        var columns: [ProcessColumn] = []
        for part in text.split(separator: ",") {
            guard let column = ProcessColumn.named(String(part)) else {
                let known = ProcessColumn.allCases.map(\.rawValue).joined(separator: ",")
                throw .usage("unknown column '\(part)' (known: \(known))")
            }
            columns.append(column)
        }
        guard !columns.isEmpty else { throw .usage("-o needs a list of columns, like pid,name,state") }
        return columns
    }

    static func named(_ text: String) -> ProcessColumn? {
        let aliases: [String: ProcessColumn] = [
            "mailbox": .msgq, "threads": .thr, "priority": .pri, "nice": .pri, "memory": .mem,
            "reds": .reductions, "cpu_ms": .cpu, "exit_code": .exit, "command": .name, "warnings": .w,
        ]
        let lower = text.lowercased()
        return ProcessColumn(rawValue: lower) ?? aliases[lower]
    }
}

extension ProcessSnapshot {
    /// The `ps --json` object, with the fields DESIGN §8 names.
    var json: JSON {
        .object([
            ("pid", .number(pid)), ("ppid", .number(ppid)), ("name", .string(name)),
            ("version", .string(version)),
            ("type", .string(type.rawValue)), ("state", .string(state.rawValue)), ("wait", .optional(wait)),
            ("priority", .number(priority)), ("threads", .number(threads)),
            ("reductions", .number(reductions)),
            ("cpu_ms", .double(Double(cpuNanoseconds / 1000) / 1000)), ("memory", .number(memory)),
            ("mailbox", .number(mailbox)), ("exit_code", .optional(exitCode)), ("reason", .optional(reason)),
            ("restarts", .number(restarts)), ("args", .array(arguments.map(JSON.string))),
            ("warnings", .number(warnings)),
        ])
    }
}

extension ThreadSnapshot {
    /// The `threads --json` object.
    var json: JSON {
        .object([
            ("tid", .number(tid)), ("pid", .number(pid)), ("name", .string(name)),
            ("state", .string(state.rawValue)),
            ("wait", .optional(wait)), ("priority", .number(priority)), ("reductions", .number(reductions)),
            ("cpu_ms", .double(Double(cpuNanoseconds / 1000) / 1000)), ("mailbox", .number(mailbox)),
        ])
    }
}
