import ArgumentParser

/// A command-line error of a subcommand, in dkctl's shape:
/// `run: missing program (usage: dkctl run PROGRAM [ARGS...])` (main prefixes `dkctl: `).
enum UsageError {
    /// Each subcommand's usage line.
    static let synopses: [String: String] = [
        "run": "dkctl run PROGRAM [ARGS...]",
        "check": "dkctl check FILE",
        "top": "dkctl top [--batch] [-n N] [-d SECONDS] [-s KEY] [--script FILE]",
        "bench": "dkctl bench [--json] [WORKLOAD...] [--size N]",
    ]

    /// The message for `error` from parsing `arguments` (subcommand first, as
    /// ``subcommandFirst(_:)`` puts it). Errors of the root command keep
    /// swift-argument-parser's words.
    static func message(for error: any Error, arguments: [String]) -> String {
        let message = Dkctl.message(for: error)
        guard let command = arguments.first, let synopsis = synopses[command] else { return message }
        return "\(command): \(reworded(message)) (usage: \(synopsis))"
    }

    /// swift-argument-parser's message as dkctl words it: `Missing expected argument
    /// '<program>'` is `missing program`; other messages start lower-case.
    static func reworded(_ message: String) -> String {
        let missing = "Missing expected argument '<"
        if message.hasPrefix(missing), message.hasSuffix(">'") {
            return "missing " + message.dropFirst(missing.count).dropLast(2)
        }
        guard let first = message.first else { return message }
        return first.lowercased() + message.dropFirst()
    }
}
