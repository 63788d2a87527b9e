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
