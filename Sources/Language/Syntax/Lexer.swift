/// Turns source text into tokens. Never fails: bad input becomes `.invalid` tokens that the
/// parser reports as errors.
public struct Lexer {
    private let bytes: [UInt8]
    private var pos = 0
    private var line: Int
    private var column: Int
    private var sawNewline = true
    private var interpolationDepth: Int

    /// Keywords by spelling.
    public static let keywords: [String: Keyword] = Dictionary(
        uniqueKeysWithValues: Keyword.allCases.map { ($0.rawValue, $0) })

    /// A lexer over `source`, whose first character is at `line`:`column`.
    public init(_ source: String, line: Int = 1, column: Int = 1, interpolationDepth: Int = 0) {
        bytes = Array(source.utf8)
        self.line = line
        self.column = column
        self.interpolationDepth = interpolationDepth
    }

    /// All tokens, ending with `.eof`.
    public mutating func tokenize() -> [Token] {
        var out: [Token] = []
        while true {
            let t = next()
            out.append(t)
            if t.kind == .eof { return out }
        }
    }

    private func peek(_ offset: Int = 0) -> UInt8 {
        pos + offset < bytes.count ? bytes[pos + offset] : 0
    }

    private mutating func advance() {
        if bytes[pos] == 10 {
            line += 1
            column = 1
        } else {
            column += 1
        }
        pos += 1
    }

    /// Skips blanks and comments; returns an error token for an unterminated block comment.
    private mutating func skipTrivia() -> Token? {
        while pos < bytes.count {
            let c = bytes[pos]
            if c == 10 {
                sawNewline = true
                advance()
            } else if c == 32 || c == 9 || c == 13 {
                advance()
            } else if c == 47, peek(1) == 47 {
                while pos < bytes.count, bytes[pos] != 10 { advance() }
            } else if c == 47, peek(1) == 42 {
                let (l, col) = (line, column)
                advance()
                advance()
                var closed = false
                while pos < bytes.count {
                    if bytes[pos] == 42, peek(1) == 47 {
                        advance()
                        advance()
                        closed = true
                        break
                    }
                    if bytes[pos] == 10 { sawNewline = true }
                    advance()
                }
                if !closed {
                    return Token(
                        kind: .invalid("unterminated comment (started here, no closing '*/')"), line: l,
                        column: col, newlineBefore: sawNewline)
                }
            } else {
                break
            }
        }
        return nil
    }

    /// The next token.
    public mutating func next() -> Token {
        if let bad = skipTrivia() { return bad }
        let (l, col, nl) = (line, column, sawNewline)
        sawNewline = false
        func make(_ k: TokenKind) -> Token { Token(kind: k, line: l, column: col, newlineBefore: nl) }
        guard pos < bytes.count else { return make(.eof) }
        let c = bytes[pos]
        if isIdentStart(c) {
            let start = pos
            while pos < bytes.count, isIdentStart(bytes[pos]) || isDigit(bytes[pos]) { advance() }
            let word = String(decoding: bytes[start..<pos], as: UTF8.self)
            if let k = Lexer.keywords[word] { return make(.keyword(k)) }
            return make(.identifier(word))
        }
        if isDigit(c) { return make(number()) }
        if c == 34 { return make(string()) }
        if let p = punct() { return make(.punct(p)) }
        advance()
        if c >= 0x80 {
            while pos < bytes.count, bytes[pos] & 0xC0 == 0x80 { advance() }
            return make(.invalid("unexpected non-ASCII character"))
        }
        let shown =
            c >= 0x20 && c < 0x7F ? "'\(Character(Unicode.Scalar(c)))'" : "byte 0x\(String(c, radix: 16))"
        return make(.invalid("unexpected character \(shown)"))
    }

    private func isIdentStart(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 }
    private func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

    private mutating func number() -> TokenKind {
        var text = ""
        var isFloat = false
        if bytes[pos] == 48, peek(1) == 120 || peek(1) == 88 {
            advance()
            advance()
            while pos < bytes.count, isHex(bytes[pos]) || bytes[pos] == 95 {
                if bytes[pos] != 95 { text.unicodeScalars.append(Unicode.Scalar(bytes[pos])) }
                advance()
            }
            guard let v = UInt64(text, radix: 16), v <= UInt64(Int64.max) else {
                return .invalid(text.isEmpty ? "hex literal has no digits" : "integer literal is too large")
            }
            return .int(Int64(v))
        }
        func digits() {
            while pos < bytes.count, isDigit(bytes[pos]) || bytes[pos] == 95 {
                if bytes[pos] != 95 { text.unicodeScalars.append(Unicode.Scalar(bytes[pos])) }
                advance()
            }
        }
        digits()
        if peek() == 46, isDigit(peek(1)) {
            isFloat = true
            text += "."
            advance()
            digits()
        }
        if peek() == 101 || peek() == 69,
            isDigit(peek(1)) || ((peek(1) == 43 || peek(1) == 45) && isDigit(peek(2)))
        {
            isFloat = true
            text += "e"
            advance()
            if peek() == 43 || peek() == 45 {
                text.unicodeScalars.append(Unicode.Scalar(peek()))
                advance()
            }
            digits()
        }
        if isIdentStart(peek()) {
            while pos < bytes.count, isIdentStart(bytes[pos]) || isDigit(bytes[pos]) { advance() }
            return .invalid("malformed number literal")
        }
        if isFloat {
            guard let d = Double(text), d.isFinite else { return .invalid("float literal is out of range") }
            return .float(d)
        }
        guard let i = Int64(text) else {
            return .invalid("integer literal is too large (max 9223372036854775807)")
        }
        return .int(i)
    }

    private func isHex(_ c: UInt8) -> Bool { isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70) }

    private mutating func string() -> TokenKind {
        advance()  // opening quote
        var parts: [StringPart] = []
        var buf: [UInt8] = []
        func flush() {
            if !buf.isEmpty { parts.append(.text(String(decoding: buf, as: UTF8.self))) }
            buf.removeAll()
        }
        while pos < bytes.count {
            let c = bytes[pos]
            if c == 34 {
                advance()
                flush()
                return .string(parts)
            }
            if c == 10 {
                return .invalid("unterminated string literal (a string cannot span lines; use \\n)")
            }
            if c != 92 {
                buf.append(c)
                advance()
                continue
            }
            advance()
            guard pos < bytes.count else { break }
            let e = bytes[pos]
            advance()
            switch e {
            case 110: buf.append(10)
            case 116: buf.append(9)
            case 114: buf.append(13)
            case 48: buf.append(0)
            case 34, 92, 39: buf.append(e)
            case 117:  // \u{HEX}
                guard peek() == 123 else { return .invalid("bad escape: expected '{' after \\u") }
                advance()
                var hex = ""
                while pos < bytes.count, isHex(bytes[pos]), hex.count < 8 {
                    hex.unicodeScalars.append(Unicode.Scalar(bytes[pos]))
                    advance()
                }
                guard peek() == 125, let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) else {
                    return .invalid("bad \\u{...} escape")
                }
                advance()
                buf.append(contentsOf: Array(String(Character(u)).utf8))
            case 40:  // \( interpolation
                guard interpolationDepth < 4 else {
                    return .invalid("string interpolation nested too deeply")
                }
                flush()
                let (l, col) = (line, column)
                var depth = 1
                var code: [UInt8] = []
                while pos < bytes.count {
                    let d = bytes[pos]
                    if d == 10 { return .invalid("unterminated interpolation in string literal") }
                    if d == 40 { depth += 1 }
                    if d == 41 {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    if d == 34 {  // a nested string: copy it through, honouring escapes
                        code.append(d)
                        advance()
                        while pos < bytes.count, bytes[pos] != 34, bytes[pos] != 10 {
                            if bytes[pos] == 92, pos + 1 < bytes.count, bytes[pos + 1] != 10 {
                                code.append(bytes[pos])
                                advance()
                            }
                            code.append(bytes[pos])
                            advance()
                        }
                        if pos < bytes.count, bytes[pos] == 34 {
                            code.append(34)
                            advance()
                        }
                        continue
                    }
                    code.append(d)
                    advance()
                }
                guard pos < bytes.count, bytes[pos] == 41 else {
                    return .invalid("unterminated interpolation in string literal")
                }
                advance()
                parts.append(.code(String(decoding: code, as: UTF8.self), line: l, column: col))
            default:
                return .invalid("unknown escape '\\\(Character(Unicode.Scalar(e)))' in string literal")
            }
        }
        return .invalid("unterminated string literal")
    }

    private static let punctByLength: [[Punct]] = [3, 2, 1].map { n in
        Punct.allCases.filter { $0.rawValue.utf8.count == n }
    }

    private mutating func punct() -> Punct? {
        for group in Lexer.punctByLength {
            for p in group {
                let u = Array(p.rawValue.utf8)
                var ok = true
                for (i, b) in u.enumerated() where peek(i) != b {
                    ok = false
                    break
                }
                if ok {
                    for _ in u { advance() }
                    return p
                }
            }
        }
        return nil
    }
}
