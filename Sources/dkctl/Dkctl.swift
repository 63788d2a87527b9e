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
        commandName: "shell",
        abstract: "The interactive shell, a script, -c commands, or standard input (the default).")

    @OptionGroup var kernel: KernelOptions

    @Option(name: .customShort("c"), help: "Commands to run (separated by ';' or newlines).")
    var commands: String?

    @Argument(help: "A script file (.dksh) and its arguments.")
    var script: [String] = []

    mutating func execute() -> Int32 {
        if let path = script.first, let header = ScriptHeader.options(in: path) {
            do {
                kernel = try KernelOptions.parse(header + ScriptHeader.kernelArguments(before: path))
            } catch {
                FileHandle.standardError.write(
                    Data(
                        "dkctl: \(path): bad dkctl-options line: \(KernelOptions.message(for: error))\n".utf8)
                )
                return 2
            }
        }
        let session = ShellSession(options: kernel.shellOptions)
        session.monitor = MonitorBridge.launcher
        defer { session.close() }
        if let path = kernel.eventsFile, !session.writeEvents(to: path) {
            FileHandle.standardError.write(Data("dkctl: --events: cannot write \(path)\n".utf8))
            return 1
        }
        InterruptFlag.install()
        if let commands { return session.runCommands(commands) }
        if let path = script.first {
            return session.runScript(path: path, arguments: Array(script.dropFirst()))
        }
        if isatty(STDIN_FILENO) == 1 { return session.runInteractive() }
        return session.runStandardInput()
    }
}

/// A script's `# dkctl-options: --deterministic --seed 1` line (written by `record`).
enum ScriptHeader {
    /// The options on the header line among the script's first ten lines, if any.
    static func options(in path: String) -> [String]? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n").prefix(10) where line.hasPrefix("# dkctl-options:") {
            return line.dropFirst("# dkctl-options:".count).split(separator: " ").map(String.init)
        }
        return nil
    }

    /// The command line's words before the script path (they win over the header).
    static func kernelArguments(before path: String) -> [String] {
        let words = Array(CommandLine.arguments.dropFirst())
        guard let index = words.firstIndex(of: path) else { return [] }
        return Array(words[..<index]).filter { $0 != "shell" }
    }
}
