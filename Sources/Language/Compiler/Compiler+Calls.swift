/// Code generation for calls: functions, closures, builtins, kernel calls, methods and threads.
extension Compiler {
    /// A call base: the result register, with arguments in the registers after it.
    private mutating func callBase(for dst: Int) -> Int {
        let isVariable = current.scopes.contains { $0.contains { $0.register == dst } }
        return dst + 1 == current.freeRegister && !isVariable ? dst : current.allocate()
    }

    /// Compiles arguments into `base+1 ...`.
    private mutating func arguments(_ args: [Expr], base: Int, offset: Int = 1) {
        let f = current
        if f.freeRegister < base + offset { _ = f.allocate(base + offset - f.freeRegister) }
        for (i, a) in args.enumerated() {
            let r = base + offset + i
            if f.freeRegister <= r { _ = f.allocate(r + 1 - f.freeRegister) }
            expr(a, into: r)
        }
    }

    private mutating func finish(_ base: Int, into dst: Int) {
        if base != dst { current.emit(Instruction(.move, dst, base)) }
    }

    mutating func call(_ callee: Expr, _ args: [Expr], into dst: Int, at loc: SourceLocation) {
        let f = current
        guard case .name(let name, let nloc) = callee, f.lookup(name) == nil else {
            let base = callBase(for: dst)
            expr(callee, into: base)
            arguments(args, base: base)
            f.location = loc
            f.emit(Instruction(.callv, base, args.count))
            finish(base, into: dst)
            return
        }
        if let index = topLevelIndex[name] {
            let arity = topLevel[name]?.params.count ?? 0
            if arity != args.count {
                error(
                    "'\(name)' takes \(arity) argument\(arity == 1 ? "" : "s"), but \(args.count) given",
                    at: loc)
            }
            let base = callBase(for: dst)
            arguments(args, base: base)
            f.location = loc
            f.emit(Instruction(.call, base, args.count, index))
            finish(base, into: dst)
        } else if (name == "map" || name == "filter"), args.count == 2 {
            mapOrFilter(isMap: name == "map", args[0], args[1], into: dst, at: loc)
        } else if let b = Builtin.byName[name],
            b.arity.contains(args.count) || KernelCall.byName[name]?.arity.contains(args.count) != true
        {
            if !b.arity.contains(args.count) {
                error("'\(name)' takes \(arityText(b.arity)), but \(args.count) given", at: loc)
            }
            let base = callBase(for: dst)
            arguments(args, base: base)
            f.location = loc
            f.emit(Instruction(.builtin, base, args.count, Int(b.rawValue)))
            finish(base, into: dst)
        } else if let k = KernelCall.byName[name], k != .thread {
            if !k.arity.contains(args.count) {
                error("'\(name)' takes \(arityText(k.arity)), but \(args.count) given", at: loc)
            }
            syscall(k, args, into: dst, at: loc)
        } else {
            error("unknown function '\(name)'", at: nloc)
        }
    }

    private func arityText(_ r: ClosedRange<Int>) -> String {
        let n = r.upperBound
        if r.lowerBound == n { return "\(n) argument\(n == 1 ? "" : "s")" }
        return "\(r.lowerBound) to \(n) arguments"
    }

    private mutating func syscall(_ k: KernelCall, _ args: [Expr], into dst: Int, at loc: SourceLocation) {
        if k == .send, args.count == 2 { return send(args, into: dst, at: loc) }
        let base = callBase(for: dst)
        arguments(args, base: base)
        current.location = loc
        current.emit(Instruction(.syscall, base, args.count, Int(k.rawValue)))
        finish(base, into: dst)
    }

    mutating func method(
        _ object: Expr, _ name: String, _ args: [Expr], into dst: Int, at loc: SourceLocation
    ) {
        let f = current
        if let b = Builtin.byName[name], b.isMutating, isVariablePath(object) {
            if !b.arity.contains(args.count + 1) {
                error(
                    "'.\(name)' takes \(arityText(b.arity.lowerBound - 1...b.arity.upperBound - 1)), but \(args.count) given",
                    at: loc)
            }
            guard let (root, keys) = path(object) else { return }
            let base = callBase(for: dst)
            arguments(args + keys, base: base)
            f.location = loc
            if keys.isEmpty {
                f.emit(Instruction(.mutate, root, base, Int(b.rawValue)))
            } else {
                f.emit(Instruction(.mutpath, root, base, Int(b.rawValue) | keys.count << 8))
            }
            finish(base, into: dst)
        } else if Builtin.byName[name] != nil || KernelCall.byName[name] != nil
            || ((name == "map" || name == "filter") && args.count == 1)
        {
            call(.name(name, loc), [object] + args, into: dst, at: loc)
        } else {
            call(.field(object, name, loc), args, into: dst, at: loc)
        }
    }

    private func isVariablePath(_ e: Expr) -> Bool {
        switch e {
        case .name(let n, _): return current.lookup(n) != nil
        case .index(let b, _, _), .field(let b, _, _): return isVariablePath(b)
        default: return false
        }
    }

    mutating func contextCall(_ name: String, _ args: [Expr], into dst: Int, at loc: SourceLocation) {
        if name == "update" {
            guard args.count == 3 else {
                error(
                    "'ctx.update' takes 3 arguments (region, key, function), but \(args.count) given", at: loc
                )
                return
            }
            contextUpdate(args, into: dst, at: loc)
            return
        }
        guard let k = KernelCall.byName["ctx." + name] else {
            let names = KernelCall.allCases.filter { $0.name.hasPrefix("ctx.") }.map { $0.name.dropFirst(4) }
            error(
                "unknown context operation 'ctx.\(name)' (expected one of: update, \(names.joined(separator: ", ")))",
                at: loc)
            return
        }
        if !k.arity.contains(args.count) {
            error("'ctx.\(name)' takes \(arityText(k.arity)), but \(args.count) given", at: loc)
        }
        syscall(k, args, into: dst, at: loc)
    }

    /// `ctx.update(r, k, fn)`: `loop { old = ctx.read(r, k); new = fn(old); if ctx.cas(r, k, old, new) { break } }`.
    private mutating func contextUpdate(_ args: [Expr], into dst: Int, at loc: SourceLocation) {
        let f = current
        let region = operand(args[0])
        let key = operand(args[1])
        let fn = f.allocate()
        expr(args[2], into: fn)
        let old = f.allocate(3)  // read: result/base, region, key
        let new = f.allocate(2)  // callv: fn, old
        let cas = f.allocate(5)  // cas: result/base, region, key, old, new
        f.location = loc
        let top = f.code.count
        f.emit(Instruction(.move, old + 1, region))
        f.emit(Instruction(.move, old + 2, key))
        f.emit(Instruction(.syscall, old, 2, Int(KernelCall.ctxRead.rawValue)))
        f.emit(Instruction(.move, new, fn))
        f.emit(Instruction(.move, new + 1, old))
        f.emit(Instruction(.callv, new, 1))
        f.emit(Instruction(.move, cas + 1, region))
        f.emit(Instruction(.move, cas + 2, key))
        f.emit(Instruction(.move, cas + 3, old))
        f.emit(Instruction(.move, cas + 4, new))
        f.emit(Instruction(.syscall, cas, 4, Int(KernelCall.ctxCas.rawValue)))
        let retry = f.emitTest(.jtest, 0, cas)
        f.patch(retry, to: top)
        f.emit(Instruction(.move, dst, new))
    }

    mutating func threadStart(_ callee: Expr, _ args: [Expr], into dst: Int, at loc: SourceLocation) {
        let f = current
        if case .name(let name, _) = callee, f.lookup(name) == nil, let decl = topLevel[name],
            decl.params.count != args.count
        {
            error("'\(name)' takes \(decl.params.count) arguments, but \(args.count) given", at: loc)
        }
        let base = callBase(for: dst)
        if f.freeRegister < base + 3 { _ = f.allocate(base + 3 - f.freeRegister) }
        expr(callee, into: base + 1)
        expr(.list(args, loc), into: base + 2)
        f.location = loc
        f.emit(Instruction(.syscall, base, 2, Int(KernelCall.thread.rawValue)))
        finish(base, into: dst)
    }

    /// `map(xs, f)` / `filter(xs, f)` compiled inline as a loop, so the callback may block or be preempted.
    private mutating func mapOrFilter(
        isMap: Bool, _ seq: Expr, _ fnExpr: Expr, into dst: Int, at loc: SourceLocation
    ) {
        let f = current
        let out = f.allocate()
        let fn = f.allocate()
        let it = f.allocate(2)
        let elem = f.allocate()
        let slot = f.allocate(2)
        expr(seq, into: it)
        expr(fnExpr, into: fn)
        f.location = loc
        f.emit(Instruction(.newlist, out, 0, 0))
        f.emit(Instruction(.iterprep, it, it))
        let top = f.code.count
        let exit = f.emitTest(.iternext, it, elem, 0xFFFF)
        f.emit(Instruction(.move, slot, fn))
        f.emit(Instruction(.move, slot + 1, elem))
        f.emit(Instruction(.callv, slot, 1))
        if isMap {
            f.emit(Instruction(.move, slot + 1, slot))
        } else {
            let skip = f.emitTest(.jtest, 0, slot)
            f.emit(Instruction(.move, slot + 1, elem))
            f.emit(Instruction(.mutate, out, slot, Int(Builtin.append.rawValue)))
            f.emitJump(to: top)
            f.patchHere(skip)
            f.emitJump(to: top)
            f.patchHere(exit)
            f.emit(Instruction(.move, dst, out))
            return
        }
        f.emit(Instruction(.mutate, out, slot, Int(Builtin.append.rawValue)))
        f.emitJump(to: top)
        f.patchHere(exit)
        f.emit(Instruction(.move, dst, out))
    }
}
