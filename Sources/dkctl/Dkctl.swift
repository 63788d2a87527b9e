import ArgumentParser
import Foundation
import Shell

/// A mode of dkctl: runs and returns the process exit status.
protocol Mode {
    mutating func execute() -> Int32
}

/// `dkctl`: the root command; without a subcommand it runs ``ShellMode``.
struct Dkctl: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dkctl",
        abstract: "A shell for the Datums execution kernel: processes, green threads, messages.",
        discussion: """
            With no arguments: an interactive shell on a terminal, or commands read from standard
            input. 'dkctl FILE.dksh ARGS' runs a script; 'dkctl -c "CMDS"' runs commands.
            Type 'help' inside for the commands.
            """,
        version: ShellInfo.version,
        subcommands: [ShellMode.self, RunMode.self, CheckMode.self, TopMode.self, BenchMode.self],
        defaultSubcommand: ShellMode.self)
}

/// The REPL, `-c CMDS`, a script, or commands from standard input.
struct ShellMode: ParsableCommand, Mode {
    static let configuration = CommandConfiguration(
        commandName: "shell", abstract: "The interactive shell, a script, -c commands, or standard input (the default).")

    @OptionGroup var kernel: KernelOptions

    @Option(name: .customShort("c"), help: "Commands to run (separated by ';' or newlines).")
    var commands: String?

    @Argument(help: "A script file (.dksh) and its arguments.")
    var script: [String] = []

    mutating func execute() -> Int32 {
        let session = ShellSession(options: kernel.shellOptions)
        session.monitor = MonitorBridge.launcher
        defer { session.close() }
        InterruptFlag.install()
        if let commands { return session.runCommands(commands) }
        if let path = script.first { return session.runScript(path: path, arguments: Array(script.dropFirst())) }
        if isatty(STDIN_FILENO) == 1 { return session.runInteractive() }
        return session.runStandardInput()
    }
}
