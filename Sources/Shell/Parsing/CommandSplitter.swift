/// Splits shell input into commands: `;` and newlines separate them, except inside quotes or
/// brackets; `#` at the start of a word starts a comment that runs to the end of the line.
enum CommandSplitter {
    /// One command's raw text and the line it starts on (1-based).
    struct Piece: Equatable {
        var text: String
        var line: Int
    }

    static func split(_ input: String) -> [Piece] {
        var pieces: [Piece] = []
        var current = ""
        var line = 1
        var startLine = 1
        var quote: Character?
        var depth = 0
        var inComment = false
        var previous: Character = " "

        func flush() {
            let trimmed = current.trimmingWhitespace()
            if !trimmed.isEmpty { pieces.append(Piece(text: trimmed, line: startLine)) }
            current = ""
        }

        for character in input {
            if inComment {
                if character == "\n" {
                    inComment = false
                    flush()
                    line += 1
                    startLine = line
                    previous = " "
                }
                continue
            }
            if let open = quote {
                current.append(character)
                if character == open && previous != "\\" { quote = nil }
                if character == "\n" { line += 1 }
                previous = character == "\\" && previous == "\\" ? " " : character
                continue
            }
            switch character {
            case "\"", "'":
                quote = character
                current.append(character)
            case "{", "[", "(":
                depth += 1
                current.append(character)
            case "}", "]", ")":
                depth = max(0, depth - 1)
                current.append(character)
            case "#" where previous.isWhitespace || previous == ";":
                inComment = true
            case ";" where depth == 0:
                flush()
                startLine = line
            case "\n":
                if depth == 0 {
                    flush()
                    line += 1
                    startLine = line
                } else {
                    current.append(" ")
                    line += 1
                }
            default:
                current.append(character)
            }
            previous = character
        }
        flush()
        return pieces
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
