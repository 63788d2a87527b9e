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
                pid = try kernel.spawn(executable, arguments: arguments, options: SpawnOptions(parent: shellPID))
            } catch {
                throw error.failure
            }
            lastSpawned = pid
            let status = try waitForExit(pid, timeoutMilliseconds: nil)
            return Int32(truncatingIfNeeded: status.code)
        } catch {
            console.err("dkctl: run: \(error.message)")
            return error.status
        }
    }

    /// The REPL on a terminal.
    public func runInteractive() -> Int32 {
        console.out("dkctl \(ShellInfo.version): a shell for the Datums execution kernel. Type 'help', or 'exit' to leave.")
        while true {
            FileHandle.standardOutput.write(Data("dkctl> ".utf8))
            guard let line = readLine() else { break }
            history.append(line)
            _ = run(line, stopOnFailure: false)
            if let code = exitRequested { return code }
        }
        return lastStatus
    }
}
