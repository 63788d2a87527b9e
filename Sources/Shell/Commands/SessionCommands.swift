import Foundation
import Kernel

extension CommandCatalogue {
    static let sessionCommands: [CommandSpec] = [
        CommandSpec(
            "sleep", synopsis: "sleep DURATION", summary: "let the kernel run for a while (0.5, 2s, 500ms)",
            details:
                "In deterministic mode the kernel runs until virtual time has moved that far, as fast as it can.",
            action: sleep),
        CommandSpec(
            "tick", synopsis: "tick [N]",
            summary: "deterministic mode: advance the virtual clock N ms (default 1)",
            action: tick),
        CommandSpec(
            "echo", synopsis: "echo [WORDS...]", summary: "print words",
            action: { session, input in
                session.console.out(input.words.joined(separator: " "))
            }),
        CommandSpec(
            "source", synopsis: "source FILE [ARGS...]", summary: "run the commands of a script file here",
            action: source),
        CommandSpec(
            "history", synopsis: "history [N]", summary: "list the commands typed so far", action: history),
        CommandSpec(
            "help", synopsis: "help [COMMAND]", summary: "list commands, or explain one", action: help),
        CommandSpec(
            "exit", synopsis: "exit [CODE]", summary: "leave dkctl (default code: the last status)",
            action: { session, input throws(CommandFailure) in
                guard input.words.count <= 1 else { throw .usage("usage: exit [CODE]") }
                if let word = input.words.first {
                    guard let code = Int32(word), (0...255).contains(code) else {
                        throw .usage("exit code must be 0 to 255, not '\(word)'")
                    }
                    session.exitRequested = code
                } else {
                    session.exitRequested = session.lastStatus
                }
            }),
    ]

    private static func sleep(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        guard input.words.count == 1 else { throw .usage("usage: sleep DURATION (e.g. 0.5, 2s, 500ms)") }
        guard let milliseconds = Quantity.milliseconds(input.words[0]) else {
            throw .usage("'\(input.words[0])' is not a duration (e.g. 0.5, 2s, 500ms)")
        }
        guard milliseconds <= 86_400_000 else { throw .usage("sleep at most 24 hours (86400s)") }
        try letTimePass(session, milliseconds: milliseconds)
    }

    /// Runs the kernel until its clock has moved `milliseconds` from now, a tenth of a second at
    /// a time so that Ctrl-C can stop it. Steps toward one end time rather than counting steps:
    /// a deterministic kernel hands back early, its clock short, while an OS tool runs.
    private static func letTimePass(_ session: ShellSession, milliseconds: Double) throws(CommandFailure) {
        let kernel = session.kernel
        let end = kernel.uptimeNanoseconds &+ UInt64(max(0, milliseconds) * 1_000_000)
        while true {
            let current = kernel.uptimeNanoseconds
            guard current < end else { return }
            kernel.run(forMilliseconds: min(Double(end - current) / 1_000_000, 100))
            if session.interrupted { throw .failure("interrupted") }
        }
    }

    private static func tick(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        guard session.kernel.configuration.deterministic else {
            throw .failure("tick works in deterministic mode only (start dkctl with --deterministic)")
        }
        guard input.words.count <= 1 else { throw .usage("usage: tick [N]") }
        let count = input.words.first.map { Double($0) } ?? 1
        guard let count, count > 0, count.isFinite else {
            throw .usage("tick takes a number of milliseconds")
        }
        guard count <= 86_400_000 else { throw .usage("tick at most 24 hours (86400000 ms)") }
        try letTimePass(session, milliseconds: count)
        // Always milliseconds with one decimal (`t=5.0ms`, `t=14.0ms`, `t=1500.0ms`).
        let milliseconds = Double(session.kernel.uptimeNanoseconds) / 1_000_000
        session.console.out("t=\(Units.fixed(milliseconds, 1))ms")
    }

    private static func source(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        guard let path = input.words.first else { throw .usage("usage: source FILE [ARGS...]") }
        guard session.sourceDepth < 32 else {
            throw .failure("source nested too deeply (a script sourcing itself?)")
        }
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw .failure("cannot read \(path): \(error.localizedDescription)")
        }
        let saved = session.positional
        if input.words.count > 1 { session.positional = [path] + input.words.dropFirst() }
        session.sourceDepth += 1
        let status = session.run(text, stopOnFailure: true)
        session.sourceDepth -= 1
        session.positional = saved
        if status != 0 && session.exitRequested == nil {
            throw CommandFailure(status: status, message: "\(path) stopped with status \(status)")
        }
    }

    private static func history(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        guard input.words.count <= 1 else { throw .usage("usage: history [N]") }
        var entries = Array(session.historySource().enumerated())
        if let word = input.words.first {
            guard let count = Int(word), count >= 0 else { throw .usage("history takes a count") }
            entries = Array(entries.suffix(count))
        }
        session.console.out(lines: entries.map { "\($0.offset + 1)  \($0.element)" })
    }

    private static func help(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        guard let name = input.words.first else {
            var table = Table([("COMMAND", .left), ("WHAT IT DOES", .left)])
            for spec in all.sorted(by: { $0.name < $1.name }) { table.add([spec.name, spec.summary]) }
            session.console.out(
                lines: table.render(width: nil) + ["", "help COMMAND explains one; man dkctl has it all."])
            return
        }
        guard let spec = byName[name] else {
            let hint = suggestion(for: name).map { "; did you mean '\($0)'?" } ?? ""
            throw .usage("no command '\(name)'\(hint)")
        }
        var lines = ["usage: \(spec.synopsis)", "", spec.summary]
        if !spec.details.isEmpty {
            lines +=
                [""] + spec.details.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        session.console.out(lines: lines)
    }
}
