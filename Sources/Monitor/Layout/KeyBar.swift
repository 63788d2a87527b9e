/// The bottom line: the function keys as in htop, or a prompt or a status message.
enum KeyBar {
    static func keys(treeMode: Bool) -> [(String, String)] {
        [
            ("F1", "Help"), ("F3", "Search"), ("F4", "Filter"), ("F5", treeMode ? "List" : "Tree"),
            ("F6", "SortBy"), ("F7", "Nice-"), ("F8", "Nice+"), ("F9", "Kill"), ("F10", "Quit"),
        ]
    }

    /// `F1Help  F3Search …`, numbers and labels styled, cut to `width`.
    static func line(_ keys: [(String, String)], width: Int) -> ScreenLine {
        var line = ScreenLine("")
        var position = 0
        for (key, label) in keys {
            let cell = label.padded(to: max(label.count + 1, 6))
            guard position + key.count + cell.count <= width else { break }
            line.spans.append(StyledSpan(start: position, length: key.count, style: .keyNumber))
            line.spans.append(StyledSpan(start: position + key.count, length: cell.count, style: .keyLabel))
            line.text += key + cell
            position += key.count + cell.count
        }
        line.text = line.text.padded(to: width)
        return line
    }

    /// A prompt (`Search: wor`) with the keys that finish it.
    static func prompt(_ label: String, text: String, failed: Bool, width: Int, hint: String) -> ScreenLine {
        let head = label + ": "
        let body = text + "_"
        var line = ScreenLine((head + body + "   " + hint).padded(to: width))
        line.spans.append(StyledSpan(start: 0, length: TextWidth.of(head), style: .keyLabel))
        if failed {
            line.spans.append(
                StyledSpan(start: TextWidth.of(head), length: TextWidth.of(body), style: .error))
        }
        return line
    }

    /// A status message, red when it reports a failure.
    static func status(_ message: String, isError: Bool, width: Int) -> ScreenLine {
        ScreenLine(message, width: width, style: isError ? .error : .notice)
    }
}
