/// Turns the bytes read from a terminal in raw mode into `EditorKey`s.
///
/// Bytes may arrive split anywhere (an escape sequence or a UTF-8 character across two reads):
/// the decoder keeps an incomplete tail in `pending`. A lone Esc is ambiguous (it also starts
/// every escape sequence), so the reader calls `flush()` when no byte followed within a short
/// timeout, and the Esc becomes `.escape`.
struct KeyDecoder: Sendable {
    /// Longest escape sequence accepted before the bytes are dropped as `.unknown`.
    static let maxSequenceLength = 32

    private var pending: [UInt8] = []

    /// Whether bytes wait for more input (the reader should use a short timeout and `flush()`).
    var hasPending: Bool { !pending.isEmpty }

    /// Decodes `bytes`, returning every key they complete.
    mutating func decode(_ bytes: some Sequence<UInt8>) -> [EditorKey] {
        var keys: [EditorKey] = []
        for byte in bytes {
            pending.append(byte)
            drain(into: &keys)
        }
        return keys
    }

    /// Gives up waiting: a pending Esc becomes `.escape` (the rest is decoded anew), any other
    /// incomplete sequence is dropped as `.unknown`.
    mutating func flush() -> [EditorKey] {
        var keys: [EditorKey] = []
        while let first = pending.first {
            pending.removeFirst()
            keys.append(first == 0x1B ? .escape : .unknown)
            let rest = pending
            pending = []
            keys += decode(rest)
        }
        return keys
    }

    private mutating func drain(into keys: inout [EditorKey]) {
        while !pending.isEmpty, case .key(let key, let length) = Self.parse(pending[...]) {
            keys.append(key)
            pending.removeFirst(length)
        }
    }

    private enum Parse {
        case key(EditorKey, Int)
        case needMore
    }

    private static func parse(_ bytes: ArraySlice<UInt8>) -> Parse {
        guard let first = bytes.first else { return .needMore }
        switch first {
        case 0x1B: return parseEscape(bytes)
        case 0x00..<0x20, 0x7F: return .key(control(first), 1)
        case 0x20..<0x80: return .key(.character(Character(Unicode.Scalar(first))), 1)
        default: return parseUTF8(bytes)
        }
    }

    private static func control(_ byte: UInt8) -> EditorKey {
        switch byte {
        case 13, 10: return .enter
        case 9: return .tab
        case 8, 0x7F: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(byte + 0x60)))
        default: return .unknown
        }
    }

    private static func parseEscape(_ bytes: ArraySlice<UInt8>) -> Parse {
        let start = bytes.startIndex
        guard bytes.count >= 2 else { return .needMore }
        let second = bytes[start + 1]
        switch second {
        case UInt8(ascii: "["): return parseCSI(bytes)
        case UInt8(ascii: "O"):
            guard bytes.count >= 3 else { return .needMore }
            return .key(arrow(bytes[start + 2]) ?? .unknown, 3)
        case 0x7F, 8: return .key(.altBackspace, 2)
        case 0x20..<0x7F: return .key(.alt(Character(Unicode.Scalar(second))), 2)
        default: return .key(.escape, 1)  // Esc Esc, or Esc then a control: two keys
        }
    }

    /// `ESC [ params final`: parameters and intermediates are 0x20...0x3F, the final byte
    /// 0x40...0x7E.
    private static func parseCSI(_ bytes: ArraySlice<UInt8>) -> Parse {
        let body = bytes.dropFirst(2)
        guard let end = body.firstIndex(where: { (0x40...0x7E).contains($0) }) else {
            if body.contains(where: { !(0x20...0x3F).contains($0) }) {
                return .key(.unknown, bytes.count)  // malformed: drop what we have
            }
            return bytes.count >= maxSequenceLength ? .key(.unknown, bytes.count) : .needMore
        }
        let length = end - bytes.startIndex + 1
        let params = String(decoding: body[..<end], as: UTF8.self)
        let final = bytes[end]
        if final == UInt8(ascii: "~") {
            switch params.split(separator: ";").first {
            case "1", "7": return .key(.home, length)
            case "4", "8": return .key(.end, length)
            case "3": return .key(.delete, length)
            default: return .key(.unknown, length)
            }
        }
        guard let key = arrow(final) else { return .key(.unknown, length) }
        if params.isEmpty || params == "1" { return .key(key, length) }
        // Modified arrows, `1;5C` (Ctrl), `1;3C` (Alt): move by words.
        switch key {
        case .left: return .key(.wordLeft, length)
        case .right: return .key(.wordRight, length)
        default: return .key(key, length)
        }
    }

    private static func arrow(_ final: UInt8) -> EditorKey? {
        switch final {
        case UInt8(ascii: "A"): return .up
        case UInt8(ascii: "B"): return .down
        case UInt8(ascii: "C"): return .right
        case UInt8(ascii: "D"): return .left
        case UInt8(ascii: "H"): return .home
        case UInt8(ascii: "F"): return .end
        default: return nil
        }
    }

    /// A multi-byte UTF-8 character; invalid bytes become `.unknown` one at a time.
    private static func parseUTF8(_ bytes: ArraySlice<UInt8>) -> Parse {
        let start = bytes.startIndex
        let length: Int
        switch bytes[start] {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return .key(.unknown, 1)
        }
        for byte in bytes.dropFirst().prefix(length - 1) where byte & 0xC0 != 0x80 {
            return .key(.unknown, 1)
        }
        guard bytes.count >= length else { return .needMore }
        let text = String(decoding: bytes.prefix(length), as: UTF8.self)
        guard let scalar = text.unicodeScalars.first, text.unicodeScalars.count == 1,
            scalar != "\u{FFFD}", !(0x80...0x9F).contains(scalar.value)
        else { return .key(.unknown, length) }
        return .key(.character(Character(scalar)), length)
    }
}
