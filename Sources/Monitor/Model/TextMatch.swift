import Kernel

/// What search (F3) and filter (F4) look for: a name containing the text (ignoring ASCII case),
/// or a PID equal to it.
struct TextMatch {
    private let needle: [UInt8]
    private let pid: PID?

    /// nil for empty text, which matches everything.
    init?(_ text: String) {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty else { return nil }
        needle = Array(trimmed.utf8).map(TextMatch.fold)
        pid = PID(trimmed)
    }

    /// Which processes of `sample` match, by row index. Each name entry is searched once, not
    /// once per process.
    func matches(in sample: ProcessSample) -> [Bool] {
        let byName = sample.names.map(contains)
        return sample.rows.map { byName[Int($0.name)] || $0.pid == pid }
    }

    /// A substring search on UTF-8 bytes with ASCII case folding; allocates nothing.
    func contains(_ haystack: String) -> Bool {
        var name = haystack
        return name.withUTF8 { bytes in
            let count = needle.count
            guard bytes.count >= count else { return false }
            var start = 0
            while start + count <= bytes.count {
                var offset = 0
                while offset < count && TextMatch.fold(bytes[start + offset]) == needle[offset] {
                    offset += 1
                }
                if offset == count { return true }
                start += 1
            }
            return false
        }
    }

    private static func fold(_ byte: UInt8) -> UInt8 {
        byte >= 65 && byte <= 90 ? byte + 32 : byte
    }
}

extension String {
    /// Without leading and trailing spaces.
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
