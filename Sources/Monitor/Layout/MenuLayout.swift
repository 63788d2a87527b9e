/// A menu on the left of the table (F6 sort, F9 signals), htop style: the table moves right.
struct MenuLayout {
    static let width = 16

    let title: String
    let entries: [String]
    let selection: Int

    /// Puts the menu left of `lines` (the table area: header line first), cut to `width`.
    func overlay(_ lines: [ScreenLine], width: Int) -> [ScreenLine] {
        let menuWidth = MenuLayout.width
        return lines.enumerated().map { position, line in
            var cell: String
            var style: Style?
            if position == 0 {
                cell = title
                style = .columnHeader
            } else if position - 1 < entries.count {
                cell = " " + entries[position - 1]
                style = position - 1 == selection ? .selected : nil
            } else {
                cell = ""
            }
            cell = cell.padded(to: menuWidth - 1) + (position == 0 ? " " : "|")
            var shifted = line.shifted(by: cell)
            shifted.text = shifted.text.truncated(to: width)
            shifted.spans = shifted.spans.compactMap { span in
                guard span.start < width else { return nil }
                return StyledSpan(
                    start: span.start, length: min(span.length, width - span.start), style: span.style)
            }
            if let style { shifted.spans.append(StyledSpan(start: 0, length: menuWidth - 1, style: style)) }
            return shifted
        }
    }
}
