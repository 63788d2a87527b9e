/// A value of the orchestrator language.
///
/// Values have value semantics: lists and maps are copy-on-write, like Swift arrays, so a
/// value can be sent to another thread or process without sharing mutable state.
/// Scalars (`nil`, `bool`, `int`, `float`, `pid`, `tid`) never allocate; strings, maps and
/// functions are boxed behind one reference so that `MemoryLayout<Value>.stride == 16`.
public enum Value: Sendable {
    /// The absent value.
    case `nil`
    /// `true` or `false`.
    case bool(Bool)
    /// A 64-bit signed integer; overflow is a runtime error.
    case int(Int64)
    /// A double-precision float.
    case float(Double)
    /// An immutable string.
    case string(StringBox)
    /// A list (copy-on-write).
    case list([Value])
    /// A map that keeps insertion order (copy-on-write).
    case map(OrderedMap)
    /// A process identifier.
    case pid(Int64)
    /// A thread identifier.
    case tid(Int64)
    /// A function or closure of a compiled program.
    case function(Closure)
}

/// The storage of a string value: one reference, immutable.
public final class StringBox: Sendable {
    /// The string.
    public let value: String

    /// Boxes `value`.
    public init(_ value: String) { self.value = value }
}

/// A function value: a function of a program plus the values it captured when created.
///
/// Closures capture by value (at creation time), so they never share mutable state.
public final class Closure: Sendable {
    /// The identity of the program the function belongs to.
    public let programID: ObjectIdentifier
    /// The index of the function in its program.
    public let function: Int
    /// The function's name, for printing.
    public let name: String
    /// Values captured from enclosing scopes, in the function's capture order.
    public let captures: [Value]

    /// Creates a function value.
    public init(programID: ObjectIdentifier, function: Int, name: String, captures: [Value]) {
        self.programID = programID
        self.function = function
        self.name = name
        self.captures = captures
    }
}

extension Value {
    /// A string value.
    public static func str(_ s: String) -> Value { .string(StringBox(s)) }

    /// Whether the value counts as true in a condition: everything but `nil` and `false`.
    @inline(__always)
    public var isTruthy: Bool {
        switch self {
        case .nil: return false
        case .bool(let b): return b
        default: return true
        }
    }

    /// Whether the value holds no reference (nil, bool, int, float, pid, tid): destroying or
    /// overwriting it releases nothing.
    @inline(__always)
    public var isScalar: Bool {
        switch self {
        case .nil, .bool, .int, .float, .pid, .tid: return true
        case .string, .list, .map, .function: return false
        }
    }

    /// Whether the value is `nil`.
    @inline(__always)
    public var isNil: Bool {
        if case .nil = self { return true }
        return false
    }

    /// The name of the value's type, as returned by `type(x)`.
    public var typeName: String {
        switch self {
        case .nil: return "nil"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .string: return "string"
        case .list: return "list"
        case .map: return "map"
        case .pid: return "pid"
        case .tid: return "tid"
        case .function: return "function"
        }
    }

    /// The string payload, if this is a string.
    public var stringValue: String? {
        if case .string(let s) = self { return s.value }
        return nil
    }

    /// The integer payload, if this is an int.
    public var intValue: Int64? {
        if case .int(let i) = self { return i }
        return nil
    }

    /// Approximate heap bytes used by the value (for memory accounting).
    public var approximateBytes: Int {
        switch self {
        case .nil, .bool, .int, .float, .pid, .tid: return 0
        case .string(let s): return 32 + s.value.utf8.count
        case .list(let l):
            var n = 32 + 16 * l.count
            for v in l { n += v.approximateBytes }
            return n
        case .map(let m):
            var n = 48 + 40 * m.count
            for (k, v) in m { n += k.approximateBytes + v.approximateBytes }
            return n
        case .function(let c): return 48 + 16 * c.captures.count
        }
    }
}

extension Value: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral
{
    /// An int literal.
    public init(integerLiteral value: Int64) { self = .int(value) }
    /// A string literal.
    public init(stringLiteral value: String) { self = .str(value) }
    /// A float literal.
    public init(floatLiteral value: Double) { self = .float(value) }
    /// A bool literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// A list literal.
    public init(arrayLiteral elements: Value...) { self = .list(elements) }
}

extension Value: ExpressibleByDictionaryLiteral {
    /// A map literal, in the order written.
    public init(dictionaryLiteral elements: (Value, Value)...) {
        var m = OrderedMap()
        for (k, v) in elements { m[k] = v }
        self = .map(m)
    }
}
