/// How many terminal columns text takes, without the C locale (`wcwidth` depends on
/// `setlocale`; this table does not, so tests are deterministic).
///
/// Combining marks and format characters take 0 columns, East Asian wide and fullwidth
/// characters and emoji 2, everything else 1. A cheap approximation of `wcwidth`, good for
/// the characters a shell line holds.
enum DisplayWidth {
    /// Columns of one grapheme cluster: the width of its first scalar (a base character
    /// carries the cluster), 2 for an emoji presentation sequence.
    static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.contains("\u{FE0F}") { return 2 }  // emoji presentation selector
        return of(first)
    }

    /// Columns of a string that may hold ANSI escape sequences (`ESC [ … final`), which take
    /// none: prompts are often coloured.
    static func of(_ text: String) -> Int {
        var width = 0
        var inEscape = false
        var sawBracket = false
        for character in text {
            if inEscape {
                let value = character.unicodeScalars.first?.value ?? 0
                if !sawBracket {
                    sawBracket = true
                    if character != "[" { inEscape = false }  // two-byte escape: done
                } else if (0x40...0x7E).contains(value) {
                    inEscape = false
                }
            } else if character == "\u{1B}" {
                inEscape = true
                sawBracket = false
            } else {
                width += of(character)
            }
        }
        return width
    }

    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if value == 0x200B { return 0 }
        if scalar.properties.isEmojiPresentation { return 2 }
        return wideRanges.contains { $0.contains(value) } ? 2 : 1
    }

    /// East Asian Wide and Fullwidth blocks (after Markus Kuhn's `wcwidth`).
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
