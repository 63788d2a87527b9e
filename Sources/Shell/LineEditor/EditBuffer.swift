/// The line being edited: characters (grapheme clusters) and a cursor between them.
///
/// Positions count `Character`s, not bytes or columns: the cursor is in `0...count`.
/// Every command is a no-op at a boundary (Left at 0, Delete at the end) and says whether it
/// changed anything, so the caller knows whether to redraw or ring the bell.
struct EditBuffer: Equatable, Sendable {
    private(set) var characters: [Character]
    private(set) var cursor: Int

    /// A buffer holding `text`, with the cursor at the end unless `cursor` says otherwise
    /// (clamped to the text).
    init(_ text: String = "", cursor: Int? = nil) {
        characters = Array(text)
        self.cursor = min(max(cursor ?? characters.count, 0), characters.count)
    }

    var text: String { String(characters) }
    var isEmpty: Bool { characters.isEmpty }
    var count: Int { characters.count }

    // MARK: Inserting

    /// Inserts one character at the cursor. A combining mark (or anything else that joins the
    /// character before it into one grapheme, like a ZWJ sequence) merges with it.
    mutating func insert(_ character: Character) {
        if cursor > 0 {
            let merged = String(characters[cursor - 1]) + String(character)
            if merged.count == 1, let joined = merged.first {
                characters[cursor - 1] = joined
                return
            }
        }
        characters.insert(character, at: cursor)
        cursor += 1
    }

    /// Inserts text at the cursor and moves the cursor after it.
    mutating func insert(_ text: String) {
        for character in text { insert(character) }
    }

    /// Replaces the characters in `range` (clamped) with `text`, leaving the cursor after it.
    mutating func replace(_ range: Range<Int>, with text: String) {
        let lower = min(max(range.lowerBound, 0), characters.count)
        let upper = min(max(range.upperBound, lower), characters.count)
        characters.replaceSubrange(lower..<upper, with: Array(text))
        cursor = lower + text.count
    }

    // MARK: Moving

    @discardableResult mutating func moveLeft() -> Bool { move(to: cursor - 1) }
    @discardableResult mutating func moveRight() -> Bool { move(to: cursor + 1) }
    @discardableResult mutating func moveHome() -> Bool { move(to: 0) }
    @discardableResult mutating func moveEnd() -> Bool { move(to: characters.count) }
    @discardableResult mutating func moveWordLeft() -> Bool { move(to: wordStart(before: cursor)) }
    @discardableResult mutating func moveWordRight() -> Bool { move(to: wordEnd(after: cursor)) }

    /// Moves the cursor to `position` if it is inside the text.
    @discardableResult mutating func move(to position: Int) -> Bool {
        guard (0...characters.count).contains(position), position != cursor else { return false }
        cursor = position
        return true
    }

    // MARK: Deleting

    /// Backspace: deletes the character before the cursor.
    @discardableResult mutating func deleteBackward() -> Bool {
        guard cursor > 0 else { return false }
        cursor -= 1
        characters.remove(at: cursor)
        return true
    }

    /// Delete: deletes the character under the cursor.
    @discardableResult mutating func deleteForward() -> Bool {
        guard cursor < characters.count else { return false }
        characters.remove(at: cursor)
        return true
    }

    /// Ctrl-K: removes and returns the text from the cursor to the end.
    mutating func killToEnd() -> String { kill(cursor..<characters.count) }

    /// Ctrl-U: removes and returns the text from the start to the cursor.
    mutating func killToStart() -> String { kill(0..<cursor) }

    /// Ctrl-W: removes and returns the whitespace-delimited word before the cursor (with the
    /// blanks between it and the cursor), like readline's `unix-word-rubout`.
    mutating func killBlankWordBackward() -> String {
        var start = cursor
        while start > 0, characters[start - 1].isWhitespace { start -= 1 }
        while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
        return kill(start..<cursor)
    }

    /// Alt-Backspace: removes and returns the alphanumeric word before the cursor.
    mutating func killWordBackward() -> String { kill(wordStart(before: cursor)..<cursor) }

    /// Alt-D: removes and returns the alphanumeric word after the cursor.
    mutating func killWordForward() -> String { kill(cursor..<wordEnd(after: cursor)) }

    private mutating func kill(_ range: Range<Int>) -> String {
        let killed = String(characters[range])
        characters.removeSubrange(range)
        cursor = range.lowerBound
        return killed
    }

    // MARK: Words

    /// Words, for Alt-B/F, are runs of letters and digits (readline's definition).
    private static func isWord(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    private func wordStart(before position: Int) -> Int {
        var index = position
        while index > 0, !Self.isWord(characters[index - 1]) { index -= 1 }
        while index > 0, Self.isWord(characters[index - 1]) { index -= 1 }
        return index
    }

    private func wordEnd(after position: Int) -> Int {
        var index = position
        while index < characters.count, !Self.isWord(characters[index]) { index += 1 }
        while index < characters.count, Self.isWord(characters[index]) { index += 1 }
        return index
    }
}
