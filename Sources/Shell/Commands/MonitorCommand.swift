import Foundation
import Kernel

/// How the shell runs the monitor; the dkctl executable provides it (the Monitor layer sits
/// beside the Shell, not below it).
public struct MonitorLauncher: Sendable {
    /// Runs the full-screen monitor; returns 0, 128 + a signal, or -1 without a terminal.
    public var interactive: @Sendable (_ kernel: Kernel, _ options: TopOptions) -> Int32
    /// Prints `options.iterations` plain-text snapshots through `emit`.
    public var batch: @Sendable (_ kernel: Kernel, _ options: TopOptions, _ emit: (String) -> Void) -> Void

    public init(
        interactive: @escaping @Sendable (Kernel, TopOptions) -> Int32,
        batch: @escaping @Sendable (Kernel, TopOptions, (String) -> Void) -> Void
    ) {
        self.interactive = interactive
        self.batch = batch
    }
}

/// `top [--batch] [-n N] [-d S] [-s SORT] [--flat]`.
public struct TopOptions: Sendable {
    public var batch = false
    public var iterations = 1
    public var delaySeconds = 1.0
    public var sort = "pid"
    public var tree = true
    public var noColor = false
    public var width = 120
}

extension CommandCatalogue {
    static let monitorCommands: [CommandSpec] = [
        CommandSpec(
            "top", synopsis: "top [--batch] [-n N] [-d SECONDS] [-s SORT] [--flat]",
            summary: "the full-screen monitor: process tree and threads (q to come back)",
            details: """
                Keys as in htop: arrows, PgUp/PgDn, F1 or ? help, F3 or / search, F4 or \\ filter,
                F5 or t tree, + and - collapse, F6 sort (P M T), F7 ] and F8 [ renice, F9 or k kill,
                Space tags (c a subtree, U untags), s suspend, r resume, Z pause, F follow,
                Enter details, q quit.
                --batch prints N plain-text snapshots (-n), -d seconds apart, for scripts: the
                header, the process table and the threads of the busiest process.
                Sort keys: pid, cpu, mem, threads, time, name, state.
                """, action: top)
    ]

    private static func top(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        let arguments = try Arguments(
            input.words, flags: ["--batch", "-b", "--flat", "--no-color"],
            options: ["-n", "-d", "-s", "--sort"],
            aliases: ["-b": "--batch", "--sort": "-s"])
        guard arguments.positionals.isEmpty else { throw .usage("usage: \(monitorCommands[0].synopsis)") }
        var options = TopOptions()
        options.batch = arguments.has("--batch")
        options.iterations = try arguments.integer("-n", in: 1...100_000) ?? 1
        if let text = arguments.options["-d"] {
            guard let seconds = Double(text), seconds > 0, seconds <= 3600 else {
                throw .usage("-d takes seconds between snapshots, like 0.5")
            }
            options.delaySeconds = seconds
        }
        if let sort = arguments.options["-s"] {
            guard ["pid", "cpu", "mem", "memory", "threads", "thr", "time", "name", "state"].contains(sort)
            else {
                throw .usage("cannot sort by '\(sort)'; use pid, cpu, mem, threads, time, name or state")
            }
            options.sort = sort
        }
        options.tree = !arguments.has("--flat")
        options.noColor = arguments.has("--no-color") || !session.console.color
        options.width = session.console.width ?? 120
        guard let launcher = session.monitor else {
            throw .failure("the monitor is not available in this build")
        }
        if options.batch {
            launcher.batch(session.kernel, options) { snapshot in session.console.out(snapshot + "\n") }
            return
        }
        guard isatty(STDOUT_FILENO) == 1, isatty(STDIN_FILENO) == 1 else {
            throw .failure("top needs a terminal; use 'top --batch' in scripts")
        }
        session.console.muteProcessOutput(true)  // process output stays in 'logs' while top is up
        let status = launcher.interactive(session.kernel, options)
        session.console.muteProcessOutput(false)
        switch status {
        case 0: return
        case -1: throw .failure("cannot start the terminal (is TERM set to a known terminal?)")
        default: throw CommandFailure(status: status, message: "interrupted")
        }
    }
}
