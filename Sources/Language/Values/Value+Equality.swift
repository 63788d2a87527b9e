/// Deep equality, hashing and ordering of values.
///
/// Ints and floats compare numerically (`1 == 1.0`); lists and maps compare deeply
/// (maps ignore order); functions compare by identity.
extension Value: Equatable, Hashable {
    /// Deep equality.
    public static func == (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.nil, .nil): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a == b
        case (.int(let a), .float(let b)): return Double(a) == b && b.isExactInt64(a)
        case (.float(let a), .int(let b)): return a == Double(b) && a.isExactInt64(b)
        case (.string(let a), .string(let b)): return a === b || a.value == b.value
        case (.list(let a), .list(let b)): return a == b
        case (.map(let a), .map(let b)):
            guard a.count == b.count else { return false }
            for (k, v) in a {
                guard let w = b[k], w == v else { return false }
            }
            return true
        case (.pid(let a), .pid(let b)): return a == b
        case (.tid(let a), .tid(let b)): return a == b
        case (.function(let a), .function(let b)):
            return a === b
                || (a.programID == b.programID && a.function == b.function && a.captures.isEmpty
                    && b.captures.isEmpty)
        default: return false
        }
    }

    /// Hashing consistent with `==`.
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .nil: hasher.combine(0)
        case .bool(let b): hasher.combine(b)
        case .int(let i): hasher.combine(i)
        case .float(let f):
            if let i = Int64(exactly: f) { hasher.combine(i) } else { hasher.combine(f) }
        case .string(let s): hasher.combine(s.value)
        case .list(let l):
            hasher.combine(l.count)
            for v in l { hasher.combine(v) }
        case .map(let m):
            hasher.combine(m.count)  // order-independent: count only, equality does the rest
        case .pid(let p):
            hasher.combine(1)
            hasher.combine(p)
        case .tid(let t):
            hasher.combine(2)
            hasher.combine(t)
        case .function(let c): hasher.combine(c.function)
        }
    }

    /// Orders two values for `<`, `sort`, `min` and `max`: numbers with numbers, strings with
    /// strings, lists lexicographically; nil otherwise (not comparable).
    public static func compare(_ lhs: Value, _ rhs: Value) -> Int? {
        switch (lhs, rhs) {
        case (.int(let a), .int(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.float(let a), .float(let b)): return order(a, b)
        case (.int(let a), .float(let b)): return order(Double(a), b)
        case (.float(let a), .int(let b)): return order(a, Double(b))
        case (.string(let a), .string(let b)): return a.value < b.value ? -1 : (a.value == b.value ? 0 : 1)
        case (.pid(let a), .pid(let b)), (.tid(let a), .tid(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        case (.bool(let a), .bool(let b)): return a == b ? 0 : (a ? 1 : -1)
        case (.list(let a), .list(let b)):
            for (x, y) in zip(a, b) {
                guard let c = compare(x, y) else { return nil }
                if c != 0 { return c }
            }
            return a.count < b.count ? -1 : (a.count == b.count ? 0 : 1)
        default: return nil
        }
    }

    private static func order(_ a: Double, _ b: Double) -> Int? {
        if a < b { return -1 }
        if a > b { return 1 }
        if a == b { return 0 }
        return nil
    }
}

extension Double {
    /// Whether this double is exactly the integer `i` (guards against rounding at 2^53+).
    func isExactInt64(_ i: Int64) -> Bool { Int64(exactly: self) == i }
}
