/// Terminal cell widths of text, without the C library (whose `wcwidth` depends on the locale):
/// East Asian wide characters take two cells, combining marks none, everything else one.
enum TextWidth {
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return value < 0x20 || value == 0x7F ? 0 : 1 }
        if (0x300...0x36F).contains(value) || (0x200B...0x200F).contains(value) || value == 0xFE0F {
            return 0
        }
        if (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
            || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
            || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1F64F).contains(value)
            || (0x1F900...0x1F9FF).contains(value) || (0x20000...0x3FFFD).contains(value)
        {
            return 2
        }
        return 1
    }

    static func of(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars { width += of(scalar) }
        return width
    }
}

extension String {
    /// Cut to at most `width` cells; with `ellipsis`, a cut ends in `…` (`~` in ASCII).
    func truncated(to width: Int, ellipsis: String? = nil) -> String {
        guard width > 0 else { return "" }
        if utf8.count <= width && utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return self }
        guard TextWidth.of(self) > width else { return self }
        let mark = ellipsis ?? ""
        let room = width - TextWidth.of(mark)
        var result = String.UnicodeScalarView()
        var used = 0
        for scalar in unicodeScalars {
            let cells = TextWidth.of(scalar)
            if used + cells > room { break }
            result.append(scalar)
            used += cells
        }
        return String(result) + (room >= 0 ? mark : "")
    }

    /// Cut or padded with spaces on the right to exactly `width` cells.
    func padded(to width: Int) -> String {
        let cut = truncated(to: width)
        let cells = TextWidth.of(cut)
        return cells < width ? cut + String(repeating: " ", count: width - cells) : cut
    }

    /// Cut, or padded with spaces on the left, to exactly `width` cells.
    func leftPadded(to width: Int) -> String {
        let cut = truncated(to: width)
        let cells = TextWidth.of(cut)
        return cells < width ? String(repeating: " ", count: width - cells) + cut : cut
    }
}
