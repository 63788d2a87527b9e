import Foundation

extension ShellSession {
    /// Reads commands from standard input line by line (no prompt) and runs each as soon as
    /// it is complete; a line ending inside brackets or quotes continues on the next.
    /// Stops at the first failing command, as a script does; else ends with `$?`.
    public func runStandardInput() -> Int32 {
        var pending = ""
        while let line = readLine(strippingNewline: true) {
            pending += pending.isEmpty ? line : "\n" + line
            guard ShellSession.isComplete(pending) else { continue }
            let status = run(pending, stopOnFailure: true)
            pending = ""
            if let code = exitRequested { return code }
            if status != 0 { return status }
        }
        if !pending.isEmpty {
            let status = run(pending, stopOnFailure: true)
            if let code = exitRequested { return code }
            if status != 0 { return status }
        }
        return lastStatus
    }

    /// Runs a script file with arguments (`$1`…); stops at its first failing command, else
    /// ends with `$?` (or the code `exit` asked for).
    public func runScript(path: String, arguments: [String]) -> Int32 {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            console.err("dkctl: \(path): cannot read the script (\(error.localizedDescription))")
            return 1
        }
        setScriptArguments(name: path, arguments)
        return runToEnd(text)
    }

    /// Runs `-c` text; stops at its first failing command, else ends with `$?` (or the code
    /// `exit` asked for).
    public func runCommands(_ text: String) -> Int32 {
        runToEnd(text)
    }

    /// What `-c` and a script end with: the code `exit` asked for, the status of the command
    /// that failed, or `$?` (a `wait` that saw exit code 5 ends the script with 5).
    private func runToEnd(_ text: String) -> Int32 {
        let status = run(text, stopOnFailure: true)
        if let code = exitRequested { return code }
        return status != 0 ? status : lastStatus
    }

    /// Whether `text` closes every bracket and quote it opens (else the next line continues it).
    static func isComplete(_ text: String) -> Bool {
        var depth = 0
        var quote: Character?
        var previous: Character = " "
        for character in text {
            if let open = quote {
                if character == open && previous != "\\" { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#" && previous.isWhitespace {
                break
            } else if "{[(".contains(character) {
                depth += 1
            } else if "}])".contains(character) {
                depth -= 1
            }
            previous = character
        }
        return depth <= 0 && quote == nil
    }
}
