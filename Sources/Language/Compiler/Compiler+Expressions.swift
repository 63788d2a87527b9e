/// Expression code generation.
extension Compiler {
    /// The register holding `e`: a variable's own register, or a new temporary.
    mutating func operand(_ e: Expr) -> Int {
        if case .name(let name, _) = e, let v = current.lookup(name) { return v.register }
        let r = current.allocate()
        expr(e, into: r)
        return r
    }

    /// The constant-pool index of `e` if it is a scalar literal.
    func scalarConstant(_ e: Expr) -> Value? {
        guard case .literal(let v, _) = e else { return nil }
        switch v {
        case .int, .float, .string: return v
        default: return nil
        }
    }

    /// Compiles `e` so that its value ends up in register `dst`.
    mutating func expr(_ e: Expr, into dst: Int) {
        let f = current
        let saved = f.freeRegister
        defer { f.freeRegister = max(saved, dst + 1) }
        f.location = e.location
        switch e {
        case .literal(let v, _):
            loadConstant(v, into: dst)
        case .name(let name, let loc):
            if let v = f.lookup(name) {
                if v.register != dst { f.emit(Instruction(.move, dst, v.register)) }
            } else if let captured = capture(name) {
                f.emit(Instruction(.move, dst, captured))
            } else if let index = topLevelIndex[name] {
                f.emit(Instruction(.function, dst, index))
            } else if Builtin.byName[name] != nil || KernelCall.byName[name] != nil {
                error(
                    "'\(name)' is a builtin and cannot be used as a value; wrap it: fn(x) { \(name)(x) }",
                    at: loc)
            } else {
                error("unknown name '\(name)'", at: loc)
            }
        case .interpolated(let parts, _):
            let base = f.allocate(parts.count)
            for (i, p) in parts.enumerated() {
                switch p {
                case .text(let t): loadConstant(.str(t), into: base + i)
                case .expr(let x): expr(x, into: base + i)
                }
            }
            f.location = e.location
            f.emit(Instruction(.concat, dst, base, parts.count))
        case .list(let items, _):
            if let v = Parser.constantValue(e), !items.isEmpty {
                f.emit(Instruction(.loadk, dst, sbx: Int32(f.constant(v))))
                return
            }
            let chunk = min(items.count, 32)
            let base = f.allocate(chunk)
            for (i, item) in items.prefix(chunk).enumerated() { expr(item, into: base + i) }
            f.emit(Instruction(.newlist, dst, base, chunk))
            for item in items.dropFirst(chunk) {
                let slot = f.allocate(2)
                expr(item, into: slot + 1)
                f.emit(Instruction(.mutate, dst, slot, Int(Builtin.append.rawValue)))
            }
        case .map(let entries, _):
            if let v = Parser.constantValue(e), !entries.isEmpty {
                f.emit(Instruction(.loadk, dst, sbx: Int32(f.constant(v))))
                return
            }
            let chunk = min(entries.count, 16)
            let base = f.allocate(2 * chunk)
            for (i, entry) in entries.prefix(chunk).enumerated() {
                expr(entry.key, into: base + 2 * i)
                expr(entry.value, into: base + 2 * i + 1)
            }
            f.emit(Instruction(.newmap, dst, base, chunk))
            for entry in entries.dropFirst(chunk) {
                let k = operand(entry.key)
                let v = operand(entry.value)
                f.emit(Instruction(.setindex, dst, k, v))
            }
        case .unary(let negate, let inner, _):
            let r = operand(inner)
            f.location = e.location
            f.emit(Instruction(negate ? .neg : .not, dst, r))
        case .binary(let op, let lhs, let rhs, _):
            binary(op, lhs, rhs, into: dst, at: e.location)
        case .range(let lo, let hi, let inclusive, _):
            let base = f.allocate(4)
            expr(lo, into: base + 1)
            expr(hi, into: base + 2)
            if inclusive {
                f.emit(Instruction(.addk, base + 2, base + 2, f.constant(.int(1))))
            }
            f.emit(Instruction(.builtin, base, 2, Int(Builtin.range.rawValue)))
            f.emit(Instruction(.move, dst, base))
        case .index(let base, let index, _):
            let b = operand(base)
            if case .literal(.int(let i), _)? = Optional(index), i >= 0, i < 0xFFFF {
                f.emit(Instruction(.indexi, dst, b, Int(i)))
            } else {
                let i = operand(index)
                f.location = e.location
                f.emit(Instruction(.index, dst, b, i))
            }
        case .field(let base, let name, _):
            let b = operand(base)
            f.location = e.location
            f.emit(Instruction(.field, dst, b, f.constant(.str(name))))
        case .call(let callee, let args, let loc):
            call(callee, args, into: dst, at: loc)
        case .method(let object, let name, let args, let loc):
            method(object, name, args, into: dst, at: loc)
        case .ctxCall(let name, let args, let loc):
            contextCall(name, args, into: dst, at: loc)
        case .thread(let callee, let args, let loc):
            threadStart(callee, args, into: dst, at: loc)
        case .function(let decl):
            closure(decl, into: dst)
        }
    }

    /// Loads a literal value.
    mutating func loadConstant(_ v: Value, into dst: Int) {
        switch v {
        case .nil: current.emit(Instruction(.loadnil, dst, 1))
        case .bool(let b): current.emit(Instruction(.loadbool, dst, b ? 1 : 0))
        case .int(let i) where i >= Int64(Int32.min) && i <= Int64(Int32.max):
            current.emit(Instruction(.loadi, dst, sbx: Int32(i)))
        default: current.emit(Instruction(.loadk, dst, sbx: Int32(current.constant(v))))
        }
    }

    private mutating func binary(
        _ op: BinaryOp, _ lhs: Expr, _ rhs: Expr, into dst: Int, at loc: SourceLocation
    ) {
        let f = current
        switch op {
        case .and, .or:
            expr(lhs, into: dst)
            let j = f.emitTest(.jtest, op == .or ? 1 : 0, dst)
            expr(rhs, into: dst)
            f.patchHere(j)
        case .coalesce:
            safeExpr(lhs, into: dst)
            let j = f.emitTest(.jnotnil, 0, dst)
            expr(rhs, into: dst)
            f.patchHere(j)
        case .add, .sub, .mul, .div, .mod:
            let a = operand(lhs)
            if let k = scalarConstant(rhs) {
                let ops: [BinaryOp: Opcode] = [
                    .add: .addk, .sub: .subk, .mul: .mulk, .div: .divk, .mod: .modk,
                ]
                f.location = loc
                f.emit(Instruction(ops[op] ?? .addk, dst, a, f.constant(k)))
                return
            }
            let b = operand(rhs)
            f.location = loc
            f.emit(Instruction(arith(op), dst, a, b))
        case .eq, .ne, .lt, .le, .gt, .ge:
            let a = operand(lhs)
            let b = operand(rhs)
            f.location = loc
            switch op {
            case .eq: f.emit(Instruction(.eq, dst, a, b))
            case .ne: f.emit(Instruction(.ne, dst, a, b))
            case .lt: f.emit(Instruction(.lt, dst, a, b))
            case .le: f.emit(Instruction(.le, dst, a, b))
            case .gt: f.emit(Instruction(.lt, dst, b, a))
            default: f.emit(Instruction(.le, dst, b, a))
            }
        }
    }

    /// Like `expr`, but indexing and field access give nil instead of an error (left of `??`).
    private mutating func safeExpr(_ e: Expr, into dst: Int) {
        switch e {
        case .index(let base, let index, _):
            let b = operand(base)
            let i = operand(index)
            current.location = e.location
            current.emit(Instruction(.indexsafe, dst, b, i))
        case .field(let base, let name, _):
            let b = operand(base)
            let k = current.allocate()
            loadConstant(.str(name), into: k)
            current.location = e.location
            current.emit(Instruction(.indexsafe, dst, b, k))
        default:
            expr(e, into: dst)
        }
    }

    /// Emits tests that jump when the truthiness of `e` equals `value`; returns the jumps to patch.
    mutating func jumpIf(_ e: Expr, is value: Bool) -> [Int] {
        let f = current
        let saved = f.freeRegister
        defer { f.freeRegister = saved }
        let k = value ? 1 : 0
        switch e {
        case .unary(false, let inner, _):
            return jumpIf(inner, is: !value)
        case .binary(.and, let lhs, let rhs, _):
            if !value { return jumpIf(lhs, is: false) + jumpIf(rhs, is: false) }
            let skip = jumpIf(lhs, is: false)
            let taken = jumpIf(rhs, is: true)
            for j in skip { f.patchHere(j) }
            return taken
        case .binary(.or, let lhs, let rhs, _):
            if value { return jumpIf(lhs, is: true) + jumpIf(rhs, is: true) }
            let skip = jumpIf(lhs, is: true)
            let taken = jumpIf(rhs, is: false)
            for j in skip { f.patchHere(j) }
            return taken
        case .binary(let op, let lhs, let rhs, let loc) where [.eq, .ne, .lt, .le, .gt, .ge].contains(op):
            let kk = op == .ne ? 1 - k : k
            if let c = scalarConstant(rhs) {
                let a = operand(lhs)
                f.location = loc
                let ops: [BinaryOp: Opcode] = [
                    .eq: .jeqk, .ne: .jeqk, .lt: .jltk, .le: .jlek, .gt: .jgtk, .ge: .jgek,
                ]
                return [f.emitTest(ops[op] ?? .jeqk, kk, a, f.constant(c))]
            }
            if let c = scalarConstant(lhs) {
                let b = operand(rhs)
                f.location = loc
                let ops: [BinaryOp: Opcode] = [
                    .eq: .jeqk, .ne: .jeqk, .lt: .jgtk, .le: .jgek, .gt: .jltk, .ge: .jlek,
                ]
                return [f.emitTest(ops[op] ?? .jeqk, kk, b, f.constant(c))]
            }
            let a = operand(lhs)
            let b = operand(rhs)
            f.location = loc
            switch op {
            case .eq, .ne: return [f.emitTest(.jeq, kk, a, b)]
            case .lt: return [f.emitTest(.jlt, k, a, b)]
            case .le: return [f.emitTest(.jle, k, a, b)]
            case .gt: return [f.emitTest(.jlt, k, b, a)]
            default: return [f.emitTest(.jle, k, b, a)]
            }
        case .literal(let v, _):
            return v.isTruthy == value ? [f.emitJump()] : []
        default:
            let r = operand(e)
            f.location = e.location
            return [f.emitTest(.jtest, k, r)]
        }
    }

    /// Resolves `name` as a variable of an enclosing function captured by the current closure.
    mutating func capture(_ name: String) -> Int? {
        guard let v = current.lookup(name) else { return nil }
        return v.register
    }

    /// Compiles an anonymous function and creates its closure value.
    private mutating func closure(_ decl: FunctionDecl, into dst: Int) {
        let names = FreeNames.of(decl).filter { n in
            !decl.params.contains(n) && current.resolvesInChain(n)
        }
        let f = current
        for n in names where f.lookup(n) == nil {
            error("internal: cannot capture '\(n)'", at: decl.location)
        }
        let index = compileClosure(decl, captures: names)
        f.location = decl.location
        if names.isEmpty {
            f.emit(Instruction(.function, dst, index))
            return
        }
        let base = f.allocate(names.count)
        for (i, n) in names.enumerated() {
            if let v = f.lookup(n) { f.emit(Instruction(.move, base + i, v.register)) }
        }
        f.emit(Instruction(.closure, dst, index, base))
    }
}
