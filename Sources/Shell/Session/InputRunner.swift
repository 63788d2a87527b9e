import Foundation

extension ShellSession {
    /// Reads commands from standard input line by line (no prompt) and runs each as soon as
    /// it is complete; a line ending inside brackets or quotes continues on the next.
    /// Stops at the first failing command, as a script does.
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
            return status
        }
        return lastStatus
    }

    /// Runs a script file with arguments (`$1`…); stops at its first failing command.
    public func runScript(path: String, arguments: [String]) -> Int32 {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            console.err("dkctl: \(path): cannot read the script (\(error.localizedDescription))")
            return 1
        }
        setScriptArguments(name: path, arguments)
        let status = run(text, stopOnFailure: true)
        return exitRequested ?? status
    }

    /// Runs `-c` text; stops at its first failing command.
    public func runCommands(_ text: String) -> Int32 {
        let status = run(text, stopOnFailure: true)
        return exitRequested ?? status
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
