import Kernel

/// How a stretch of a line is drawn. The terminal layer maps styles to curses attributes and
/// colours (or only attributes with no colour); the text layer never sees escape codes.
public enum Style: Sendable, Equatable {
    /// The monitor's title and labels.
    case title
    /// The column header line of a table.
    case columnHeader
    /// The selected row (and the chosen entry of a menu).
    case selected
    /// A tagged row.
    case tagged
    /// A process state, coloured by state.
    case state(ProcessState)
    /// A thread state, coloured by state.
    case threadState(ThreadState)
    /// The filled part of a load bar.
    case meter
    /// The tree lines left of a name.
    case treeLine
    /// A function key's number in the key bar.
    case keyNumber
    /// A function key's label in the key bar.
    case keyLabel
    /// A status message that reports a failure.
    case error
    /// Something that reports an ongoing mode (`[paused]`, the search prompt).
    case notice
}

/// A stretch of cells `start..<start+length` of a line, drawn in `style`.
public struct StyledSpan: Sendable, Equatable {
    public var start: Int
    public var length: Int
    public var style: Style

    public init(start: Int, length: Int, style: Style) {
        self.start = start
        self.length = length
        self.style = style
    }
}

/// One line of the screen: its text (never wider than the screen) and styled stretches of it.
/// Later spans are drawn over earlier ones.
public struct ScreenLine: Sendable, Equatable {
    public var text: String
    public var spans: [StyledSpan]

    public init(_ text: String, spans: [StyledSpan] = []) {
        self.text = text
        self.spans = spans
    }

    /// The whole line (`width` cells) in one style.
    public init(_ text: String, width: Int, style: Style) {
        self.text = text.padded(to: width)
        self.spans = [StyledSpan(start: 0, length: width, style: style)]
    }

    /// The line prefixed with `prefix`, its spans shifted.
    func shifted(by prefix: String) -> ScreenLine {
        let offset = TextWidth.of(prefix)
        return ScreenLine(
            prefix + text,
            spans: spans.map { StyledSpan(start: $0.start + offset, length: $0.length, style: $0.style) })
    }
}
