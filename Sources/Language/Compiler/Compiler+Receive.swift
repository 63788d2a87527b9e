/// Code generation for `receive` and its patterns.
///
/// Layout: scan the mailbox from index 0; for each message try each clause (pattern, guard);
/// the first match is removed and its body runs. When no message is left, wait for a new
/// one (or the `after` timeout) and go on scanning where it stopped: rejected messages are not
/// scanned again.
///
/// A `receive` that takes any message (see ``takesFirstMessage(_:)``) skips the scan: the
/// first message always matches, so `recvfirst` takes it (or waits for one) in one kernel
/// call and the clauses only choose the body.
extension Compiler {
    mutating func receive(_ clauses: [ReceiveClause], after: (Expr, [Stmt])?, at loc: SourceLocation) {
        if after == nil && Compiler.takesFirstMessage(clauses) {
            receiveFirst(clauses, at: loc)
            return
        }
        let f = current
        f.pushScope()
        var timeout = Instruction.noRegister  // no `after`: wait forever
        if let (ms, _) = after {
            timeout = f.allocate()
            f.declare("", register: timeout, mutable: false)
            expr(ms, into: timeout)
        }
        let idx = f.allocate()
        f.declare("", register: idx, mutable: false)
        let msg = f.allocate()
        f.declare("", register: msg, mutable: false)
        let flag = f.allocate()
        f.declare("", register: flag, mutable: false)
        f.location = loc
        f.emit(Instruction(.loadi, idx, sbx: 0))
        var endJumps: [Int] = []
        let scan = f.code.count
        let wait = f.emitTest(.recvpeek, msg, idx)
        for clause in clauses {
            endJumps.append(receiveClause(clause, message: msg, take: (scan: scan, index: idx)))
        }
        f.location = loc
        f.emit(Instruction(.addk, idx, idx, f.constant(.int(1))))
        f.emitJump(to: scan)
        f.patchHere(wait)
        f.emit(Instruction(.recvwait, flag, timeout))
        let rescan = f.emitTest(.recvcursor, flag, idx)
        f.patch(rescan, to: scan)
        if let (_, body) = after {
            f.pushScope()
            for s in body { statement(s) }
            f.popScope()
        }
        for j in endJumps { f.patchHere(j) }
        f.popScope()
    }

    /// Whether a `receive` (without `after`) takes whatever message comes first: one clause
    /// takes any message (`_` or a name, without a guard), and no clause before it has a guard.
    /// Pattern tests read the message and change nothing else, so taking it before they run
    /// changes no outcome; a guard could fail (or throw) with the message still queued.
    static func takesFirstMessage(_ clauses: [ReceiveClause]) -> Bool {
        for clause in clauses {
            guard clause.guardExpr == nil else { return false }
            switch clause.pattern {
            case .wildcard, .bind: return true
            case .literal, .list, .map: continue
            }
        }
        return false
    }

    /// The `receive` of ``takesFirstMessage(_:)``: `recvfirst`, then the clauses' tests and
    /// bodies. Clauses after the one that takes any message are compiled (their errors are
    /// reported) but never run.
    private mutating func receiveFirst(_ clauses: [ReceiveClause], at loc: SourceLocation) {
        let f = current
        f.pushScope()
        let msg = f.allocate()
        f.declare("", register: msg, mutable: false)
        f.location = loc
        f.emit(Instruction(.recvfirst, msg, 0))
        let endJumps = clauses.map { receiveClause($0, message: msg, take: nil) }
        for j in endJumps { f.patchHere(j) }
        f.popScope()
    }

    /// Compiles one clause against the message in register `msg`: its tests (a failing one
    /// jumps past the clause), for the scanning form the `recvtake` of the matched message
    /// (`take`: where the scan starts, the index register), and its body. Returns the jump
    /// from the body's end to the `receive`'s end, for the caller to patch.
    private mutating func receiveClause(
        _ clause: ReceiveClause, message msg: Int, take: (scan: Int, index: Int)?
    ) -> Int {
        let f = current
        f.pushScope()
        f.freeRegister = f.scopeTop
        var fails: [Int] = []
        f.location = clause.location
        if case .bind(let name, _) = clause.pattern, clause.guardExpr == nil {
            bindToMessage(name, register: msg)
        } else {
            pattern(clause.pattern, source: msg, fails: &fails)
        }
        if let g = clause.guardExpr { fails += jumpIf(g, is: false) }
        f.location = clause.location
        if let take {
            let back = f.code.count - take.scan  // to `recvpeek`, should the message be gone
            f.emit(Instruction(.recvtake, back >> 16, take.index, back & 0xFFFF))
        }
        for s in clause.body { statement(s) }
        let end = f.emitJump()
        f.popScope()
        for j in fails { f.patchHere(j) }
        return end
    }

    /// Emits the tests of `p` against register `source`; failed tests jump (appended to `fails`).
    mutating func pattern(_ p: Pattern, source: Int, fails: inout [Int]) {
        let f = current
        switch p {
        case .wildcard:
            break
        case .literal(let v, _):
            fails.append(f.emitTest(.jeqk, 0, source, f.constant(v)))
        case .bind(let name, let loc):
            let r = bindRegister(name, at: loc)
            f.emit(Instruction(.move, r, source))
        case .list(let items, _):
            fails.append(f.emitTest(.matchlist, 0, source, items.count))
            for (i, item) in items.enumerated() {
                if case .wildcard = item { continue }
                let r: Int
                if case .bind(let name, let loc) = item {
                    r = bindRegister(name, at: loc)
                } else {
                    r = f.allocate()
                    f.declare("", register: r, mutable: false)
                }
                f.emit(Instruction(.indexi, r, source, i))
                if case .bind = item { continue }
                pattern(item, source: r, fails: &fails)
            }
        case .map(let entries, _):
            fails.append(f.emitTest(.matchmap, 0, source))
            for (key, sub) in entries {
                let k = f.constant(key)
                if case .bind(let name, let loc) = sub {
                    fails.append(f.emitTest(.matchkey, bindRegister(name, at: loc), source, k))
                    continue
                }
                let r = f.allocate()
                f.declare("", register: r, mutable: false)
                fails.append(f.emitTest(.matchkey, r, source, k))
                pattern(sub, source: r, fails: &fails)
            }
        }
    }

    /// Binds a clause's whole message to `name` without a copy: the variable is the message
    /// register itself. Only the clause's body can change the variable, and it runs after the
    /// message is taken, when the register is dead (the next scan loads it before reading it).
    /// With a guard the clause copies (a guard such as `when m.append(1) != nil` could change
    /// the message that the next clauses see).
    private mutating func bindToMessage(_ name: String, register msg: Int) {
        current.declare(name, register: msg, mutable: true)
    }

    private mutating func bindRegister(_ name: String, at loc: SourceLocation) -> Int {
        let f = current
        if f.scopes[f.scopes.count - 1].contains(where: { $0.name == name }) {
            error("'\(name)' is bound twice in this pattern", at: loc)
        }
        let r = f.allocate()
        f.declare(name, register: r, mutable: true)
        return r
    }
}
