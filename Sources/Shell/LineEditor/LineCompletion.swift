extension LineEditor {
    /// What the completion callback offers for the line at the cursor.
    ///
    /// Positions count characters (grapheme clusters, Swift's `String.count`), not bytes:
    /// the candidates replace the characters from `replaceFrom` to the cursor. For `spawn wo|`
    /// a completer returns `Completion(replaceFrom: 6, candidates: ["worker", "world"])`.
    public struct Completion: Equatable, Sendable {
        /// Where the word being completed starts, in characters; clamped to `0...cursor`.
        public var replaceFrom: Int
        /// The full replacements for that word (not just their missing suffixes).
        public var candidates: [String]

        /// Candidates replacing the characters from `replaceFrom` to the cursor.
        public init(replaceFrom: Int, candidates: [String]) {
            self.replaceFrom = replaceFrom
            self.candidates = candidates
        }

        /// No candidates: Tab rings the bell.
        public static let none = Completion(replaceFrom: 0, candidates: [])
    }

    /// The completion callback: the whole line and the cursor position (in characters). It
    /// runs on the thread reading the line, without the editor's lock held, so it may call
    /// `printAbove` (but should be quick: the user waits).
    public typealias Completer = @Sendable (_ line: String, _ cursor: Int) -> Completion
}

/// The pure parts of Tab completion: common prefixes and the listing in columns.
enum CompletionText {
    /// The longest common prefix (in characters) of `candidates`.
    static func commonPrefix(_ candidates: [String]) -> String {
        guard var prefix = candidates.first.map(Array.init) else { return "" }
        for candidate in candidates.dropFirst() {
            let other = Array(candidate)
            var length = 0
            while length < min(prefix.count, other.count), prefix[length] == other[length] {
                length += 1
            }
            prefix.removeSubrange(length...)
        }
        return String(prefix)
    }

    /// `candidates` sorted and laid out in columns filling `width`, down then across like
    /// `ls`, two spaces between columns; rows end with "\r\n" (raw mode).
    static func columns(_ candidates: [String], width: Int) -> String {
        let sorted = candidates.sorted()
        guard !sorted.isEmpty else { return "" }
        let cellWidth = (sorted.map(DisplayWidth.of).max() ?? 0) + 2
        let columnCount = max(1, width / cellWidth)
        let rowCount = (sorted.count + columnCount - 1) / columnCount
        var out = ""
        for row in 0..<rowCount {
            var line = ""
            for column in 0..<columnCount {
                let index = column * rowCount + row
                guard index < sorted.count else { break }
                let item = sorted[index]
                let isLast = index + rowCount >= sorted.count || column == columnCount - 1
                line += item
                if !isLast { line += String(repeating: " ", count: cellWidth - DisplayWidth.of(item)) }
            }
            out += line + "\r\n"
        }
        return out
    }
}
