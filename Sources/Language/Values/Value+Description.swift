/// Printing values: the literal form (`description`/`repr`), the `print` form and JSON.
extension Value: CustomStringConvertible {
    /// The language literal form: `{a: 1, b: "x"}`, `[1, 2]`, `"text"`, `pid(3)`.
    public var description: String {
        var out = ""
        write(to: &out, quoted: true, depth: 0)
        return out
    }

    /// Same as `description`: strings quoted.
    public var repr: String { description }

    /// The form `print` and `str` use: a top-level string raw, everything else as `description`.
    public var printString: String {
        switch self {
        case .string(let s): return s.value
        case .int(let i): return String(i)
        default: return description
        }
    }

    private static let maxDepth = 64

    private func write(to out: inout String, quoted: Bool, depth: Int) {
        if depth > Value.maxDepth {
            out += "..."
            return
        }
        switch self {
        case .nil: out += "nil"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .float(let f): out += Value.formatFloat(f)
        case .string(let s): out += quoted ? Value.quote(s.value) : s.value
        case .list(let l):
            out += "["
            for (i, v) in l.enumerated() {
                if i > 0 { out += ", " }
                v.write(to: &out, quoted: true, depth: depth + 1)
            }
            out += "]"
        case .map(let m):
            out += "{"
            var first = true
            for (k, v) in m {
                if !first { out += ", " }
                first = false
                if case .string(let s) = k, Value.isIdentifier(s.value) {
                    out += s.value
                } else {
                    k.write(to: &out, quoted: true, depth: depth + 1)
                }
                out += ": "
                v.write(to: &out, quoted: true, depth: depth + 1)
            }
            out += "}"
        case .pid(let p): out += "pid(\(p))"
        case .tid(let t): out += "tid(\(t))"
        case .function(let c): out += "<fn \(c.name)>"
        }
    }

    /// Formats a float so that it reads back as a float (`1.0`, `2.5e+20`, `inf`, `nan`).
    public static func formatFloat(_ f: Double) -> String {
        if f.isNaN { return "nan" }
        if f.isInfinite { return f < 0 ? "-inf" : "inf" }
        let s = String(f)
        if s.contains(".") || s.contains("e") { return s }
        return s + ".0"
    }

    /// Whether `s` is a plain identifier (printed without quotes as a map key).
    public static func isIdentifier(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, first == "_" || first.properties.isAlphabetic,
            !Lexer.keywords.keys.contains(s)
        else { return false }
        return s.unicodeScalars.allSatisfy {
            $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0)
        }
    }

    /// Quotes a string with the language's escapes.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if u.value < 0x20 || u.value == 0x7F {
                    out += "\\u{" + String(u.value, radix: 16) + "}"
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}

extension Value {
    /// The value as one JSON document: maps become objects (keys as strings), pids and tids
    /// numbers, functions strings, non-finite floats `null`.
    public var json: String {
        var out = ""
        writeJSON(to: &out, depth: 0)
        return out
    }

    private func writeJSON(to out: inout String, depth: Int) {
        if depth > 64 {
            out += "null"
            return
        }
        switch self {
        case .nil: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i), .pid(let i), .tid(let i): out += String(i)
        case .float(let f): out += f.isFinite ? Value.formatFloat(f) : "null"
        case .string(let s): out += Value.jsonQuote(s.value)
        case .function(let c): out += Value.jsonQuote("<fn \(c.name)>")
        case .list(let l):
            out += "["
            for (i, v) in l.enumerated() {
                if i > 0 { out += "," }
                v.writeJSON(to: &out, depth: depth + 1)
            }
            out += "]"
        case .map(let m):
            out += "{"
            var first = true
            for (k, v) in m {
                if !first { out += "," }
                first = false
                out += Value.jsonQuote(k.printString)
                out += ":"
                v.writeJSON(to: &out, depth: depth + 1)
            }
            out += "}"
        }
    }

    /// Quotes a string for JSON.
    public static func jsonQuote(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}
