/// The lines entered before, oldest first, at most `limit` of them.
///
/// `add` follows the shells' habits: no empty lines, no consecutive duplicates, and a line
/// starting with a space is not remembered (a way to keep one command out of the history).
struct LineHistory: Equatable, Sendable {
    /// The default bound on remembered lines.
    static let defaultLimit = 1000

    private(set) var entries: [String] = []
    let limit: Int

    init(limit: Int = defaultLimit, entries: [String] = []) {
        self.limit = max(limit, 0)
        for entry in entries { add(entry) }
    }

    /// Remembers `line` unless the rules above skip it; returns whether it was added.
    @discardableResult mutating func add(_ line: String) -> Bool {
        guard !line.allSatisfy(\.isWhitespace), line.first != " ", line != entries.last,
            !line.contains(where: \.isNewline)
        else { return false }
        entries.append(line)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        return limit > 0
    }
}
