/// One shell command: its name, its help, and what it does.
struct CommandSpec: Sendable {
    let name: String
    /// `kill [-SIG | -s SIG] ID...`
    let synopsis: String
    /// One line for `help`.
    let summary: String
    /// The rest of `help NAME`: options, details, examples.
    let details: String
    /// Given the words after the name, how many come before the rest of the line is taken
    /// raw (a message literal); nil when the command takes only words.
    let rawAfter: (@Sendable ([String]) -> Int)?
    let action: @Sendable (ShellSession, CommandInput) throws(CommandFailure) -> Void

    init(
        _ name: String, synopsis: String, summary: String, details: String = "",
        rawAfter: (@Sendable ([String]) -> Int)? = nil,
        action: @escaping @Sendable (ShellSession, CommandInput) throws(CommandFailure) -> Void
    ) {
        self.name = name
        self.synopsis = synopsis
        self.summary = summary
        self.details = details
        self.rawAfter = rawAfter
        self.action = action
    }
}

/// What a command was given: its words (without the name) and, for commands with a raw
/// tail, the rest of the line as typed (variables expanded).
struct CommandInput {
    var words: [String]
    var raw: String?
}

/// Every command, by name.
enum CommandCatalogue {
    static let all: [CommandSpec] =
        processCommands + listingCommands + messageCommands + busCommands + programCommands + kernelCommands
        + monitorCommands + teachingCommands
        + sessionCommands

    static let byName: [String: CommandSpec] = Dictionary(all.map { ($0.name, $0) }) { first, _ in first }

    /// The known command closest to `name` (for "did you mean"), if any is close.
    static func suggestion(for name: String) -> String? {
        let scored = all.map { ($0.name, editDistance($0.name, name)) }.min { $0.1 < $1.1 }
        guard let (best, distance) = scored, distance <= (name.count >= 4 ? 2 : 1) else {
            return all.first { $0.name.hasPrefix(name) && !name.isEmpty }?.name
        }
        return best
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(
                    previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
