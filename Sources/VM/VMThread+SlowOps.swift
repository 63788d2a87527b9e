import Language

/// What the dispatch loop does after an instruction handled outside its hot path.
enum SlowResult {
    case `continue`
    case jump(Int)
    case exit(Stop)
}

extension VMThread {
    /// Executes the less frequent instructions. The frame's `pc` is already saved (it points
    /// after `i`); `.jump` gives the new pc.
    func slowOp(_ i: Instruction, base: Int, remaining: inout Int) throws(VMError) -> SlowResult {
        let r = stack + base
        let top = frameCount - 1
        let pc = frames[top].pc
        let a = Int(i.a)
        let b = Int(i.b)
        let c = Int(i.c)
        // The function's raw code and constants: reading its `Function` object retained and
        // released it on every slow instruction (three per spawned child in `bench spawn-program`).
        let fn = program.table[frames[top].function]
        var k: Value { fn.constants[c] }
        /// Takes the test's jump (the next instruction).
        var taken: SlowResult { .jump(pc + 1 + fn.code[pc].sbx) }
        let skipped = SlowResult.jump(pc + 1)
        switch i.op {
        case .neg:
            r[a] = try negate(r[b])
        case .function:
            r[a] = functionValue(b, captures: [])
        case .closure:
            let count = program.functions[b].captureCount
            for j in 0..<count { try checkInsertable(r[c + j], &remaining) }
            r[a] = functionValue(b, captures: Array(UnsafeBufferPointer(start: r + c, count: count)))
        case .newlist:
            for j in 0..<c { try checkInsertable(r[b + j], &remaining) }
            let items = Array(UnsafeBufferPointer(start: r + b, count: c))
            try allocated(32 + 16 * c, &remaining)
            r[a] = .list(items)
        case .newmap:
            var m = OrderedMap(minimumCapacity: c)
            for j in 0..<c {
                try checkInsertable(r[b + 2 * j], &remaining)
                try checkInsertable(r[b + 2 * j + 1], &remaining)
                m.set(r[b + 2 * j], r[b + 2 * j + 1])
            }
            try allocated(48 + 40 * c, &remaining)
            r[a] = .map(m)
        case .index:
            r[a] = try index(r[b], r[c], safe: false)
        case .indexsafe:
            r[a] = try index(r[b], r[c], safe: true)
        case .indexi:
            r[a] = try index(r[b], .int(Int64(c)), safe: false)
        case .field:
            switch r[b] {
            case .map(let m): r[a] = m[k] ?? .nil
            case .nil: throw VMError("type", "cannot read field '\(k.printString)' of nil")
            default:
                throw VMError(
                    "type", "cannot read field '\(k.printString)' of \(r[b].typeName) (expected a map)")
            }
        case .setindex:
            try setIndex(r + a, r[b], r[c], &remaining)
        case .setfield:
            try setIndex(r + a, fn.constants[b], r[c], &remaining)
        case .builtin:
            guard let builtin = Builtin(rawValue: i.c) else { throw VMError("type", "bad builtin \(c)") }
            r[a] = try callBuiltin(builtin, UnsafeBufferPointer(start: r + a + 1, count: b), &remaining)
        case .mutate:
            guard let builtin = Builtin(rawValue: i.c) else { throw VMError("type", "bad builtin \(c)") }
            let n = builtin.arity.lowerBound - 1
            var target = r[a]
            r[a] = .nil
            defer { r[a] = target }
            r[b] = try mutateBuiltin(
                builtin, &target, UnsafeBufferPointer(start: r + b + 1, count: n), &remaining)
        case .setpath:
            let keys = UnsafeBufferPointer(start: r + b, count: c)
            let value = r[b + c]
            try checkInsertable(value, &remaining)
            _ = try modifyPath(r + a, UnsafeBufferPointer(rebasing: keys.dropLast())) {
                (container: inout Value) throws(VMError) -> Value in
                try setElement(&container, keys[keys.count - 1], value, &remaining)
                return .nil
            }
        case .mutpath:
            guard let builtin = Builtin(rawValue: i.c & 0xFF) else {
                throw VMError("type", "bad builtin \(c)")
            }
            let n = builtin.arity.lowerBound - 1
            let args = UnsafeBufferPointer(start: r + b + 1, count: n)
            let keys = UnsafeBufferPointer(start: r + b + 1 + n, count: c >> 8)
            r[b] = try modifyPath(r + a, keys) { (target: inout Value) throws(VMError) -> Value in
                try mutateBuiltin(builtin, &target, args, &remaining)
            }
        case .syscall:
            return try syscall(i, base: base, remaining: &remaining)
        case .iterprep:
            switch r[b] {
            case .list, .map: r[a] = r[b]
            case .string(let s): r[a] = .list(s.value.map { Value.str(String($0)) })
            case let v:
                throw VMError("type", "cannot iterate over \(v.typeName) (expected a list, map or string)")
            }
            r[a + 1] = .int(0)
        case .iternext:
            guard case .int(let n) = r[a + 1] else { return taken }
            let idx = Int(n)
            switch r[a] {
            case .list(let l):
                guard idx < l.count else { return taken }
                if c == 0xFFFF {
                    r[b] = l[idx]
                } else {
                    r[b] = .int(n)
                    r[c] = l[idx]
                }
            case .map(let m):
                guard idx < m.count else { return taken }
                let (key, value) = m.entry(at: idx)
                r[b] = key
                if c != 0xFFFF { r[c] = value }
            default: return taken
            }
            r[a + 1] = .int(n + 1)
            return skipped
        case .tryenter:
            handlers.append(Handler(frameDepth: frameCount, catchPC: pc + i.sbx, register: a))
        case .tryexit:
            if let h = handlers.last, h.frameDepth == frameCount { handlers.removeLast() }
        case .throwvalue:
            let v = r[a]
            if case .map(let m) = v {
                throw VMError(
                    m["kind"]?.printString ?? "error", m["message"]?.printString ?? v.repr, value: v)
            }
            throw VMError("error", v.printString, value: v)
        case .concat:
            var s = ""
            for j in 0..<c { s += r[b + j].printString }
            try allocated(32 + s.utf8.count, &remaining)
            r[a] = .str(s)
        case .recvwait:
            var timeout: Int64?
            switch b == Instruction.noRegister ? .nil : r[b] {
            case .nil: timeout = nil
            case .int(let ms): timeout = max(ms, 0)
            case .float(let ms): timeout = ms.isFinite ? Int64(max(0, min(ms.rounded(.up), 9e15))) : nil
            case let v: throw VMError("type", "'after' needs milliseconds (an int), not \(v.typeName)")
            }
            if timeout == 0 {
                r[a] = .bool(false)
                return .continue
            }
            return try hostResult(host.waitForMessage(timeout: timeout, thread: self), slot: base + a)
        case .matchlist:
            if case .list(let l) = r[b], l.count == c { return skipped }
            return taken
        case .matchmap:
            if case .map = r[b] { return skipped }
            return taken
        case .matchkey:
            if case .map(let m) = r[b], let v = m[k] {
                r[a] = v
                return skipped
            }
            return taken
        default:
            break
        }
        return .continue
    }

    /// Applies a host answer: a value goes to `slot`, `.block` parks the thread. The answer is
    /// taken over: its value moves into the register, without the copy of it and the destroy
    /// of the answer that a borrowed answer cost every kernel call.
    func hostResult(_ result: consuming SyscallResult, slot: Int) throws(VMError) -> SlowResult {
        switch consume result {
        case .value(let v):
            (stack + slot).store(v)
            return .continue
        case .block:
            state = .blocked(resultSlot: slot)
            if !flushAllocations() { return .exit(.terminated) }
            return .exit(.blocked)
        case .fail(let kind, let message):
            throw VMError(kind, message)
        case .terminate:
            state = .done
            terminationRequested = true
            return .exit(.terminated)
        }
    }

    /// Counts an allocation: reductions proportional to size, and batched reporting to the host.
    func allocated(_ bytes: Int, _ remaining: inout Int) throws(VMError) {
        remaining -= bytes >> 6
        pendingAllocation += bytes
        if pendingAllocation >= VMInfo.allocationBatch, !flushAllocations() {
            throw VMError("quota", "out of memory")
        }
    }

    /// Runs a kernel call.
    private func syscall(_ i: Instruction, base: Int, remaining: inout Int) throws(VMError) -> SlowResult {
        let r = stack + base
        let a = Int(i.a)
        guard let call = KernelCall(rawValue: i.c) else { throw VMError("type", "bad kernel call \(i.c)") }
        var args = takeSyscallArguments()
        defer { returnSyscallArguments(&args) }
        // One append per argument: the generic `append(contentsOf:)` of a buffer costs more
        // than the one to three arguments a kernel call usually has.
        for j in 0..<Int(i.b) { args.append(r[a &+ 1 &+ j]) }
        remaining -= 4
        switch call {
        case .print, .log:
            let line = Value.str(args.map(\.printString).joined(separator: " "))
            args.removeAll(keepingCapacity: true)
            args.append(line)
        case .join where args.count == 2 && (args[0].stringValue != nil || args[1].stringValue != nil):
            let (list, sep) = args[1].stringValue != nil ? (args[0], args[1]) : (args[1], args[0])
            var cost = remaining
            r[a] = try [list, sep].withUnsafeBufferPointer { (p) throws(VMError) -> Value in
                try callBuiltin(.strjoin, p, &cost)
            }
            remaining = cost
            return .continue
        default: break
        }
        let result = host.syscall(call, args, thread: self)
        return try hostResult(result, slot: base + a)
    }
}
