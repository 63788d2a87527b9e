/// A value of the orchestrator language (interim: replaced by the language branch).
public enum Value: Sendable, Equatable, CustomStringConvertible {
    case `nil`
    case bool(Bool)
    case int(Int64)
    case float(Double)
    case string(String)
    case list([Value])
    case map([String: Value])
    case pid(Int)
    case tid(Int)

    public var description: String {
        switch self {
        case .nil: return "nil"
        case .bool(let b): return String(b)
        case .int(let i): return String(i)
        case .float(let f): return String(f)
        case .string(let s): return "\"\(s)\""
        case .list(let l): return "[" + l.map(\.description).joined(separator: ", ") + "]"
        case .map(let m): return "{" + m.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        case .pid(let p): return "<\(p)>"
        case .tid(let t): return "<t\(t)>"
        }
    }
}

/// A malformed message literal.
public struct LiteralError: Error, CustomStringConvertible {
    public let description: String
}

extension Value {
    /// Parses a message literal: `42`, `"text"`, `[1, 2]`, `{op: "add", a: 1}` (interim).
    public static func parseLiteral(_ text: String) throws -> Value {
        var scanner = LiteralScanner(Array(text.unicodeScalars))
        let value = try scanner.value(depth: 0)
        scanner.skipSpace()
        guard scanner.atEnd else { throw LiteralError(description: "unexpected text after the value") }
        return value
    }
}

private struct LiteralScanner {
    let scalars: [Unicode.Scalar]
    var index = 0
    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }
    var atEnd: Bool { index >= scalars.count }
    mutating func skipSpace() {
        while !atEnd, scalars[index].properties.isWhitespace { index += 1 }
    }
    mutating func expect(_ c: Unicode.Scalar) throws {
        skipSpace()
        guard !atEnd, scalars[index] == c else { throw LiteralError(description: "expected '\(c)'") }
        index += 1
    }
    mutating func value(depth: Int) throws -> Value {
        guard depth < 100 else { throw LiteralError(description: "nested too deeply") }
        skipSpace()
        guard !atEnd else { throw LiteralError(description: "expected a value") }
        let c = scalars[index]
        if c == "[" {
            index += 1
            var items: [Value] = []
            skipSpace()
            if !atEnd, scalars[index] == "]" { index += 1; return .list(items) }
            while true {
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard !atEnd else { throw LiteralError(description: "expected ']'") }
                if scalars[index] == "," { index += 1; continue }
                try expect("]")
                return .list(items)
            }
        }
        if c == "{" {
            index += 1
            var map: [String: Value] = [:]
            skipSpace()
            if !atEnd, scalars[index] == "}" { index += 1; return .map(map) }
            while true {
                skipSpace()
                let key: String
                if !atEnd, scalars[index] == "\"" { key = try string() } else { key = identifier() }
                guard !key.isEmpty else { throw LiteralError(description: "expected a key") }
                try expect(":")
                map[key] = try value(depth: depth + 1)
                skipSpace()
                guard !atEnd else { throw LiteralError(description: "expected '}'") }
                if scalars[index] == "," { index += 1; continue }
                try expect("}")
                return .map(map)
            }
        }
        if c == "\"" { return .string(try string()) }
        if c == "-" || c.properties.numericType != nil {
            var text = ""
            while !atEnd, "-+.eE0123456789".unicodeScalars.contains(scalars[index]) {
                text.unicodeScalars.append(scalars[index]); index += 1
            }
            if let i = Int64(text) { return .int(i) }
            if let f = Double(text) { return .float(f) }
            throw LiteralError(description: "bad number '\(text)'")
        }
        let word = identifier()
        switch word {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "nil": return .nil
        default: throw LiteralError(description: word.isEmpty ? "unexpected '\(c)'" : "unknown word '\(word)'")
        }
    }
    mutating func identifier() -> String {
        var text = ""
        while !atEnd, scalars[index].properties.isAlphabetic || scalars[index] == "_"
            || ("0"..."9").contains(scalars[index])
        {
            text.unicodeScalars.append(scalars[index]); index += 1
        }
        return text
    }
    mutating func string() throws -> String {
        index += 1
        var text = ""
        while !atEnd {
            let c = scalars[index]
            index += 1
            if c == "\"" { return text }
            if c == "\\", !atEnd {
                let e = scalars[index]; index += 1
                switch e {
                case "n": text += "\n"
                case "t": text += "\t"
                default: text.unicodeScalars.append(e)
                }
            } else {
                text.unicodeScalars.append(c)
            }
        }
        throw LiteralError(description: "unterminated string")
    }
}
