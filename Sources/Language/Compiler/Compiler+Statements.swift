/// Statement code generation.
extension Compiler {
    /// Compiles statements in a new scope.
    mutating func block(_ stmts: [Stmt]) {
        current.pushScope()
        for s in stmts { statement(s) }
        current.popScope()
    }

    mutating func statement(_ s: Stmt) {
        let f = current
        f.freeRegister = max(f.scopeTop, f.arity + f.captures.count)
        switch s {
        case .declare(let name, let mutable, let value, let loc):
            f.location = loc
            if f.scopes[f.scopes.count - 1].contains(where: { $0.name == name }) {
                error("'\(name)' is already declared in this scope", at: loc)
            }
            let r = f.allocate()
            expr(value, into: r)
            f.declare(name, register: r, mutable: mutable)
        case .assign(let target, let op, let value, let loc):
            f.location = loc
            assign(target, op: op, value: value, at: loc)
        case .expr(let e, let loc):
            f.location = loc
            switch e {
            case .call, .method, .ctxCall, .thread: break
            default: error("this expression does nothing; expected a call or an assignment", at: loc)
            }
            expr(e, into: f.allocate())
        case .ifElse(let cond, let then, let otherwise, let loc):
            f.location = loc
            let falseJumps = jumpIf(cond, is: false)
            block(then)
            if let otherwise {
                let end = f.emitJump()
                for j in falseJumps { f.patchHere(j) }
                block(otherwise)
                f.patchHere(end)
            } else {
                for j in falseJumps { f.patchHere(j) }
            }
        case .whileLoop(let cond, let body, let loc):
            f.location = loc
            let top = f.code.count
            let exits = jumpIf(cond, is: false)
            loopBody(body, continueTarget: top)
            f.emitJump(to: top)
            for j in exits { f.patchHere(j) }
            finishLoop(continueAt: top)
        case .loop(let body, let loc):
            f.location = loc
            let top = f.code.count
            loopBody(body, continueTarget: top)
            f.emitJump(to: top)
            finishLoop(continueAt: top)
        case .forIn(let first, let second, let seq, let body, let loc):
            f.location = loc
            forLoop(first, second, seq, body, at: loc)
        case .breakLoop(let loc), .continueLoop(let loc):
            f.location = loc
            guard var ctx = f.loops.last else {
                error("'\(isBreak(s) ? "break" : "continue")' outside of a loop", at: loc)
                return
            }
            for _ in 0..<(f.tryDepth - ctx.tryDepth) { f.emit(Instruction(.tryexit)) }
            if isBreak(s) {
                ctx.breakJumps.append(f.emitJump())
            } else if let target = ctx.continueTarget {
                f.emitJump(to: target)
            } else {
                ctx.continueJumps.append(f.emitJump())
            }
            f.loops[f.loops.count - 1] = ctx
        case .returnValue(let value, let loc):
            f.location = loc
            if let value {
                let r = operand(value)
                f.emit(Instruction(.ret, r))
            } else {
                f.emit(Instruction(.retnil))
            }
        case .tryCatch(let body, let name, let handler, let loc):
            f.location = loc
            let errReg = f.allocate()
            f.pushScope()
            f.declare("", register: errReg, mutable: false)
            let enter = f.emit(Instruction(.tryenter, errReg, sbx: 0))
            f.tryDepth += 1
            block(body)
            f.tryDepth -= 1
            f.emit(Instruction(.tryexit))
            let end = f.emitJump()
            f.patchHere(enter)
            f.pushScope()
            if let name { f.declare(name, register: errReg, mutable: true) }
            for st in handler { statement(st) }
            f.popScope()
            f.popScope()
            f.patchHere(end)
        case .throwValue(let value, let loc):
            f.location = loc
            f.emit(Instruction(.throwvalue, operand(value)))
        case .receive(let clauses, let after, let loc):
            f.location = loc
            receive(clauses, after: after, at: loc)
        case .block(let stmts, _):
            block(stmts)
        }
    }

    private func isBreak(_ s: Stmt) -> Bool {
        if case .breakLoop = s { return true }
        return false
    }

    /// Compiles a loop body with a loop context pushed.
    mutating func loopBody(_ body: [Stmt], continueTarget: Int?) {
        current.loops.append(LoopContext(continueTarget: continueTarget, tryDepth: current.tryDepth))
        block(body)
    }

    /// Pops the loop context: patches `break`s to here and pending `continue`s to `continueAt`.
    mutating func finishLoop(continueAt: Int) {
        guard let ctx = current.loops.popLast() else { return }
        for j in ctx.breakJumps { current.patchHere(j) }
        for j in ctx.continueJumps { current.patch(j, to: continueAt) }
    }

    private mutating func forLoop(
        _ first: String, _ second: String?, _ seq: Expr, _ body: [Stmt], at loc: SourceLocation
    ) {
        let f = current
        f.pushScope()
        if case .range(let lo, let hi, let inclusive, _) = seq, second == nil {
            let base = f.allocate(3)
            f.declare("", register: base, mutable: false)
            f.declare("", register: base + 1, mutable: false)
            expr(lo, into: base)
            expr(hi, into: base + 1)
            f.location = loc
            let exit = f.emitTest(.forprep, base, inclusive ? 1 : 0)
            f.declare(first, register: base + 2, mutable: true)
            let top = f.code.count
            f.loops.append(LoopContext(continueTarget: nil, tryDepth: f.tryDepth))
            block(body)
            let continueAt = f.code.count
            f.location = loc
            f.emit(Instruction(.forloop, base, sbx: Int32(top - (f.code.count + 1))))
            f.patchHere(exit)
            finishLoop(continueAt: continueAt)
        } else {
            let base = f.allocate(2)
            f.declare("", register: base, mutable: false)
            f.declare("", register: base + 1, mutable: false)
            let src = operand(seq)
            f.location = loc
            f.emit(Instruction(.iterprep, base, src))
            let v1 = f.allocate()
            f.declare(first, register: v1, mutable: true)
            var v2 = 0xFFFF
            if let second {
                v2 = f.allocate()
                f.declare(second, register: v2, mutable: true)
            }
            let top = f.code.count
            let exit = f.emitTest(.iternext, base, v1, v2)
            loopBody(body, continueTarget: top)
            f.emitJump(to: top)
            f.patchHere(exit)
            finishLoop(continueAt: top)
        }
        f.popScope()
    }

    /// Compiles `target op= value`.
    mutating func assign(_ target: Expr, op: BinaryOp?, value: Expr, at loc: SourceLocation) {
        let f = current
        switch target {
        case .name(let name, let nloc):
            guard let v = f.lookup(name) else {
                error(
                    f.resolvesInChain(name) || topLevelIndex[name] != nil
                        ? "cannot assign to '\(name)': it is not a variable of this function"
                        : "unknown variable '\(name)'", at: nloc)
                return
            }
            if !v.mutable {
                error(
                    "cannot assign to '\(name)': it is a constant (declared with 'let'); use 'var'", at: nloc)
            }
            if let op {
                expr(.binary(op, target, value, loc), into: v.register)
            } else {
                expr(value, into: v.register)
            }
        case .index(let base, _, _) where isAssignable(base), .field(let base, _, _) where isAssignable(base):
            guard let (root, keys) = path(target) else { return }
            let old = f.allocate()
            if op != nil { expr(target, into: old) }
            if keys.count == 1 {
                var k: Int
                var isField = false
                if case .literal(.string(let s), _) = keys[0] {
                    k = f.constant(.string(s))
                    isField = true
                } else {
                    k = operand(keys[0])
                }
                var r = operand(value)
                if let op {
                    f.location = loc
                    f.emit(Instruction(arith(op), old, old, r))
                    r = old
                }
                f.location = loc
                f.emit(Instruction(isField ? .setfield : .setindex, root, k, r))
                return
            }
            let kb = f.allocate(keys.count + 1)
            for (i, key) in keys.enumerated() { expr(key, into: kb + i) }
            expr(value, into: kb + keys.count)
            f.location = loc
            if let op { f.emit(Instruction(arith(op), kb + keys.count, old, kb + keys.count)) }
            f.emit(Instruction(.setpath, root, kb, keys.count))
        default:
            error(
                "cannot assign to this expression (expected a variable, 'a[i]' or 'm.field')",
                at: target.location)
        }
    }

    private func isAssignable(_ e: Expr) -> Bool {
        switch e {
        case .name: return true
        case .index(let b, _, _), .field(let b, _, _): return isAssignable(b)
        default: return false
        }
    }

    /// Splits `a.b[i].c` into the variable `a`'s register and the keys `["b", i, "c"]`
    /// (field names as string literals); reports an error if `a` is not a `var`.
    mutating func path(_ e: Expr) -> (Int, [Expr])? {
        switch e {
        case .name(let name, let loc):
            guard let v = current.lookup(name) else {
                error("unknown variable '\(name)'", at: loc)
                return nil
            }
            if !v.mutable {
                error("cannot modify '\(name)': it is a constant (declared with 'let'); use 'var'", at: loc)
            }
            return (v.register, [])
        case .index(let base, let key, _):
            guard let (root, keys) = path(base) else { return nil }
            return (root, keys + [key])
        case .field(let base, let name, let loc):
            guard let (root, keys) = path(base) else { return nil }
            return (root, keys + [.literal(.str(name), loc)])
        default:
            error("cannot modify this expression (expected a variable, 'a[i]' or 'm.field')", at: e.location)
            return nil
        }
    }

    /// The arithmetic opcode for a binary operator.
    func arith(_ op: BinaryOp) -> Opcode {
        switch op {
        case .sub: return .sub
        case .mul: return .mul
        case .div: return .div
        case .mod: return .mod
        default: return .add
        }
    }
}
