/// A command's words after its name, sorted into flags, options with values and positionals.
///
/// A word is a flag or option only if the command declares it; `--` ends them; `-5` and
/// other numbers are positionals. `--name=value` and `--name value` both work.
struct Arguments {
    private(set) var flags: Set<String> = []
    private(set) var options: [String: String] = [:]
    private(set) var positionals: [String] = []

    /// Parses `words`. `flags` and `options` list every spelling (`-a`, `--all`); `aliases`
    /// maps a spelling to the canonical one. With `unknownAfterPositional`, an unknown option
    /// after the first positional is a positional too (a program's own `-c`).
    init(
        _ words: [String], flags: Set<String> = [], options: Set<String> = [],
        aliases: [String: String] = [:], stopAtFirstPositional: Bool = false,
        unknownAfterPositional: Bool = false
    ) throws(CommandFailure) {
        var index = 0
        var onlyPositionals = false
        while index < words.count {
            let word = words[index]
            index += 1
            if onlyPositionals || !word.hasPrefix("-") || word == "-" || Double(word) != nil {
                positionals.append(word)
                if stopAtFirstPositional { onlyPositionals = true }
                continue
            }
            if word == "--" {
                onlyPositionals = true
                continue
            }
            var name = word
            var inlineValue: String?
            if word.hasPrefix("--"), let equals = word.firstIndex(of: "=") {
                name = String(word[..<equals])
                inlineValue = String(word[word.index(after: equals)...])
            }
            let canonical = aliases[name] ?? name
            if flags.contains(name) {
                guard inlineValue == nil else { throw .usage("\(name) takes no value") }
                self.flags.insert(canonical)
            } else if options.contains(name) {
                if let inlineValue {
                    self.options[canonical] = inlineValue
                } else {
                    guard index < words.count else { throw .usage("\(name) needs a value") }
                    self.options[canonical] = words[index]
                    index += 1
                }
            } else if unknownAfterPositional && !positionals.isEmpty {
                positionals.append(word)
            } else {
                throw .usage("unknown option '\(word)'")
            }
        }
    }

    func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// An option's value as an integer in `range`.
    func integer(_ name: String, in range: ClosedRange<Int>) throws(CommandFailure) -> Int? {
        guard let text = options[name] else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw .usage(
                "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'"
            )
        }
        return value
    }
}

/// Parses numbers the way users type them.
enum Quantity {
    /// `4096`, `64K`, `16M`, `1G` (binary units) → bytes.
    static func bytes(_ text: String) -> Int? {
        let upper = text.uppercased()
        let units: [(String, Int)] = [
            ("KIB", 1 << 10), ("MIB", 1 << 20), ("GIB", 1 << 30), ("KB", 1 << 10),
            ("MB", 1 << 20), ("GB", 1 << 30), ("K", 1 << 10), ("M", 1 << 20), ("G", 1 << 30), ("B", 1),
        ]
        for (suffix, scale) in units where upper.hasSuffix(suffix) {
            guard let number = Double(upper.dropLast(suffix.count)), number >= 0,
                number * Double(scale) < 1e15
            else { return nil }
            return Int(number * Double(scale))
        }
        guard let number = Int(upper), number >= 0 else { return nil }
        return number
    }

    /// `0.5` or `2` (seconds), `500ms`, `2s`, `1m`, `10us` → milliseconds.
    static func milliseconds(_ text: String) -> Double? {
        let units: [(String, Double)] = [("ms", 1), ("us", 0.001), ("µs", 0.001), ("s", 1000), ("m", 60_000)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            guard let number = Double(text.dropLast(suffix.count)), number >= 0, number.isFinite else {
                return nil
            }
            return number * scale
        }
        guard let seconds = Double(text), seconds >= 0, seconds.isFinite else { return nil }
        return seconds * 1000
    }
}
