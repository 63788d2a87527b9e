/// Splits one command into words as sh does: white space separates, quotes group (and are
/// removed), `$` variables expand outside single quotes. Each word remembers where it starts
/// in the raw text, so a command can take the rest of the line raw (a message literal).
struct WordSplitter {
    /// A word and the offset (in characters) where it starts in the raw command.
    struct Word: Equatable {
        var text: String
        var start: Int
    }

    /// Looks up `$NAME` (`!`, `?`, `$`, `#`, `@`, `0`…`9`); nil leaves it as typed.
    let expand: (String) -> String?

    func words(_ raw: String) throws(CommandFailure) -> [Word] {
        let characters = Array(raw)
        var words: [Word] = []
        var index = 0
        while index < characters.count {
            while index < characters.count, characters[index].isWhitespace { index += 1 }
            guard index < characters.count else { break }
            let start = index
            var text = ""
            var quote: Character?
            while index < characters.count {
                let character = characters[index]
                if let open = quote {
                    if character == open {
                        quote = nil
                    } else if character == "$" && open == "\"" {
                        index = expandVariable(characters, at: index, into: &text)
                        continue
                    } else if character == "\\" && open == "\"" && index + 1 < characters.count {
                        index += 1
                        text.append(characters[index])
                    } else {
                        text.append(character)
                    }
                    index += 1
                    continue
                }
                if character.isWhitespace { break }
                switch character {
                case "\"", "'":
                    quote = character
                case "$":
                    index = expandVariable(characters, at: index, into: &text)
                    continue
                case "\\" where index + 1 < characters.count:
                    index += 1
                    text.append(characters[index])
                default:
                    text.append(character)
                }
                index += 1
            }
            if quote != nil { throw CommandFailure.usage("unterminated \(quote == "'" ? "'" : "\"") quote") }
            words.append(Word(text: text, start: start))
        }
        return words
    }

    /// The command a raw line starts with, for an error found while splitting it (an
    /// unterminated quote): its first word when that is plain (no quote, `$` or backslash),
    /// else nil, as the name cannot be told without splitting.
    static func commandName(in raw: String) -> String? {
        let first = raw.trimmingWhitespace().prefix { !$0.isWhitespace }
        guard !first.isEmpty, !first.contains(where: { "\"'$\\".contains($0) }) else { return nil }
        return String(first)
    }

    /// Expands variables in raw text (for message literals), leaving quotes in place and
    /// single-quoted text alone.
    func expandRaw(_ raw: String) -> String {
        let characters = Array(raw)
        var text = ""
        var index = 0
        var quote: Character?
        while index < characters.count {
            let character = characters[index]
            if character == "$" && quote != "'" {
                index = expandVariable(characters, at: index, into: &text)
                continue
            }
            if character == "\"" || character == "'" {
                if quote == nil { quote = character } else if quote == character { quote = nil }
            }
            text.append(character)
            index += 1
        }
        return text
    }

    /// Appends the expansion of the variable at `index` (which holds `$`); returns the index
    /// after it.
    private func expandVariable(_ characters: [Character], at index: Int, into text: inout String) -> Int {
        let next = index + 1
        guard next < characters.count else {
            text.append("$")
            return next
        }
        let name: String
        var end = next + 1
        if "!?$#@".contains(characters[next]) || characters[next].isASCII && characters[next].isNumber {
            name = String(characters[next])
        } else if characters[next] == "{", let close = characters[next...].firstIndex(of: "}") {
            name = String(characters[(next + 1)..<close])
            end = close + 1
        } else {
            text.append("$")
            return next
        }
        if let value = expand(name) {
            text += value
        } else {
            text += "$" + String(characters[next..<end])
        }
        return end
    }
}
