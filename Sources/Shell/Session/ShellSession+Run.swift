import Foundation
import Kernel

extension ShellSession {
    /// `dkctl run`: starts a program as a child of the shell, waits for it, and returns its
    /// exit code (or the failure status if it cannot start).
    public func runProgram(_ reference: String, arguments: [String]) -> Int32 {
        do throws(CommandFailure) {
            let executable = try resolveExecutable(reference)
            let pid: PID
            do {
                pid = try kernel.spawn(
                    executable, arguments: arguments, options: SpawnOptions(parent: shellPID))
            } catch {
                throw error.failure
            }
            lastSpawned = pid
            let status = try waitForExit(pid, timeoutMilliseconds: nil)
            if status.code != 0 && status.reason != "normal" {
                console.err(
                    "dkctl: run: \(executable.name) exited with code \(status.code): \(status.reason)")
            }
            return Int32(truncatingIfNeeded: status.code)
        } catch {
            return fail(command: "run", error)
        }
    }

    /// The REPL on a terminal: line editing, persistent history, Ctrl-R, Tab completion;
    /// what processes print appears above the prompt.
    public func runInteractive() -> Int32 {
        let editor = LineEditor(historyPath: options.historyFile ?? LineEditor.defaultHistoryPath())
        let reference = SessionReference(self)
        editor.completer = { line, cursor in
            reference.session?.completions(line: line, cursor: cursor) ?? .none
        }
        console.setPromptWriter { text in editor.printAbove(text) }
        defer { console.setPromptWriter(nil) }
        console.out(
            "dkctl \(ShellInfo.version): a shell for the Datums execution kernel. Type 'help', or 'exit' to leave."
        )
        if let problem = editor.historyError { console.err("dkctl: history: \(problem)") }
        let prompt = console.color ? "\u{1B}[1;36mdkctl\u{1B}[0m> " : "dkctl> "
        while true {
            historySource = { editor.history }
            switch editor.read(prompt: prompt) {
            case .endOfInput:
                return lastStatus
            case .interrupted:
                lastStatus = 130
            case .line(let line):
                _ = run(line, stopOnFailure: false)
                if let code = exitRequested { return code }
            }
        }
    }
}

/// Lets the editor's completer reach the session. The editor calls the completer on the
/// thread that called `read`, which is the session's own thread, so no state is shared.
private final class SessionReference: @unchecked Sendable {
    weak var session: ShellSession?
    init(_ session: ShellSession) { self.session = session }
}

extension ShellSession {
    /// `-f`: lets the kernel run a tenth of a second at a time and calls `poll` after each,
    /// until it returns false, Ctrl-C, or (deterministic mode) the kernel has nothing left to do.
    func follow(_ poll: () -> Bool) throws(CommandFailure) {
        while true {
            kernel.run(forMilliseconds: 100)
            guard poll() else { return }
            if interrupted { return }
            if kernel.configuration.deterministic && kernel.isIdle { return }
        }
    }
}
