@testable import Shell

/// Drives an `EditorSession` with bytes as a terminal would, collecting what it writes.
struct EditorHarness {
    var session: EditorSession
    var decoder = KeyDecoder()
    var width: Int
    var completer: LineEditor.Completer?
    /// Everything written since the last `takeOutput()`.
    var output = ""
    var result: LineEditor.ReadResult?

    init(
        prompt: String = "> ", history: [String] = [], width: Int = 80,
        completer: LineEditor.Completer? = nil
    ) {
        session = EditorSession(prompt: prompt, history: history)
        self.width = width
        self.completer = completer
    }

    var line: String { session.core.buffer.text }
    var cursor: Int { session.core.buffer.cursor }
    /// What is on screen: the search's line during Ctrl-R.
    var shown: (prompt: String, text: String, cursor: Int) {
        let display = session.core.display
        return (display.prompt, display.buffer.text, display.buffer.cursor)
    }

    /// Feeds the UTF-8 bytes of `text` (control characters included).
    mutating func type(_ text: String) { feed(Array(text.utf8)) }

    /// Feeds raw bytes; a trailing lone Esc stays pending until `timeout()`.
    mutating func feed(_ bytes: [UInt8]) {
        for key in decoder.decode(bytes) { press(key) }
    }

    /// The reader's poll timed out: a pending Esc becomes a key.
    mutating func timeout() {
        for key in decoder.flush() { press(key) }
    }

    /// Ctrl plus a letter.
    mutating func ctrl(_ letter: Character) {
        feed([(letter.asciiValue ?? 0) & 0x1F])
    }

    mutating func press(_ key: EditorKey) {
        var completion: LineEditor.Completion?
        if key == .tab, session.core.completes, let completer {
            completion = completer(line, cursor)
        }
        let (out, result) = session.handle(key, completion: completion, width: width)
        output += out
        if let result { self.result = result }
    }

    mutating func takeOutput() -> String {
        defer { output = "" }
        return output
    }
}

/// ESC, for building expected output.
let esc = "\u{1B}"
