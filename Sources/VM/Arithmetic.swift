import Language

/// Operators on values beyond the int fast paths: floats, strings, lists, maps, indexing.
extension VMThread {
    /// `x op y` for `add`, `sub`, `mul`, `div`, `mod`.
    func arithmetic(_ op: Opcode, _ x: Value, _ y: Value, _ remaining: inout Int) throws(VMError) -> Value {
        switch (x, y) {
        case (.int(let a), .int(let b)):
            let (v, overflow): (Int64, Bool)
            switch op {
            case .add: (v, overflow) = a.addingReportingOverflow(b)
            case .sub: (v, overflow) = a.subtractingReportingOverflow(b)
            case .mul: (v, overflow) = a.multipliedReportingOverflow(by: b)
            case .div:
                if b == 0 { throw VMError("arith", "division by zero") }
                (v, overflow) = a.dividedReportingOverflow(by: b)
            default:
                if b == 0 { throw VMError("arith", "division by zero (modulo)") }
                (v, overflow) = a.remainderReportingOverflow(dividingBy: b)
            }
            if overflow { throw VMError("arith", "integer overflow in \(a) \(symbol(op)) \(b)") }
            return .int(v)
        case (.int, .float), (.float, .int), (.float, .float):
            let a = asDouble(x)
            let b = asDouble(y)
            switch op {
            case .add: return .float(a + b)
            case .sub: return .float(a - b)
            case .mul: return .float(a * b)
            case .div:
                if b == 0 { throw VMError("arith", "division by zero") }
                return .float(a / b)
            default:
                if b == 0 { throw VMError("arith", "division by zero (modulo)") }
                return .float(a.truncatingRemainder(dividingBy: b))
            }
        case (.string(let a), .string(let b)) where op == .add:
            let s = a.value + b.value
            try allocated(32 + s.utf8.count, &remaining)
            return .str(s)
        case (.list(let a), .list(let b)) where op == .add:
            try allocated(32 + 16 * (a.count + b.count), &remaining)
            return .list(a + b)
        case (.map(var a), .map(let b)) where op == .add:
            for (key, v) in b { a.set(key, v) }
            try allocated(48 + 40 * a.count, &remaining)
            return .map(a)
        case (.string(let a), .int(let n)) where op == .mul:
            guard n >= 0, n <= 1 << 24, a.value.utf8.count * Int(n) <= 1 << 26 else {
                throw VMError("arith", "string repetition count \(n) is out of range")
            }
            let s = String(repeating: a.value, count: Int(n))
            try allocated(32 + s.utf8.count, &remaining)
            return .str(s)
        default:
            var hint = ""
            if op == .add, x.stringValue != nil || y.stringValue != nil {
                hint = " (convert with str(x) or use \"\\(x)\")"
            }
            throw VMError("type", "cannot apply '\(symbol(op))' to \(x.typeName) and \(y.typeName)\(hint)")
        }
    }

    private func symbol(_ op: Opcode) -> String {
        switch op {
        case .add, .addk: return "+"
        case .sub, .subk: return "-"
        case .mul: return "*"
        case .div: return "/"
        default: return "%"
        }
    }

    func asDouble(_ v: Value) -> Double {
        switch v {
        case .int(let i): return Double(i)
        case .float(let f): return f
        default: return .nan
        }
    }

    /// `x < y` (or `<=`): numbers, strings, lists; anything else is a `type` error.
    func less(_ x: Value, _ y: Value, orEqual: Bool) throws(VMError) -> Bool {
        if case .int(let a) = x, case .int(let b) = y { return orEqual ? a <= b : a < b }
        if case .float = x, case .float = y {
            return orEqual ? asDouble(x) <= asDouble(y) : asDouble(x) < asDouble(y)
        }
        guard let c = Value.compare(x, y) else {
            throw VMError("type", "cannot compare \(x.typeName) with \(y.typeName)")
        }
        return orEqual ? c <= 0 : c < 0
    }

    /// `-x`.
    func negate(_ x: Value) throws(VMError) -> Value {
        switch x {
        case .int(let i):
            if i == Int64.min { throw VMError("arith", "integer overflow in -(\(i))") }
            return .int(-i)
        case .float(let f): return .float(-f)
        default: throw VMError("type", "cannot negate \(x.typeName)")
        }
    }

    /// `container[key]`. Missing map keys give nil; with `safe`, anything that fails gives nil.
    func index(_ container: Value, _ key: Value, safe: Bool) throws(VMError) -> Value {
        switch (container, key) {
        case (.list(let l), .int(let i)):
            let j = i < 0 ? Int64(l.count) + i : i
            guard j >= 0, j < l.count else {
                if safe { return .nil }
                throw VMError("index", "index \(i) is out of range (list has \(l.count) elements)")
            }
            return l[Int(j)]
        case (.map(let m), _):
            return m[key] ?? .nil
        case (.string(let s), .int(let i)):
            let chars = Array(s.value)
            let j = i < 0 ? Int64(chars.count) + i : i
            guard j >= 0, j < chars.count else {
                if safe { return .nil }
                throw VMError("index", "index \(i) is out of range (string has \(chars.count) characters)")
            }
            return .str(String(chars[Int(j)]))
        default:
            if safe { return .nil }
            throw VMError("type", "cannot index \(container.typeName) with \(key.typeName)")
        }
    }

    /// `slot[key] = value` in place (copy-on-write when shared).
    func setIndex(_ slot: UnsafeMutablePointer<Value>, _ key: Value, _ value: Value, _ remaining: inout Int)
        throws(VMError)
    {
        try checkInsertable(key, &remaining)
        try checkInsertable(value, &remaining)
        try setElement(&slot.pointee, key, value, &remaining)
    }

    /// `container[key] = value`, in place when `container` holds the only reference.
    func setElement(_ container: inout Value, _ key: Value, _ value: Value, _ remaining: inout Int)
        throws(VMError)
    {
        if case .list(var l) = container {
            guard case .int(let i) = key else {
                throw VMError("type", "list index must be an int, not \(key.typeName)")
            }
            let j = i < 0 ? Int64(l.count) + i : i
            guard j >= 0, j < l.count else {
                throw VMError("index", "index \(i) is out of range (list has \(l.count) elements)")
            }
            container = .nil
            l[Int(j)] = value
            container = .list(l)
        } else if case .map(var m) = container {
            try checkInsertable(key, &remaining)
            container = .nil
            let before = m.count
            m.set(key, value)
            container = .map(m)
            if m.count > before { try allocated(40, &remaining) }
        } else {
            throw VMError("type", "cannot set an element of \(container.typeName) (expected a list or map)")
        }
    }

    /// Runs `body` on `root[keys[0]]...[keys[n-1]]` in place: each level is taken out of its
    /// parent while the body runs (so it is uniquely referenced and not copied) and put back
    /// afterwards, also when the body throws.
    func modifyPath(
        _ root: UnsafeMutablePointer<Value>, _ keys: UnsafeBufferPointer<Value>,
        _ body: (inout Value) throws(VMError) -> Value
    ) throws(VMError) -> Value {
        try descend(&root.pointee, keys, 0, body)
    }

    private func descend(
        _ value: inout Value, _ keys: UnsafeBufferPointer<Value>, _ level: Int,
        _ body: (inout Value) throws(VMError) -> Value
    ) throws(VMError) -> Value {
        if level == keys.count { return try body(&value) }
        let key = keys[level]
        if case .list(var l) = value {
            guard case .int(let i) = key else {
                throw VMError("type", "list index must be an int, not \(key.typeName)")
            }
            let j = Int(i < 0 ? Int64(l.count) + i : i)
            guard j >= 0, j < l.count else {
                throw VMError("index", "index \(i) is out of range (list has \(l.count) elements)")
            }
            value = .nil
            var child = l[j]
            l[j] = .nil
            defer {
                l[j] = child
                value = .list(l)
            }
            return try descend(&child, keys, level + 1, body)
        }
        if case .map(var m) = value {
            guard var child = m[key] else {
                throw VMError(
                    "type", "cannot change inside \(key.repr): the map has no such key (it reads as nil)")
            }
            value = .nil
            m.set(key, .nil)
            defer {
                m.set(key, child)
                value = .map(m)
            }
            return try descend(&child, keys, level + 1, body)
        }
        throw VMError("type", "cannot index \(value.typeName) with \(key.typeName)")
    }
}
