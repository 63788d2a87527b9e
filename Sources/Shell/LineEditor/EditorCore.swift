/// The line editor as a pure state machine: a key in, an `Action` out, no terminal.
///
/// One core lives for one `read`: it holds the line, a scratch copy of the history (lines
/// recalled with Up/Down can be edited; the edits last until the line is entered, like
/// linenoise, and never change the saved history), the kill buffer, and the reverse search
/// while Ctrl-R is active. `EditorSession` turns actions into bytes.
struct EditorCore: Sendable {
    /// What a key asks the terminal layer to do.
    enum Action: Equatable, Sendable {
        /// Nothing changed on screen.
        case none
        /// Redraw the prompt line.
        case refresh
        /// Ring the bell (the key could not do anything).
        case bell
        /// Clear the screen, then redraw.
        case clearScreen
        /// Print the completion candidates below the line, then redraw.
        case list([String])
        /// Enter: the line is done.
        case accept(String)
        /// Ctrl-C: the line is abandoned.
        case interrupt
        /// Ctrl-D on an empty line.
        case endOfInput
    }

    let prompt: String
    private(set) var buffer = EditBuffer()
    /// The saved history plus the line being typed, last; `historyIndex` points at the one
    /// shown.
    private var scratch: [String]
    private var historyIndex: Int
    private let entries: [String]
    private(set) var search: ReverseSearch?
    /// What Ctrl-K/U/W last removed, for Ctrl-Y. Kept across lines by the session.
    var killed = ""
    private var lastKeyWasTab = false

    init(prompt: String, history: [String], killed: String = "") {
        self.prompt = prompt
        entries = history
        scratch = history + [""]
        historyIndex = history.count
        self.killed = killed
    }

    /// The prompt and line to draw: the search's while Ctrl-R is active.
    var display: (prompt: String, buffer: EditBuffer) {
        if let search { return (search.prompt, search.shown) }
        return (prompt, buffer)
    }

    /// Whether Tab completes (it does not during a search).
    var completes: Bool { search == nil }

    /// Handles one key. For `.tab`, `completion` is what the completer offered for the
    /// current line and cursor (nil: no completer, Tab inserts nothing and rings).
    mutating func handle(_ key: EditorKey, completion: LineEditor.Completion? = nil) -> Action {
        let wasTab = lastKeyWasTab
        lastKeyWasTab = key == .tab
        guard search != nil else { return edit(key, completion: completion, listing: wasTab) }
        if let action = handleSearch(key) { return action }
        // The search ended on this key: the screen changes even if the key does nothing.
        switch edit(key, completion: completion, listing: wasTab) {
        case .none, .bell: return .refresh
        case let action: return action
        }
    }

    private mutating func edit(
        _ key: EditorKey, completion: LineEditor.Completion?, listing wasTab: Bool
    ) -> Action {
        switch key {
        case .character(let character):
            buffer.insert(character)
            return .refresh
        case .enter: return .accept(buffer.text)
        case .tab: return complete(completion, listing: wasTab)
        case .backspace: return redraw(buffer.deleteBackward())
        case .delete: return redraw(buffer.deleteForward())
        case .left, .ctrl("b"): return redraw(buffer.moveLeft())
        case .right, .ctrl("f"): return redraw(buffer.moveRight())
        case .home, .ctrl("a"): return redraw(buffer.moveHome())
        case .end, .ctrl("e"): return redraw(buffer.moveEnd())
        case .wordLeft, .alt("b"): return redraw(buffer.moveWordLeft())
        case .wordRight, .alt("f"): return redraw(buffer.moveWordRight())
        case .up, .ctrl("p"): return recall(historyIndex - 1)
        case .down, .ctrl("n"): return recall(historyIndex + 1)
        case .ctrl("d"):
            return buffer.isEmpty ? .endOfInput : redraw(buffer.deleteForward())
        case .ctrl("k"): return kill(buffer.killToEnd())
        case .ctrl("u"): return kill(buffer.killToStart())
        case .ctrl("w"): return kill(buffer.killBlankWordBackward())
        case .altBackspace: return kill(buffer.killWordBackward())
        case .alt("d"): return kill(buffer.killWordForward())
        case .ctrl("y"):
            guard !killed.isEmpty else { return .bell }
            buffer.insert(killed)
            return .refresh
        case .ctrl("l"): return .clearScreen
        case .ctrl("c"): return .interrupt
        case .ctrl("r"):
            search = ReverseSearch(original: buffer)
            return .refresh
        default: return .none
        }
    }

    /// Keys during a search; nil means "the search ended, handle the key as usual".
    private mutating func handleSearch(_ key: EditorKey) -> Action? {
        guard var current = search else { return nil }
        switch key {
        case .character(let character):
            current.append(character, in: entries)
        case .backspace:
            current.deleteBackward(in: entries)
        case .ctrl("r"):
            current.searchOlder(in: entries)
        case .ctrl("g"), .escape:
            search = nil
            buffer = current.original
            return .refresh
        case .ctrl("c"):
            search = nil
            buffer = current.shown
            return .interrupt
        default:  // accept the match and let the key act on it (Enter enters it)
            search = nil
            buffer = current.shown
            if let index = current.matchIndex {
                historyIndex = index
                scratch[index] = buffer.text
            }
            return nil
        }
        search = current
        return .refresh
    }

    private func redraw(_ changed: Bool) -> Action { changed ? .refresh : .none }

    private mutating func kill(_ text: String) -> Action {
        guard !text.isEmpty else { return .none }
        killed = text
        return .refresh
    }

    /// Shows history entry `index` (the last one is the line being typed), keeping the
    /// edits made to the one left.
    private mutating func recall(_ index: Int) -> Action {
        guard scratch.indices.contains(index) else { return .bell }
        scratch[historyIndex] = buffer.text
        historyIndex = index
        buffer = EditBuffer(scratch[index])
        return .refresh
    }

    /// Tab: one candidate completes (with a space unless it ends in "/"); several complete
    /// their common prefix, or are listed on the second Tab in a row.
    private mutating func complete(_ completion: LineEditor.Completion?, listing: Bool) -> Action {
        guard let completion, !completion.candidates.isEmpty else { return .bell }
        let from = min(max(completion.replaceFrom, 0), buffer.cursor)
        let word = String(buffer.characters[from..<buffer.cursor])
        if completion.candidates.count == 1, let only = completion.candidates.first {
            buffer.replace(from..<buffer.cursor, with: only.hasSuffix("/") ? only : only + " ")
            return .refresh
        }
        let prefix = CompletionText.commonPrefix(completion.candidates)
        if prefix.count > word.count {
            buffer.replace(from..<buffer.cursor, with: prefix)
            return .refresh
        }
        return listing ? .list(completion.candidates) : .bell
    }
}
