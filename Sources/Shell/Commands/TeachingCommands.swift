import Foundation
import Kernel
import Language

extension CommandCatalogue {
    static let teachingCommands: [CommandSpec] = [
        CommandSpec(
            "provenance", synopsis: "provenance PID [--json | --dot]",
            summary: "how a process's result came about: processes, threads, messages, context versions",
            details: """
                Traced backwards through the event log from the process's end: every message it
                received (and who sent it, before), requests answered, who spawned it, and the
                context versions written. --dot prints Graphviz (dot -Tsvg).
                """, action: provenance),
        CommandSpec(
            "trace", synopsis: "trace on|off", summary: "print every scheduling decision as it happens",
            action: trace),
        CommandSpec(
            "step", synopsis: "step TID [N]",
            summary: "single-step a suspended thread: each instruction, its source line and the stack",
            details: "Suspend the process first (suspend PID); N instructions (default 1).", action: step),
        CommandSpec(
            "lint", synopsis: "lint [PID]", summary: "list warnings a profiler would give, with what to do",
            details: """
                Busy threads (over a second without blocking), mailboxes that only grow, messages
                no receive pattern matches, requests never answered, locks held across a receive.
                ps shows their number in the W column.
                """, action: lint),
        CommandSpec(
            "msc", synopsis: "msc PID|CORRELATION [--format text|mermaid|plantuml]",
            summary: "the message sequence (who sent what to whom, in order)", action: messageSequence),
        CommandSpec(
            "demo", synopsis: "demo [NAME]", summary: "list the demo scripts, or run one", action: demo),
        CommandSpec(
            "record", synopsis: "record FILE | record off",
            summary: "save the commands typed from now on as a replayable script (with the seed and options)",
            action: record),
    ]

    private static func provenance(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        let arguments = try Arguments(input.words, flags: ["--json", "--dot"])
        guard arguments.positionals.count == 1 else { throw .usage("usage: provenance PID [--json | --dot]") }
        let pid = try session.pid(arguments.positionals[0])
        let graph: Provenance
        do { graph = try session.kernel.provenance(of: pid) } catch { throw error.failure }
        if arguments.has("--json") { return session.console.out(ProvenanceRendering.json(graph).text) }
        if arguments.has("--dot") { return session.console.out(lines: ProvenanceRendering.dot(graph)) }
        session.console.out(lines: ProvenanceRendering.text(graph, unicode: TreeOrder.unicodeTerminal))
    }

    private static func trace(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        switch input.words {
        case ["on"]:
            let console = session.console
            session.kernel.setTraceHandler { record in console.processLine("trace: " + record.description) }
        case ["off"]:
            session.kernel.setTraceHandler(nil)
        case []:
            session.console.out("trace is \(session.kernel.isTracing ? "on" : "off")")
        default:
            throw .usage("usage: trace on|off")
        }
    }

    private static func step(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        guard (1...2).contains(input.words.count) else { throw .usage("usage: step TID [N]") }
        let tid = try session.pid(input.words[0])
        var count = 1
        if input.words.count == 2 {
            guard let parsed = Int(input.words[1]), (1...100_000).contains(parsed) else {
                throw .usage("step takes a count from 1 to 100000")
            }
            count = parsed
        }
        for _ in 0..<count {
            let record: StepRecord
            do { record = try session.kernel.step(tid) } catch { throw error.failure }
            session.console.out("\(record.function):\(record.line)  \(record.instruction)")
            for line in record.stack.split(separator: "\n") { session.console.out("    " + line) }
            if record.outcome != "stepped" {
                session.console.out("  -> \(record.outcome)")
                return
            }
        }
    }

    private static func lint(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        guard input.words.count <= 1 else { throw .usage("usage: lint [PID]") }
        let pid = try input.words.first.map { (word) throws(CommandFailure) in try session.pid(word) }
        if let pid, session.kernel.process(pid) == nil { throw .unknownID("no such process: \(pid)") }
        let warnings = session.kernel.warnings(of: pid)
        guard !warnings.isEmpty else { return session.console.out("no warnings") }
        session.console.out(
            lines: warnings.map {
                "\($0.pid)\($0.tid.map { "/\($0)" } ?? "") \($0.kind.rawValue): \($0.message)"
            })
    }

    private static func messageSequence(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure)
    {
        let arguments = try Arguments(input.words, options: ["--format"])
        guard arguments.positionals.count == 1, let number = Int(arguments.positionals[0]), number > 0 else {
            throw .usage("usage: msc PID|CORRELATION [--format text|mermaid|plantuml]")
        }
        let format = arguments.options["--format"] ?? "text"
        guard ["text", "mermaid", "plantuml"].contains(format) else {
            throw .usage("--format is text, mermaid or plantuml")
        }
        let events = session.kernel.events()
        let messaging: Set<KernelEvent.Kind> = [.send, .request, .reply, .publish]
        let isProcess = events.contains { $0.pid == number || $0.peer == number }
        let chosen = events.filter { event in
            guard messaging.contains(event.kind) else { return false }
            return isProcess
                ? (event.pid == number || event.peer == number) : event.correlation == UInt64(number)
        }
        guard !chosen.isEmpty else { throw .failure("no messages recorded for \(number)") }
        session.console.out(
            lines: SequenceChart(events: chosen, names: session.processNames()).render(format))
    }

    private static func demo(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        guard let folder = session.demoFolder() else {
            throw .failure("no demos found (looked for shell-scripts/demos here and beside dkctl)")
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasSuffix(".dksh") }.sorted()
        guard let name = input.words.first else {
            var table = Table([("DEMO", .left), ("WHAT IT SHOWS", .left)])
            for file in names {
                let text = (try? String(contentsOfFile: folder + "/" + file, encoding: .utf8)) ?? ""
                let summary =
                    text.split(separator: "\n").first { $0.hasPrefix("#") }.map {
                        String($0.dropFirst()).trimmingWhitespace()
                    } ?? ""
                table.add([String(file.dropLast(5)), summary])
            }
            session.console.out(
                lines: table.render(width: session.console.width) + ["", "demo NAME runs one."])
            return
        }
        guard names.contains(name + ".dksh") else { throw .failure("no demo '\(name)' (see 'demo')") }
        let saved = FileManager.default.currentDirectoryPath
        FileManager.default.changeCurrentDirectoryPath(folder + "/..")
        defer { FileManager.default.changeCurrentDirectoryPath(saved) }
        try CommandCatalogue.byName["source"]?.action(session, CommandInput(words: ["demos/\(name).dksh"]))
    }

    private static func record(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        guard input.words.count == 1 else { throw .usage("usage: record FILE | record off") }
        if input.words[0] == "off" {
            guard session.recording != nil else { throw .failure("not recording") }
            session.recording = nil
            return
        }
        let path = input.words[0]
        let configuration = session.kernel.configuration
        var options = ["--policy", configuration.policy.rawValue, "--quantum", String(configuration.quantum)]
        if configuration.deterministic {
            options = ["--deterministic", "--seed", String(configuration.seed)] + options
        } else {
            options = ["--slots", String(configuration.slots)] + options
        }
        let header =
            "# recorded by dkctl \(ShellInfo.version); replay with: dkctl \(path)\n"
            + "# dkctl-options: \(options.joined(separator: " "))\n"
        guard FileManager.default.createFile(atPath: path, contents: Data(header.utf8)) else {
            throw .failure("cannot write \(path)")
        }
        session.recording = path
        session.console.out("recording to \(path) ('record off' stops)")
    }
}

extension ShellSession {
    /// Names of processes (live or in the event log) for charts.
    func processNames() -> [PID: String] {
        var names: [PID: String] = [:]
        for event in kernel.events() where event.kind == .spawn {
            if let child = event.peer {
                names[child] = String(event.detail.split(separator: "@").first ?? "")
            }
        }
        for row in kernel.processList() { names[row.pid] = row.name }
        return names
    }

    /// `shell-scripts/demos` here, above, or beside the dkctl binary.
    func demoFolder() -> String? {
        let manager = FileManager.default
        var candidates = ["demos", "shell-scripts/demos"] + options.searchPath.map { $0 + "/demos" }
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        candidates.append(binary.appendingPathComponent("../../shell-scripts/demos").standardized.path)
        candidates.append(binary.appendingPathComponent("../share/dkctl/demos").standardized.path)
        return candidates.first { manager.fileExists(atPath: $0) }.map {
            URL(fileURLWithPath: $0).standardized.path
        }
    }
}
