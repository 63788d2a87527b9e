import Kernel

extension CommandCatalogue {
    static let listingCommands: [CommandSpec] = [
        CommandSpec(
            "ps", synopsis: "ps [-a] [--tree] [-T] [-o COLS] [-s COL] [--json]",
            summary: "list processes",
            details: """
                Lists every process: init (PID 1), the shell, and exited processes not yet
                waited for (zombies). -a is accepted for habit's sake (all is the default).
                RESTARTS counts how often init restarted the program before this incarnation
                (spawn --restart; each incarnation has a new PID); W counts lint warnings.
                  --tree     indent children under their parents
                  -T         list each process's threads under it
                  -o COLS    columns, e.g. -o pid,name,state,cpu (see below)
                  -s COL     sort by a column (numbers largest first), e.g. -s cpu
                  --json     one JSON array: pid, ppid, name, version, type, state, wait,
                             priority, threads, reductions, cpu_ms, memory, mailbox,
                             exit_code, reason, restarts, args
                Columns: \(ProcessColumn.allCases.map(\.rawValue).joined(separator: ", "))
                """, action: ps),
        CommandSpec(
            "pstree", synopsis: "pstree [PID]", summary: "draw the process tree (from PID, default init)",
            action: pstree),
        CommandSpec(
            "threads", synopsis: "threads [PID] [--json]", summary: "list threads (of one process, or all)",
            details: "JSON fields: tid, pid, name, state, wait, priority, reductions, cpu_ms, mailbox.",
            action: threads),
    ]

    private static func ps(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        let arguments = try Arguments(
            input.words, flags: ["-a", "--all", "--tree", "-T", "--threads", "--json", "-f"],
            options: ["-o", "-s", "--sort"],
            aliases: ["--all": "-a", "--threads": "-T", "--sort": "-s", "-f": "--tree"])
        guard arguments.positionals.isEmpty else {
            throw .usage(
                "unexpected '\(arguments.positionals[0])'; usage: ps [-a] [--tree] [-T] [-o COLS] [-s COL] [--json]"
            )
        }
        var rows = session.kernel.processList()
        if let sort = arguments.options["-s"] {
            guard let column = ProcessColumn.named(sort) else { throw .usage("cannot sort by '\(sort)'") }
            rows.sort(by: column.precedes)
        }
        if arguments.has("--json") {
            session.console.out(JSON.arrayText(rows) { $0.json })
            return
        }
        let columns =
            try arguments.options["-o"].map { (text) throws(CommandFailure) in
                try ProcessColumn.parseList(text)
            }
            ?? ProcessColumn.standard
        var table = Table(columns.map { ($0.title, $0.alignment) })
        let ordered = arguments.has("--tree") ? TreeOrder.depthFirst(rows) : rows.map { ($0, "") }
        for (row, prefix) in ordered {
            table.add(columns.map { $0 == .name ? prefix + $0.cell(row) : $0.cell(row) })
            if arguments.has("-T"), let threads = try? session.kernel.threadList(of: row.pid) {
                for thread in threads {
                    table.add(columns.map { column in threadCell(column, thread) })
                }
            }
        }
        session.console.out(lines: table.render(width: session.console.width))
    }

    private static func threadCell(_ column: ProcessColumn, _ thread: ThreadSnapshot) -> String {
        switch column {
        case .pid: ""
        case .ppid: String(thread.pid)
        case .name: "  \\_ \(thread.name) (tid \(thread.tid))"
        case .state: thread.state.rawValue
        case .wait: thread.wait ?? "-"
        case .pri: String(thread.priority)
        case .reductions: String(thread.reductions)
        case .cpu: Units.duration(nanoseconds: thread.cpuNanoseconds)
        case .msgq: String(thread.mailbox)
        default: ""
        }
    }

    private static func pstree(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        guard input.words.count <= 1 else { throw .usage("usage: pstree [PID]") }
        let root = try input.words.first.map { (word) throws(CommandFailure) in try session.pid(word) } ?? 1
        let rows = session.kernel.processList()
        guard rows.contains(where: { $0.pid == root }) else { throw .unknownID("no such process: \(root)") }
        session.console.out(lines: TreeOrder.drawing(rows, root: root, unicode: TreeOrder.unicodeTerminal))
    }

    private static func threads(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        let arguments = try Arguments(input.words, flags: ["--json"])
        guard arguments.positionals.count <= 1 else { throw .usage("usage: threads [PID] [--json]") }
        let pid = try arguments.positionals.first.map { (word) throws(CommandFailure) in try session.pid(word)
        }
        let rows: [ThreadSnapshot]
        do { rows = try session.kernel.threadList(of: pid) } catch { throw error.failure }
        if arguments.has("--json") {
            session.console.out(JSON.arrayText(rows) { $0.json })
            return
        }
        var table = Table([
            ("TID", .right), ("PID", .right), ("NAME", .left), ("STATE", .left), ("WAIT", .left),
            ("PRI", .right),
            ("REDUCTIONS", .right), ("CPU", .right), ("MSGQ", .right),
        ])
        for row in rows {
            table.add([
                String(row.tid), String(row.pid), row.name, row.state.rawValue, row.wait ?? "-",
                String(row.priority),
                String(row.reductions), Units.duration(nanoseconds: row.cpuNanoseconds), String(row.mailbox),
            ])
        }
        session.console.out(lines: table.render(width: session.console.width))
    }
}
