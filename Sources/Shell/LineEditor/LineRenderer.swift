/// The bytes that draw the prompt line, as a pure function of what is shown and the width.
///
/// The line is a single terminal row that scrolls horizontally when prompt and text are wider
/// than the terminal (as linenoise does): the view is the longest stretch of text, starting
/// from the left, that keeps the cursor on the row; when the cursor would fall off the right
/// edge, characters are dropped on the left. The view depends only on the cursor, so any
/// redraw (after a resize, after `printAbove`) gives the same picture.
///
/// Every redraw is: `\r`, prompt, visible text, erase to end of line (`ESC [0K`, left out when
/// the text fills the row: with the cursor in the last column it would erase the last
/// character), `\r`, then `ESC [nC` to the cursor column (left out for column 0: `ESC [0C`
/// moves one column on some terminals).
enum LineRenderer {
    static let eraseLine = "\u{1B}[0K"
    static let clearScreen = "\u{1B}[H\u{1B}[2J"
    static let bell = "\u{7}"

    /// Draws `prompt` and `buffer` on the current row of a terminal `width` columns wide.
    static func refresh(prompt: String, buffer: EditBuffer, width: Int) -> String {
        let columns = max(width, 1)
        let promptWidth = DisplayWidth.of(prompt)
        let widths = buffer.characters.map(DisplayWidth.of)
        let cursor = buffer.cursor
        var start = 0
        var beforeCursor = widths[0..<cursor].reduce(0, +)
        // Drop characters on the left until the cursor column is inside the row.
        while start < cursor, promptWidth + beforeCursor >= columns {
            beforeCursor -= widths[start]
            start += 1
        }
        var end = start
        var used = promptWidth
        while end < widths.count, used + widths[end] <= columns {
            used += widths[end]
            end += 1
        }
        end = max(end, cursor)  // only when the prompt alone fills the row
        let column = promptWidth + beforeCursor
        var out = "\r" + prompt + String(buffer.characters[start..<end])
        if used < columns { out += eraseLine }
        out += "\r"
        if column > 0 { out += "\u{1B}[\(column)C" }
        return out
    }

    /// The last picture of a finished line: the whole text, not scrolled (the terminal wraps
    /// it), so the scrollback shows what was entered; then `suffix` (like "^C") and a new line.
    static func finish(prompt: String, buffer: EditBuffer, suffix: String = "") -> String {
        "\r" + prompt + buffer.text + suffix + eraseLine + "\r\n"
    }

    /// Text to print above the prompt, for raw mode: every line ends with "\r\n" (a last
    /// line without a newline gets one), and "\r\n" in the input stays one line break.
    static func lines(_ text: String) -> String {
        guard !text.isEmpty else { return "" }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n"), previous != UInt8(ascii: "\r") {
                bytes.append(UInt8(ascii: "\r"))
            }
            bytes.append(byte)
            previous = byte
        }
        if previous != UInt8(ascii: "\n") { bytes += [UInt8(ascii: "\r"), UInt8(ascii: "\n")] }
        return String(decoding: bytes, as: UTF8.self)
    }
}
