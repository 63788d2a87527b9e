/// Ctrl-R: incremental search backwards through the history, readline's
/// `(reverse-i-search)'query': match`.
///
/// The search looks at entries from the newest to the oldest for one containing `query`;
/// the match shown is the entry, with the cursor on the last occurrence. Typing narrows the
/// query and searches again from the current match (it may still match); Ctrl-R looks for an
/// older entry (a different one); Backspace shortens the query and starts again from the
/// newest. When nothing matches, `failed` is set and the previous match stays on screen.
struct ReverseSearch: Equatable, Sendable {
    /// The line and cursor before the search began: shown while nothing matched yet, and
    /// restored on cancel.
    let original: EditBuffer
    private(set) var query = ""
    /// The index in the history of the entry shown, or nil (the original line is shown).
    private(set) var matchIndex: Int?
    private(set) var failed = false
    /// The line to show and edit: the match, with the cursor on the query in it.
    private(set) var shown: EditBuffer

    init(original: EditBuffer) {
        self.original = original
        shown = original
    }

    /// The prompt readline shows during the search.
    var prompt: String { (failed ? "(failed reverse-i-search)'" : "(reverse-i-search)'") + query + "': " }

    /// Appends `character` to the query and searches from the current match.
    mutating func append(_ character: Character, in entries: [String]) {
        query.append(character)
        search(in: entries, from: matchIndex ?? entries.count - 1, skipping: nil)
    }

    /// Backspace: shortens the query and searches again from the newest entry.
    mutating func deleteBackward(in entries: [String]) {
        guard !query.isEmpty else { return }
        query.removeLast()
        matchIndex = nil
        failed = false
        shown = original
        if !query.isEmpty { search(in: entries, from: entries.count - 1, skipping: nil) }
    }

    /// Ctrl-R again: the next older entry holding the query (and differing from the match).
    mutating func searchOlder(in entries: [String]) {
        guard !query.isEmpty else { return }
        let from = (matchIndex ?? entries.count) - 1
        search(in: entries, from: from, skipping: matchIndex == nil ? nil : shown.text)
    }

    private mutating func search(in entries: [String], from start: Int, skipping: String?) {
        var index = min(start, entries.count - 1)
        while index >= 0 {
            let entry = entries[index]
            if entry != skipping, let offset = Self.lastOffset(of: query, in: entry) {
                matchIndex = index
                failed = false
                shown = EditBuffer(entry, cursor: offset)
                return
            }
            index -= 1
        }
        failed = true
    }

    /// The character offset of the last occurrence of `needle` in `haystack`.
    static func lastOffset(of needle: String, in haystack: String) -> Int? {
        let hay = Array(haystack)
        let pin = Array(needle)
        guard !pin.isEmpty, pin.count <= hay.count else { return nil }
        for start in stride(from: hay.count - pin.count, through: 0, by: -1)
        where hay[start..<start + pin.count].elementsEqual(pin) {
            return start
        }
        return nil
    }
}
