/// A text table: a header row and aligned columns, numbers right-aligned, cut to a width.
struct Table {
    /// How a column aligns.
    enum Alignment { case left, right }

    struct Column {
        var title: String
        var alignment: Alignment
    }

    var columns: [Column]
    var rows: [[String]] = []

    init(_ columns: [(String, Alignment)]) {
        self.columns = columns.map { Column(title: $0.0, alignment: $0.1) }
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    /// The lines, each at most `width` characters when a width is given (the last column
    /// is cut first). Trailing spaces are trimmed.
    func render(width: Int? = nil) -> [String] {
        var widths = columns.map { $0.title.count }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        func line(_ cells: [String]) -> String {
            var text = ""
            for (index, column) in columns.enumerated() {
                let cell = index < cells.count ? cells[index] : ""
                let padding = String(repeating: " ", count: max(0, widths[index] - cell.count))
                if index > 0 { text += "  " }
                text += column.alignment == .right ? padding + cell : cell + padding
            }
            while text.last == " " { text.removeLast() }
            if let width, text.count > width { text = String(text.prefix(width)) }
            return text
        }
        return [line(columns.map(\.title))] + rows.map(line)
    }
}
