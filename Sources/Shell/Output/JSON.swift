/// A JSON value for `--json` output, written compactly with keys in the given order.
indirect enum JSON: Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])
    /// Already-rendered JSON text (a language value's own JSON).
    case raw(String)

    static func == (lhs: JSON, rhs: JSON) -> Bool { lhs.text == rhs.text }

    /// An int from any integer type.
    static func number<T: BinaryInteger>(_ value: T) -> JSON { .int(Int64(truncatingIfNeeded: value)) }

    /// `nil` → `null`.
    static func optional(_ value: String?) -> JSON { value.map(JSON.string) ?? .null }
    static func optional<T: BinaryInteger>(_ value: T?) -> JSON { value.map(JSON.number) ?? .null }

    var text: String {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the JSON text as UTF-8 bytes (byte appends: `ps --json` writes 25 MB for
    /// 100,000 processes, and appending to a String a character at a time took most of it).
    func write(to output: inout [UInt8]) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case .int(let value): JSON.writeInteger(value, into: &output)
        case .double(let value):
            let text =
                value.isFinite
                ? (value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value))
                : "null"
            output.append(contentsOf: text.utf8)
        case .string(let value): JSON.quote(value, into: &output)
        case .raw(let text): output.append(contentsOf: text.utf8)
        case .array(let items):
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                item.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let fields):
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in fields.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSON.quote(key, into: &output)
                output.append(UInt8(ascii: ":"))
                value.write(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON array of `items`, written without building one big tree first.
    static func arrayText<T>(_ items: [T], _ element: (T) -> JSON) -> String {
        var output: [UInt8] = [UInt8(ascii: "[")]
        output.reserveCapacity(items.count * 200 + 2)
        for (index, item) in items.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            element(item).write(to: &output)
        }
        output.append(UInt8(ascii: "]"))
        return String(decoding: output, as: UTF8.self)
    }

    private static func writeInteger(_ value: Int64, into output: inout [UInt8]) {
        if value == 0 {
            output.append(UInt8(ascii: "0"))
            return
        }
        var magnitude = value.magnitude
        var digits: [UInt8] = []
        while magnitude > 0 {
            digits.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        }
        if value < 0 { output.append(UInt8(ascii: "-")) }
        output.append(contentsOf: digits.reversed())
    }

    static func quote(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        let bytes = text.utf8
        if !bytes.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            output.append(contentsOf: bytes)
        } else {
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\""): output.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): output.append(contentsOf: "\\\\".utf8)
                case UInt8(ascii: "\n"): output.append(contentsOf: "\\n".utf8)
                case UInt8(ascii: "\r"): output.append(contentsOf: "\\r".utf8)
                case UInt8(ascii: "\t"): output.append(contentsOf: "\\t".utf8)
                case 0..<0x20:
                    let hex = String(byte, radix: 16)
                    output.append(
                        contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                default: output.append(byte)
                }
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
