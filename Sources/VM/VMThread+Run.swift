import Language

/// Why the dispatch loop stopped. A returned value waits in the result register below the
/// first frame (see ``VMThread/result``); an uncaught error leaves the loop as a throw. One
/// byte: the outcome travels out of each layer of a slice in a register.
enum Stop {
    case yielded
    case blocked
    case finished
    case terminated
}

extension VMThread {
    /// Runs at most about `budget` reductions (1 per instruction, more for costly ones) and
    /// says why it stopped.
    public func run(budget: Int) -> VMOutcome { run(budget: budget, resumingWith: nil) }

    /// `resume(with: value)` (unless `value` is nil) and `run(budget:)` in one call: what a host
    /// does on every slice of a thread it woke, with the thread's state checked once. A thread
    /// being ended is not resumed: it returns `.terminated` at once, as `run(budget:)` would.
    public func run(budget: Int, resumingWith value: consuming Value?) -> VMOutcome {
        if terminationRequested {
            state = .done
            return .terminated
        }
        switch state {
        case .ready: break
        case .blocked(let slot):
            guard let value = value.take() else { return .blocked }  // moved: no copy
            (stack + slot).store(value)
            state = .ready
        case .done: return .terminated
        }
        var remaining = budget
        defer { reductions += budget - remaining }
        if let pending = pendingError {
            pendingError = nil
            if let failure = raise(pending.error) { return finish(.failed(failure)) }
        }
        while true {
            do {
                switch try execute(&remaining) {
                case .yielded:
                    if !flushAllocations() || terminationRequested { return finish(.terminated) }
                    return .yielded
                case .blocked:
                    if terminationRequested { return finish(.terminated) }
                    return .blocked
                case .finished: return .finished(result)
                case .terminated: return .terminated
                }
            } catch {
                if terminationRequested { return finish(.terminated) }
                if let failure = raise(error) { return finish(.failed(failure)) }
            }
        }
    }

    /// The value a finished thread returned: its first frame moved it into the register below
    /// its own.
    var result: Value { stack[frames[0].base - 1] }

    func finish(_ outcome: VMOutcome) -> VMOutcome {
        state = .done
        return outcome
    }

    /// Reports pending allocations to the host; false if the host ended the process.
    func flushAllocations() -> Bool {
        guard pendingAllocation > 0 else { return true }
        let n = pendingAllocation
        pendingAllocation = 0
        if host.allocate(bytes: n, thread: self) { return true }
        terminationRequested = true
        return false
    }

    /// Unwinds to the innermost handler and stores the error there; returns the failure if none.
    func raise(_ e: VMError) -> RuntimeFailure? {
        let top = frames[max(frameCount - 1, 0)]
        let line = program.functions[top.function].line(at: max(top.pc - 1, 0))
        var map: OrderedMap
        if case .map(let m)? = e.value {
            map = m
        } else {
            map = OrderedMap()
            if let v = e.value { map["value"] = v }
        }
        if map["kind"] == nil { map["kind"] = .str(e.kind) }
        if map["message"] == nil { map["message"] = .str(e.message) }
        if map["file"] == nil { map["file"] = .str(program.file) }
        if map["line"] == nil { map["line"] = .int(Int64(line)) }
        guard let h = handlers.popLast() else {
            return RuntimeFailure(
                kind: map["kind"]?.printString ?? e.kind, message: map["message"]?.printString ?? e.message,
                file: program.file, line: Int(map["line"]?.intValue ?? Int64(line)), value: e.value)
        }
        frameCount = h.frameDepth
        frames[frameCount - 1].pc = h.catchPC
        stack[frames[frameCount - 1].base + h.register] = .map(map)
        return nil
    }

    /// The dispatch loop. Only the state every instruction uses lives in locals: a pointer to
    /// the next instruction (`ip`; the frame's `pc` is its distance from `code`), the registers,
    /// the constants and the budget. The frame stack stays in the thread's fields, read and
    /// written by calls and returns alone. So few locals stay in machine registers: none is
    /// spilled to memory on every instruction. `save()` writes the locals back before anything
    /// that can look at them, and when an error leaves the loop.
    func execute(_ budget: inout Int) throws(VMError) -> Stop {
        let table = program.table
        var remaining = budget
        let frame = frames[frameCount - 1]
        var info = table[frame.function]
        var code = info.code
        var k = info.constants
        var r = stack + frame.base
        var ip = code + frame.pc
        var handlerTop = handlers.last?.frameDepth ?? -1
        /// Writes the hot state back to the thread.
        func save() {
            frames[frameCount - 1].pc = index(of: ip, in: code)
            budget = remaining
        }
        do throws(VMError) {
            while true {
                if remaining <= 0 {
                    save()
                    return .yielded
                }
                remaining &-= 1
                let i = ip.pointee
                ip += 1
                switch i.op {
                case .move:
                    (r + Int(i.a)).assign(from: r + Int(i.b))
                case .loadnil:  // a receive loop clears its registers on every round
                    for j in 0..<Int(i.b) { (r + Int(i.a) + j).store(.nil) }
                case .loadk:
                    r[Int(i.a)] = k[i.sbx]
                case .loadi:
                    (r + Int(i.a)).store(.int(Int64(i.sbx)))
                case .loadbool:
                    r[Int(i.a)] = .bool(i.b != 0)
                case .add:
                    if case .int(let x) = r[Int(i.b)], case .int(let y) = r[Int(i.c)] {
                        let (s, o) = x.addingReportingOverflow(y)
                        if o { throw VMError("arith", "integer overflow in \(x) + \(y)") }
                        (r + Int(i.a)).store(.int(s))
                    } else {
                        r[Int(i.a)] = try arithmetic(.add, r[Int(i.b)], r[Int(i.c)], budget: &remaining)
                    }
                case .sub:
                    if case .int(let x) = r[Int(i.b)], case .int(let y) = r[Int(i.c)] {
                        let (s, o) = x.subtractingReportingOverflow(y)
                        if o { throw VMError("arith", "integer overflow in \(x) - \(y)") }
                        (r + Int(i.a)).store(.int(s))
                    } else {
                        r[Int(i.a)] = try arithmetic(.sub, r[Int(i.b)], r[Int(i.c)], budget: &remaining)
                    }
                case .addk:
                    if case .int(let x) = r[Int(i.b)], case .int(let y) = k[Int(i.c)] {
                        let (s, o) = x.addingReportingOverflow(y)
                        if o { throw VMError("arith", "integer overflow in \(x) + \(y)") }
                        (r + Int(i.a)).store(.int(s))
                    } else {
                        r[Int(i.a)] = try arithmetic(.add, r[Int(i.b)], k[Int(i.c)], budget: &remaining)
                    }
                case .subk:
                    if case .int(let x) = r[Int(i.b)], case .int(let y) = k[Int(i.c)] {
                        let (s, o) = x.subtractingReportingOverflow(y)
                        if o { throw VMError("arith", "integer overflow in \(x) - \(y)") }
                        (r + Int(i.a)).store(.int(s))
                    } else {
                        r[Int(i.a)] = try arithmetic(.sub, r[Int(i.b)], k[Int(i.c)], budget: &remaining)
                    }
                case .mul:
                    if case .int(let x) = r[Int(i.b)], case .int(let y) = r[Int(i.c)] {
                        let (p, o) = x.multipliedReportingOverflow(by: y)
                        if o { throw VMError("arith", "integer overflow in \(x) * \(y)") }
                        (r + Int(i.a)).store(.int(p))
                    } else {
                        r[Int(i.a)] = try arithmetic(.mul, r[Int(i.b)], r[Int(i.c)], budget: &remaining)
                    }
                case .div, .mod:
                    let op: Opcode = i.op == .div ? .div : .mod
                    r[Int(i.a)] = try arithmetic(op, r[Int(i.b)], r[Int(i.c)], budget: &remaining)
                case .mulk, .divk, .modk:
                    if case .int(let x) = r[Int(i.b)], case .int(let y) = k[Int(i.c)], y > 0 {
                        // y > 0: no division by zero, no Int64.min / -1 overflow
                        let v: Int64
                        switch i.op {
                        case .mulk:
                            let (p, o) = x.multipliedReportingOverflow(by: y)
                            if o { throw VMError("arith", "integer overflow in \(x) * \(y)") }
                            v = p
                        case .divk: v = x / y
                        default: v = x % y
                        }
                        (r + Int(i.a)).store(.int(v))
                    } else {
                        let op: Opcode = i.op == .mulk ? .mul : (i.op == .divk ? .div : .mod)
                        r[Int(i.a)] = try arithmetic(op, r[Int(i.b)], k[Int(i.c)], budget: &remaining)
                    }
                case .lt:
                    r[Int(i.a)] = .bool(try less(r[Int(i.b)], r[Int(i.c)], orEqual: false))
                case .le:
                    r[Int(i.a)] = .bool(try less(r[Int(i.b)], r[Int(i.c)], orEqual: true))
                case .eq:
                    r[Int(i.a)] = .bool(r[Int(i.b)] == r[Int(i.c)])
                case .ne:
                    r[Int(i.a)] = .bool(r[Int(i.b)] != r[Int(i.c)])
                case .not:
                    r[Int(i.a)] = .bool(!r[Int(i.b)].isTruthy)
                case .jmp:
                    ip += i.sbx
                // One case per comparison: a shared case would switch on the opcode again.
                case .jlt:
                    let cond: Bool
                    if case .int(let x) = r[Int(i.b)], case .int(let y) = r[Int(i.c)] {
                        cond = x < y
                    } else {
                        cond = try less(r[Int(i.b)], r[Int(i.c)], orEqual: false)
                    }
                    ip += cond == (i.a != 0) ? 1 &+ ip.pointee.sbx : 1
                case .jle:
                    let cond: Bool
                    if case .int(let x) = r[Int(i.b)], case .int(let y) = r[Int(i.c)] {
                        cond = x <= y
                    } else {
                        cond = try less(r[Int(i.b)], r[Int(i.c)], orEqual: true)
                    }
                    ip += cond == (i.a != 0) ? 1 &+ ip.pointee.sbx : 1
                case .jltk:
                    let cond: Bool
                    if case .int(let x) = r[Int(i.b)], case .int(let y) = k[Int(i.c)] {
                        cond = x < y
                    } else {
                        cond = try less(r[Int(i.b)], k[Int(i.c)], orEqual: false)
                    }
                    ip += cond == (i.a != 0) ? 1 &+ ip.pointee.sbx : 1
                case .jlek:
                    let cond: Bool
                    if case .int(let x) = r[Int(i.b)], case .int(let y) = k[Int(i.c)] {
                        cond = x <= y
                    } else {
                        cond = try less(r[Int(i.b)], k[Int(i.c)], orEqual: true)
                    }
                    ip += cond == (i.a != 0) ? 1 &+ ip.pointee.sbx : 1
                case .jgtk:
                    let cond: Bool
                    if case .int(let x) = r[Int(i.b)], case .int(let y) = k[Int(i.c)] {
                        cond = x > y
                    } else {
                        cond = try less(k[Int(i.c)], r[Int(i.b)], orEqual: false)
                    }
                    ip += cond == (i.a != 0) ? 1 &+ ip.pointee.sbx : 1
                case .jgek:
                    let cond: Bool
                    if case .int(let x) = r[Int(i.b)], case .int(let y) = k[Int(i.c)] {
                        cond = x >= y
                    } else {
                        cond = try less(k[Int(i.c)], r[Int(i.b)], orEqual: true)
                    }
                    ip += cond == (i.a != 0) ? 1 &+ ip.pointee.sbx : 1
                case .jeq:
                    let cond = r[Int(i.b)] == r[Int(i.c)]
                    ip += cond == (i.a != 0) ? 1 &+ ip.pointee.sbx : 1
                case .jeqk:
                    let cond: Bool
                    if case .int(let x) = r[Int(i.b)], case .int(let y) = k[Int(i.c)] {
                        cond = x == y
                    } else {
                        cond = (r + Int(i.b)).equals(k + Int(i.c))
                    }
                    ip += cond == (i.a != 0) ? 1 &+ ip.pointee.sbx : 1
                case .jtest:
                    ip += r[Int(i.b)].isTruthy == (i.a != 0) ? 1 &+ ip.pointee.sbx : 1
                case .jnotnil:
                    ip += !r[Int(i.b)].isNil ? 1 &+ ip.pointee.sbx : 1
                case .call, .callv:
                    let target: Int
                    let base = registerIndex(r)  // the frame's base: no load of the frame
                    let argBase = base &+ Int(i.a) &+ 1
                    if i.op == .call {
                        target = Int(i.c)
                    } else {
                        save()
                        target = try closureTarget(r[Int(i.a)], nargs: Int(i.b))
                        if case .function(let c) = r[Int(i.a)], !c.captures.isEmpty {
                            try ensureStack(argBase + table[target].registerCount)
                            r = stack + base
                            for (j, v) in c.captures.enumerated() { stack[argBase + Int(i.b) + j] = v }
                        }
                    }
                    info = table[target]
                    remaining &-= 1
                    if argBase &+ info.registerCount > stackCapacity {
                        save()
                        try ensureStack(argBase + info.registerCount)
                    }
                    if frameCount == frameCapacity {
                        if frameCount >= 10_000 {
                            throw VMError("stack", "stack overflow: more than 10000 nested calls")
                        }
                        save()
                        growFrames()
                    }
                    let top = frames + frameCount  // the frame stack's address and depth, loaded once
                    (top - 1).pointee.pc = index(of: ip, in: code)
                    top.pointee = Frame(function: target, pc: 0, base: argBase)
                    frameCount &+= 1
                    code = info.code
                    k = info.constants
                    r = stack + argBase
                    ip = code
                case .ret, .retnil:
                    if handlerTop >= frameCount {
                        while let h = handlers.last, h.frameDepth >= frameCount { handlers.removeLast() }
                        handlerTop = handlers.last?.frameDepth ?? -1
                    }
                    // The result moves to the caller's call register, just below this frame's
                    // (the first frame's: where `result` reads it): no copy, no retain.
                    if i.op == .ret {
                        (r - 1).store((r + Int(i.a)).move())
                        (r + Int(i.a)).initialize(to: .nil)
                    } else {
                        (r - 1).store(.nil)
                    }
                    if frameCount == 1 {
                        ip -= 1  // keep the last frame for introspection
                        save()
                        if !flushAllocations() { return .terminated }
                        state = .done
                        return .finished
                    }
                    frameCount &-= 1
                    let caller = frames[frameCount &- 1]
                    info = table[caller.function]
                    code = info.code
                    k = info.constants
                    r = stack + caller.base
                    ip = code + caller.pc
                case .forprep:
                    guard case .int(let start) = r[Int(i.a)], case .int(var end) = r[Int(i.a) + 1] else {
                        throw VMError(
                            "type",
                            "a range needs ints, not \(r[Int(i.a)].typeName) and \(r[Int(i.a) + 1].typeName)")
                    }
                    if i.b != 0 {
                        if end == Int64.max { throw VMError("arith", "range end is too large") }
                        end += 1
                        r[Int(i.a) + 1] = .int(end)
                    }
                    if start < end {
                        r[Int(i.a) + 2] = .int(start)
                        ip += 1
                    } else {
                        ip += 1 &+ ip.pointee.sbx
                    }
                case .forloop:
                    if case .int(let x) = r[Int(i.a)], case .int(let end) = r[Int(i.a) + 1] {
                        let next = x &+ 1
                        if next < end {
                            r[Int(i.a)] = .int(next)
                            r[Int(i.a) + 2] = .int(next)
                            ip += i.sbx
                        }
                    }
                case .mutate where i.c == Builtin.append.rawValue && appendInPlace(r, i):
                    break
                // `receive` scans the mailbox on every message: kept off the slow path, whose
                // save and reload cost more than these instructions (they change no frame).
                case .recvpeek:
                    if case .int(let index) = r[Int(i.b)],
                        let message = host.peekMessage(at: Int(index), thread: self)
                    {
                        (r + Int(i.a)).store(message)
                        ip += 1
                    } else {
                        ip += 1 &+ ip.pointee.sbx
                    }
                case .send:
                    save()  // a full mailbox blocks the sender here
                    remaining &-= 4
                    let answer = send(r + Int(i.b), r + Int(i.c))
                    if case .value(let value) = answer {
                        (r + Int(i.a)).store(value)
                    } else if case .exit(let outcome) = try hostResult(
                        answer, slot: registerIndex(r + Int(i.a)))
                    {
                        budget = remaining
                        return outcome
                    }
                case .recvtake:
                    if case .int(let index) = r[Int(i.b)], !host.removeMessage(at: Int(index), thread: self) {
                        r[Int(i.b)] = .int(0)  // another thread took it: scan again
                        ip -= 1 &+ (Int(i.a) << 16 | Int(i.c))
                    }
                // No `after`: the usual receive loop.
                case .recvwait where Int(i.b) == Instruction.noRegister:
                    save()
                    let answer = host.waitForMessage(timeout: nil, thread: self)
                    if case .block = answer {  // the usual answer, without `hostResult`'s copies
                        state = .blocked(resultSlot: registerIndex(r + Int(i.a)))
                        budget = remaining
                        return flushAllocations() ? .blocked : .terminated
                    }
                    if case .exit(let outcome) = try hostResult(answer, slot: registerIndex(r + Int(i.a))) {
                        budget = remaining
                        return outcome
                    }
                // A `receive` that takes any message: one kernel call per message.
                case .recvfirst:
                    switch host.takeFirstMessage(thread: self) {
                    case .value(let message):
                        (r + Int(i.a)).store(message)
                    case .block:
                        ip -= 1  // runs again when woken, over the wake-up's answer in R[a]
                        save()
                        state = .blocked(resultSlot: registerIndex(r + Int(i.a)))
                        budget = remaining
                        return flushAllocations() ? .blocked : .terminated
                    case let answer:
                        save()
                        let slot = registerIndex(r + Int(i.a))
                        if case .exit(let outcome) = try hostResult(answer, slot: slot) {
                            budget = remaining
                            return outcome
                        }
                    }
                case .recvcursor:
                    var rescan = true
                    switch r[Int(i.a)] {
                    case .int(let n): (r + Int(i.b)).store(.int(max(n, 0)))
                    case let flag: rescan = flag.isTruthy
                    }
                    ip += rescan ? 1 &+ ip.pointee.sbx : 1
                default:
                    save()
                    let base = registerIndex(r)  // the frame's base: no load of the frame
                    let result = try slowOp(i, base: base, budget: &remaining)
                    r = stack + base
                    handlerTop = handlers.last?.frameDepth ?? -1
                    switch result {
                    case .continue: break
                    case .jump(let target): ip = code + target
                    case .exit(let outcome):
                        budget = remaining
                        return outcome
                    }
                }
            }
        } catch {
            save()
            throw error
        }
    }

    /// The index in the stack of the register at `register`.
    @inline(__always)
    func registerIndex(_ register: UnsafeMutablePointer<Value>) -> Int { index(of: register, in: stack) }

    /// The index of `element` in the buffer at `start`, for an element at or after `start`.
    /// Unsigned, the division is one shift; `distance(to:)` divides signed, which costs three
    /// more instructions (on every call, `save()` and register index).
    @inline(__always)
    func index<T>(of element: UnsafeMutablePointer<T>, in start: UnsafeMutablePointer<T>) -> Int {
        Int(bitPattern: (UInt(bitPattern: element) &- UInt(bitPattern: start)) / UInt(MemoryLayout<T>.stride))
    }

    /// `host.send(target, message)` with the registers' values lent, not copied: both are moved
    /// out for the call and back after it (no retain and release of a string or list message).
    @inline(__always)
    func send(_ target: UnsafeMutablePointer<Value>, _ message: UnsafeMutablePointer<Value>) -> SyscallResult
    {
        guard target != message else { return host.send(target.pointee, message.pointee, thread: self) }
        let to = target.move()
        let value = message.move()
        defer {
            target.initialize(to: to)
            message.initialize(to: value)
        }
        return host.send(to, value, thread: self)
    }

    /// `xs.append(x)` on a list variable, without the general mutate path; false if not that case.
    @inline(__always)
    func appendInPlace(_ r: UnsafeMutablePointer<Value>, _ i: Instruction) -> Bool {
        let element = r[Int(i.b) + 1]
        switch element {
        case .list, .map, .function: return false  // needs the nesting check
        default: break
        }
        let slot = r + Int(i.a)
        guard case .list(var l) = slot.pointee else { return false }
        slot.pointee = .nil  // now `l` holds the only reference: append in place
        l.append(element)
        slot.initialize(to: .list(l))
        (r + Int(i.b)).store(.nil)
        pendingAllocation &+= 16
        return true
    }

    /// A function value of this program.
    func functionValue(_ index: Int, captures: [Value]) -> Value {
        let f = program.functions[index]
        return .function(
            Closure(programID: ObjectIdentifier(program), function: index, name: f.name, captures: captures))
    }

    /// The function a call to the value `v` runs, after checking it.
    func closureTarget(_ v: Value, nargs: Int) throws(VMError) -> Int {
        guard case .function(let c) = v else { throw VMError("type", "cannot call \(v.typeName) \(v.repr)") }
        guard c.programID == ObjectIdentifier(program), program.functions.indices.contains(c.function) else {
            throw VMError("type", "cannot call \(c.name): it belongs to another program")
        }
        let f = program.functions[c.function]
        guard f.arity == nargs else {
            throw VMError(
                "type", "\(f.name) takes \(f.arity) argument\(f.arity == 1 ? "" : "s"), but \(nargs) given")
        }
        return c.function
    }

    /// Makes room for `count` registers from the bottom of the stack.
    func ensureStack(_ count: Int) throws(VMError) {
        guard count > stackCapacity else { return }
        guard count <= VMThread.maxStack else {
            throw VMError("stack", "stack overflow: too many registers in use")
        }
        var capacity = stackCapacity
        while capacity < count { capacity *= 2 }
        pendingAllocation += (capacity - stackCapacity) * MemoryLayout<Value>.stride
        reallocateStorage(frameCapacity: frameCapacity, stackCapacity: capacity)
    }

    /// Doubles the room for frames.
    func growFrames() {
        reallocateStorage(frameCapacity: frameCapacity * 2, stackCapacity: stackCapacity)
    }
}
