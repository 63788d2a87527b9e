import Foundation
import Kernel
import Language
import Synchronization

/// A shell session: a kernel, the shell's own process in it, the variables `$!`, `$?`, `$1`…,
/// and the command table. Scripts, `-c`, standard input and the REPL all run through
/// ``run(_:stopOnFailure:)``.
public final class ShellSession {
    public let kernel: Kernel
    let options: ShellOptions
    let console: Console
    /// The shell's own PID: it can `recv` what is sent to it.
    public let shellPID: PID
    var lastSpawned: PID?
    /// `$?`. While a command runs it still holds the previous command's status (so `exit`
    /// without a code, and `echo $?`, see it); ``execute(_:)`` sets it afterwards.
    var lastStatus: Int32 = 0 {
        didSet { statusSetByCommand = true }
    }
    /// Whether `$?` was set since the running command started: by the command itself (`wait`
    /// sets the exit code it saw) or by the commands a `source` ran. If not, a command that
    /// succeeds leaves `$?` at 0.
    private var statusSetByCommand = false
    /// `$0`, `$1`, … of a script.
    var positional: [String] = []
    /// Where `history` reads the typed lines from (the line editor in the REPL).
    var historySource: () -> [String] = { [] }
    /// Set by `exit`.
    var exitRequested: Int32?
    /// Raised by a SIGINT handler (Ctrl-C); commands that wait poll it and stop.
    public static let interruptRequested = Atomic<Bool>(false)
    /// Nesting of `source`, to stop runaway recursion.
    var sourceDepth = 0
    /// Where `--events FILE` writes.
    var eventWriter: EventFileWriter?
    /// The script file commands are recorded to (`record FILE`).
    var recording: String?
    /// How `top` runs the monitor (set by the dkctl executable).
    public var monitor: MonitorLauncher?

    public init(options: ShellOptions) {
        self.options = options
        self.kernel = Kernel(configuration: options.kernel)
        self.console = Console(color: options.color)
        self.shellPID = kernel.attachExternalProcess(name: "dkctl", version: ShellInfo.version)
        let console = self.console
        kernel.setOutputHandler { _, line in console.processLine(line) }
        kernel.start()
    }

    /// Whether Ctrl-C was pressed since the command started.
    var interrupted: Bool { ShellSession.interruptRequested.load(ordering: .relaxed) }

    /// Stops the kernel's slots and flushes the event file.
    public func close() {
        kernel.shutdown()
        kernel.setEventSink(nil)
        eventWriter?.flush()
    }

    /// Sets `$0` and `$1`… for a script.
    public func setScriptArguments(name: String, _ arguments: [String]) {
        positional = [name] + arguments
    }

    /// Runs shell text (one or more commands). With `stopOnFailure`, stops at the first failing
    /// command. Returns the status of the last command that failed, 0 when none did, or the
    /// code `exit` asked for.
    ///
    /// This is whether the text *failed*, not `$?`: a `wait` that saw exit code 5 succeeds
    /// and leaves `$?` at 5 (``lastStatus``, which a script ends with).
    @discardableResult
    public func run(_ text: String, stopOnFailure: Bool) -> Int32 {
        var failed: Int32 = 0
        for piece in CommandSplitter.split(text) {
            let status = execute(piece.text)
            if let code = exitRequested { return code }
            if status != 0 {
                failed = status
                if stopOnFailure { return status }
            }
        }
        return failed
    }

    /// Runs one command; returns 0 when it did its job, else its failure status (also put
    /// in `$?`). A `wait` that saw an exit returns 0 but sets `$?` to the exit code.
    func execute(_ text: String) -> Int32 {
        let splitter = WordSplitter(expand: variable)
        let words: [WordSplitter.Word]
        do {
            words = try splitter.words(text)
        } catch {
            return fail(command: WordSplitter.commandName(in: text), error)
        }
        guard let first = words.first else { return 0 }
        let name = first.text
        guard let spec = CommandCatalogue.byName[name] else {
            let hint =
                CommandCatalogue.suggestion(for: name).map { "; did you mean '\($0)'?" } ?? "; try 'help'"
            return fail(command: name, CommandFailure(status: 2, message: "unknown command\(hint)"))
        }
        var input = CommandInput(words: words.dropFirst().map(\.text))
        if let rawAfter = spec.rawAfter?(words.dropFirst().map(\.text)), rawAfter >= 1,
            words.count > rawAfter + 1
        {
            let start = words[rawAfter + 1].start
            let rawText = String(Array(text)[start...])
            input.words = words[1...rawAfter].map(\.text)
            input.raw = splitter.expandRaw(rawText)
        }
        ShellSession.interruptRequested.store(false, ordering: .relaxed)
        if let recording, name != "record" { appendLine(text, to: recording) }
        do {
            statusSetByCommand = false
            try spec.action(self, input)
            if !statusSetByCommand { lastStatus = 0 }
            return 0
        } catch {
            return fail(command: name, error)
        }
    }

    private func appendLine(_ line: String, to path: String) {
        guard let handle = FileHandle(forWritingAtPath: path) else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data((line + "\n").utf8))
    }

    /// Reports a failed command (its message, then its details: compile errors, one per
    /// line) and returns its status. Without a command name (one that cannot be told, as in
    /// `"echo x`), the line is `dkctl: what is wrong`.
    func fail(command: String?, _ failure: CommandFailure) -> Int32 {
        if failure.details.isEmpty || !failure.message.isEmpty {
            console.err("dkctl: \(command.map { "\($0): " } ?? "")\(failure.message)")
        }
        for line in failure.details { console.err(line) }
        lastStatus = failure.status
        return failure.status
    }

    /// The value of `$name`, or nil to leave it as typed.
    private func variable(_ name: String) -> String? {
        switch name {
        case "!": return lastSpawned.map(String.init) ?? ""
        case "?": return String(lastStatus)
        case "$": return String(shellPID)
        case "#": return String(max(0, positional.count - 1))
        case "@": return positional.dropFirst().joined(separator: " ")
        default:
            if let index = Int(name) { return index < positional.count ? positional[index] : "" }
            return ProcessInfo.processInfo.environment[name]
        }
    }
}

extension KernelError {
    /// The shell status for this error: 3 for an unknown PID/TID, 1 otherwise.
    var failure: CommandFailure {
        switch self {
        case .noSuchProcess, .noSuchThread, .noSuchID, .deadLetter:
            return CommandFailure(status: 3, message: description)
        default:
            return CommandFailure(status: 1, message: description)
        }
    }
}
