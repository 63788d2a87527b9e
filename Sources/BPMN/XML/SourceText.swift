/// The XML text as UTF-8 bytes with a line table, to turn the parser's positions (lines and
/// character columns, reported near the end of a start tag) into exact places: where a tag
/// begins, where its content begins, where one of its attributes' value begins.
struct SourceText: Sendable {
    let bytes: [UInt8]
    /// Byte offset of the start of each line (line 1 at index 0).
    let lineStarts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        lineStarts = starts
    }

    /// The byte offset of 1-based `line` and 1-based *character* `column` (clamped to the text).
    func offset(line: Int, characterColumn column: Int) -> Int {
        guard !bytes.isEmpty else { return 0 }
        let lineIndex = min(max(line - 1, 0), lineStarts.count - 1)
        var offset = lineStarts[lineIndex]
        var remaining = max(column - 1, 0)
        while remaining > 0, offset < bytes.count, bytes[offset] != UInt8(ascii: "\n") {
            offset += 1
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }  // continuation bytes
            remaining -= 1
        }
        return min(offset, bytes.count - 1)
    }

    /// The byte offset of a position (line, byte column), clamped to the text.
    func offset(of position: XMLPosition) -> Int {
        let lineIndex = min(max(position.line - 1, 0), lineStarts.count - 1)
        return min(max(lineStarts[lineIndex] + position.column - 1, 0), max(bytes.count - 1, 0))
    }

    /// The position (line, byte column) of byte `offset`.
    func position(of offset: Int) -> XMLPosition {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {  // the last line start <= offset
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return XMLPosition(line: low + 1, column: offset - lineStarts[low] + 1)
    }

    /// The offset of the `<` that starts the tag around `offset` (attribute values cannot hold `<`).
    func tagStart(before offset: Int) -> Int {
        var i = min(offset, bytes.count - 1)
        while i > 0, bytes[i] != UInt8(ascii: "<") { i -= 1 }
        return max(i, 0)
    }

    /// The offset of the first non-blank character of the content of the element whose start
    /// tag begins at `start` (past a `<![CDATA[` that opens the content).
    func contentStart(afterTagAt start: Int) -> Int {
        var i = tagEnd(start)
        i = skipBlanks(i)
        let cdata = Array("<![CDATA[".utf8)
        if i + cdata.count <= bytes.count, Array(bytes[i..<(i + cdata.count)]) == cdata {
            i = skipBlanks(i + cdata.count)
        }
        return i
    }

    private func skipBlanks(_ from: Int) -> Int {
        var i = from
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D {
            i += 1
        }
        return i
    }

    /// The offset just after the `>` closing the start tag that begins at `start`, skipping
    /// quoted attribute values.
    func tagEnd(_ start: Int) -> Int {
        var i = start
        var quote: UInt8?
        while i < bytes.count {
            let b = bytes[i]
            if let q = quote {
                if b == q { quote = nil }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
            } else if b == UInt8(ascii: ">") {
                break
            }
            i += 1
        }
        return min(i + 1, bytes.count)
    }

    /// The offset where the value of attribute `written` (as written, e.g. `camunda:type`)
    /// begins in the start tag at `start`, or nil if it is not found there.
    func attributeValueStart(_ written: String, inTagAt start: Int) -> Int? {
        let name = Array(written.utf8)
        guard !name.isEmpty else { return nil }
        let end = tagEnd(start)
        var i = start + 1
        var quote: UInt8?
        while i + name.count < end {
            let b = bytes[i]
            if let q = quote {
                if b == q { quote = nil }
                i += 1
                continue
            }
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                quote = b
                i += 1
                continue
            }
            let before = bytes[i - 1]
            let boundary = before == 0x20 || before == 0x09 || before == 0x0A || before == 0x0D
            if boundary, Array(bytes[i..<(i + name.count)]) == name {
                var j = i + name.count
                while j < end, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0A || bytes[j] == 0x0D {
                    j += 1
                }
                if j < end, bytes[j] == UInt8(ascii: "=") {
                    j += 1
                    while j < end, bytes[j] != UInt8(ascii: "\"") && bytes[j] != UInt8(ascii: "'") { j += 1 }
                    return min(j + 1, bytes.count)
                }
            }
            i += 1
        }
        return nil
    }
}
