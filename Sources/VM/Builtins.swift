import Language

/// The pure builtins (`len`, `str`, `sort`, ...), run inside the VM without the host.
extension VMThread {
    /// Calls builtin `b` with `args` (arity already checked by the compiler).
    func callBuiltin(_ b: Builtin, _ args: UnsafeBufferPointer<Value>, _ remaining: inout Int) throws(VMError)
        -> Value
    {
        guard b.arity.contains(args.count) else {
            throw VMError("type", "\(b.name) takes \(b.arity.lowerBound)...\(b.arity.upperBound) arguments")
        }
        let x = args[0]
        switch b {
        case .len:
            switch x {
            case .string(let s): return .int(Int64(s.value.count))
            case .list(let l): return .int(Int64(l.count))
            case .map(let m): return .int(Int64(m.count))
            default: throw typeError(b, x, "a string, list or map")
            }
        case .str:
            let s = x.printString
            try allocated(32 + s.utf8.count, &remaining)
            return .str(s)
        case .repr:
            let s = x.repr
            try allocated(32 + s.utf8.count, &remaining)
            return .str(s)
        case .type: return .str(x.typeName)
        case .int: return try toInt(x)
        case .float:
            switch x {
            case .int(let i): return .float(Double(i))
            case .float: return x
            case .string(let s):
                guard let d = Double(s.value.trimmingSpaces) else {
                    throw VMError("type", "cannot convert \(x.repr) to float")
                }
                return .float(d)
            default: throw typeError(b, x, "a number or string")
            }
        case .bool:
            switch x {
            case .int(let i): return .bool(i != 0)
            case .float(let f): return .bool(f != 0)
            case .string(let s): return .bool(!s.value.isEmpty)
            case .list(let l): return .bool(!l.isEmpty)
            case .map(let m): return .bool(!m.isEmpty)
            default: return .bool(x.isTruthy)
            }
        case .keys, .values:
            switch x {
            case .map(let m):
                try allocated(32 + 16 * m.count, &remaining)
                return .list(b == .keys ? m.keys : m.values)
            case .list(let l):
                return b == .keys ? .list((0..<l.count).map { .int(Int64($0)) }) : x
            default: throw typeError(b, x, "a map")
            }
        case .append, .insert, .remove, .clear:
            var copy = x
            _ = try mutateBuiltin(b, &copy, UnsafeBufferPointer(rebasing: args.dropFirst()), &remaining)
            return copy
        case .contains:
            switch x {
            case .list(let l):
                remaining -= l.count >> 4
                return .bool(l.contains(args[1]))
            case .map(let m): return .bool(m[args[1]] != nil)
            case .string(let s):
                guard let sub = args[1].stringValue else { throw typeError(b, args[1], "a string") }
                return .bool(sub.isEmpty || s.value.contains(sub))
            default: throw typeError(b, x, "a list, map or string")
            }
        case .sum:
            guard case .list(let l) = x else { throw typeError(b, x, "a list") }
            remaining -= l.count >> 2
            var total: Value = .int(0)
            for v in l { total = try arithmetic(.add, total, v, &remaining) }
            return total
        case .min, .max:
            var items = Array(args)
            if args.count == 1 {
                guard case .list(let l) = x else { throw typeError(b, x, "a list (or several values)") }
                items = l
            }
            guard var best = items.first else { throw VMError("index", "\(b.name) of an empty list") }
            for v in items.dropFirst() {
                guard let c = Value.compare(v, best) else {
                    throw VMError("type", "cannot compare \(v.typeName) with \(best.typeName)")
                }
                if (b == .min && c < 0) || (b == .max && c > 0) { best = v }
            }
            return best
        case .abs:
            switch x {
            case .int(let i):
                if i == Int64.min { throw VMError("arith", "integer overflow in abs(\(i))") }
                return .int(Swift.abs(i))
            case .float(let f): return .float(Swift.abs(f))
            default: throw typeError(b, x, "a number")
            }
        case .range: return try range(args, &remaining)
        case .slice: return try slice(args)
        case .split:
            guard let s = x.stringValue else { throw typeError(b, x, "a string") }
            remaining -= s.utf8.count >> 4
            var parts: [Value]
            if args.count == 2 {
                guard let sep = args[1].stringValue, !sep.isEmpty else {
                    throw VMError("type", "split needs a non-empty string separator")
                }
                parts = s.split(separator: sep, omittingEmptySubsequences: false).map {
                    Value.str(String($0))
                }
            } else {
                parts = s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map {
                    Value.str(String($0))
                }
            }
            try allocated(32 + 48 * parts.count + s.utf8.count, &remaining)
            return .list(parts)
        case .strjoin:
            guard case .list(let l) = x else { throw typeError(b, x, "a list") }
            var sep = ""
            if args.count == 2 {
                guard let s = args[1].stringValue else { throw typeError(b, args[1], "a string separator") }
                sep = s
            }
            let s = l.map(\.printString).joined(separator: sep)
            try allocated(32 + s.utf8.count, &remaining)
            return .str(s)
        case .upper, .lower, .trim:
            guard let s = x.stringValue else { throw typeError(b, x, "a string") }
            remaining -= s.utf8.count >> 4
            switch b {
            case .upper: return .str(s.uppercased())
            case .lower: return .str(s.lowercased())
            default: return .str(s.trimmingSpaces)
            }
        case .replace:
            guard let s = x.stringValue, let old = args[1].stringValue, let new = args[2].stringValue else {
                throw VMError("type", "replace needs three strings")
            }
            guard !old.isEmpty else { return x }
            let out = s.replacing(old, with: new)
            try allocated(32 + out.utf8.count, &remaining)
            return .str(out)
        case .startsWith, .endsWith:
            guard let s = x.stringValue, let p = args[1].stringValue else {
                throw VMError("type", "\(b.name) needs two strings")
            }
            return .bool(b == .startsWith ? s.hasPrefix(p) : s.hasSuffix(p))
        case .indexOf:
            switch x {
            case .list(let l): return .int(Int64(l.firstIndex(of: args[1]) ?? -1))
            case .string(let s):
                guard let sub = args[1].stringValue else { throw typeError(b, args[1], "a string") }
                guard let range = s.value.firstRange(of: sub) else { return .int(-1) }
                return .int(Int64(s.value.distance(from: s.value.startIndex, to: range.lowerBound)))
            default: throw typeError(b, x, "a list or string")
            }
        case .sort:
            guard case .list(let l) = x else { throw typeError(b, x, "a list") }
            remaining -= l.count * 2
            var failed: VMError?
            var sorted = l.sorted { p, q in
                guard let c = Value.compare(p, q) else {
                    failed = VMError("type", "cannot sort: cannot compare \(p.typeName) with \(q.typeName)")
                    return false
                }
                return c < 0
            }
            if let failed { throw failed }
            if args.count == 2, args[1].isTruthy { sorted.reverse() }
            return .list(sorted)
        case .reverse:
            switch x {
            case .list(let l): return .list(l.reversed())
            case .string(let s): return .str(String(s.value.reversed()))
            default: throw typeError(b, x, "a list or string")
            }
        case .pid, .tid:
            guard case .int(let n) = x else { throw typeError(b, x, "an int") }
            return b == .pid ? .pid(n) : .tid(n)
        case .get:
            let v = try index(x, args[1], safe: true)
            return v.isNil && args.count == 3 ? args[2] : v
        case .round, .floor, .ceil, .sqrt:
            let d: Double
            switch x {
            case .int(let i):
                if b != .sqrt { return x }
                d = Double(i)
            case .float(let f): d = f
            default: throw typeError(b, x, "a number")
            }
            switch b {
            case .sqrt:
                if d < 0 { throw VMError("arith", "square root of a negative number") }
                return .float(d.squareRoot())
            case .round where args.count == 2:
                guard case .int(let digits) = args[1], digits >= 0, digits <= 15 else {
                    throw typeError(b, args[1], "a digit count 0...15")
                }
                let scale = Double(sign: .plus, exponent: 0, significand: 1) * pow10(Int(digits))
                return .float((d * scale).rounded() / scale)
            default:
                let rounded = b == .floor ? d.rounded(.down) : b == .ceil ? d.rounded(.up) : d.rounded()
                guard let i = Int64(exactly: rounded) else {
                    throw VMError("arith", "\(d) does not fit an int")
                }
                return .int(i)
            }
        case .assert:
            if x.isTruthy { return .nil }
            throw VMError("assert", args.count == 2 ? args[1].printString : "assertion failed")
        }
    }

    private func pow10(_ n: Int) -> Double {
        var v = 1.0
        for _ in 0..<n { v *= 10 }
        return v
    }

    func typeError(_ b: Builtin, _ v: Value, _ expected: String) -> VMError {
        VMError("type", "\(b.name) expects \(expected), not \(v.typeName)")
    }

    private func toInt(_ x: Value) throws(VMError) -> Value {
        switch x {
        case .int: return x
        case .float(let f):
            guard let i = Int64(exactly: f.rounded(.towardZero)) else {
                throw VMError("arith", "\(f) does not fit an int")
            }
            return .int(i)
        case .bool(let b): return .int(b ? 1 : 0)
        case .string(let s):
            let t = s.value.trimmingSpaces
            if let i = Int64(t) { return .int(i) }
            if let d = Double(t), let i = Int64(exactly: d.rounded(.towardZero)) { return .int(i) }
            throw VMError("type", "cannot convert \(x.repr) to int")
        case .pid(let p), .tid(let p): return .int(p)
        default: throw VMError("type", "cannot convert \(x.typeName) to int")
        }
    }

    private func range(_ args: UnsafeBufferPointer<Value>, _ remaining: inout Int) throws(VMError) -> Value {
        var nums: [Int64] = []
        for a in args {
            guard case .int(let n) = a else { throw VMError("type", "range expects ints, not \(a.typeName)") }
            nums.append(n)
        }
        let (lo, hi, step) =
            nums.count == 1 ? (0, nums[0], 1) : (nums[0], nums[1], nums.count == 3 ? nums[2] : 1)
        guard step != 0 else { throw VMError("arith", "range step cannot be 0") }
        let count =
            step > 0
            ? (hi > lo ? (Double(hi) - Double(lo)) / Double(step) : 0)
            : (lo > hi ? (Double(lo) - Double(hi)) / Double(-step) : 0)
        guard count <= 1_000_000 else {
            throw VMError("quota", "range of \(Int(count)) elements is too large")
        }
        var out: [Value] = []
        out.reserveCapacity(Int(count.rounded(.up)))
        var v = lo
        while step > 0 ? v < hi : v > hi {
            out.append(.int(v))
            let (next, overflow) = v.addingReportingOverflow(step)
            if overflow { break }
            v = next
        }
        try allocated(32 + 16 * out.count, &remaining)
        return .list(out)
    }

    private func slice(_ args: UnsafeBufferPointer<Value>) throws(VMError) -> Value {
        func bound(_ v: Value, _ count: Int) throws(VMError) -> Int {
            guard case .int(let i) = v else {
                throw VMError("type", "slice bounds must be ints, not \(v.typeName)")
            }
            let j = i < 0 ? Int64(count) + i : i
            return Int(max(0, min(Int64(count), j)))
        }
        switch args[0] {
        case .list(let l):
            let lo = args.count > 1 ? try bound(args[1], l.count) : 0
            let hi = args.count > 2 ? try bound(args[2], l.count) : l.count
            return .list(lo < hi ? Array(l[lo..<hi]) : [])
        case .string(let s):
            let chars = Array(s.value)
            let lo = args.count > 1 ? try bound(args[1], chars.count) : 0
            let hi = args.count > 2 ? try bound(args[2], chars.count) : chars.count
            return .str(lo < hi ? String(chars[lo..<hi]) : "")
        default: throw typeError(.slice, args[0], "a list or string")
        }
    }

    /// Runs a mutating builtin on `target` in place; returns the method's result.
    func mutateBuiltin(
        _ b: Builtin, _ target: inout Value, _ args: UnsafeBufferPointer<Value>, _ remaining: inout Int
    ) throws(VMError) -> Value {
        for a in args { try checkInsertable(a, &remaining) }
        // `if case` (not a switch over a tuple, which would keep a second reference alive)
        // so that the payload is uniquely referenced once `target` is cleared: appends stay O(1).
        if case .list(var l) = target {
            target = .nil
            defer { target = .list(l) }
            switch b {
            case .append:
                l.append(args[0])
                pendingAllocation += 16
                return .nil
            case .insert:
                guard case .int(let i) = args[0], i >= 0, i <= l.count else {
                    throw VMError("index", "insert position \(args[0].repr) is out of range (0...\(l.count))")
                }
                l.insert(args[1], at: Int(i))
                remaining -= l.count >> 4
                return .nil
            case .remove:
                guard case .int(let i) = args[0] else { throw typeError(b, args[0], "an int index") }
                let j = i < 0 ? Int64(l.count) + i : i
                guard j >= 0, j < l.count else {
                    throw VMError("index", "index \(i) is out of range (list has \(l.count) elements)")
                }
                remaining -= l.count >> 4
                return l.remove(at: Int(j))
            case .clear:
                l.removeAll()
                return .nil
            default: break
            }
        } else if case .map(var m) = target {
            target = .nil
            defer { target = .map(m) }
            switch b {
            case .insert:
                m.set(args[0], args[1])
                pendingAllocation += 40
                return .nil
            case .remove: return m.remove(args[0]) ?? .nil
            case .clear:
                m = OrderedMap()
                return .nil
            default: break
            }
        }
        throw VMError("type", "cannot \(b.name) on \(target.typeName)")
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        let blanks: Set<Character> = [" ", "\t", "\n", "\r"]
        guard let first = firstIndex(where: { !blanks.contains($0) }),
            let last = lastIndex(where: { !blanks.contains($0) })
        else { return "" }
        return String(self[first...last])
    }
}
