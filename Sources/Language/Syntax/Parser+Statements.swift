/// Statement parsing.
extension Parser {
    /// Parses `{ statements }`, recovering from errors inside.
    mutating func block() throws(Abort) -> [Stmt] {
        try expect(.lbrace, "to open a block")
        try enter()
        defer { leave() }
        var body: [Stmt] = []
        while !check(.rbrace), current.kind != .eof {
            if mustStop { throw Abort() }
            if accept(.semicolon) { continue }
            do {
                body.append(try statement())
                try endOfStatement()
            } catch {
                if mustStop { throw Abort() }
                synchronize()
            }
        }
        try expect(.rbrace, "to close the block")
        return body
    }

    /// Requires a statement to end: `;`, a line break, `}` or end of file. `what` names what
    /// ended, for the error.
    mutating func endOfStatement(_ what: String = "the statement") throws(Abort) {
        if accept(.semicolon) || current.newlineBefore || check(.rbrace) || current.kind == .eof { return }
        throw fail("expected a line break or ';' after \(what), found \(current.display)")
    }

    /// Parses one statement.
    mutating func statement() throws(Abort) -> Stmt {
        let loc = location
        switch current.kind {
        case .keyword(.let), .keyword(.var):
            let mutable = check(.var)
            advance()
            let name = try expectIdentifier("a variable name")
            if accept(.assign) { return .declare(name: name, mutable: mutable, try expression(), loc) }
            if !mutable { throw fail("expected '=' after 'let \(name)' (a constant needs a value)") }
            return .declare(name: name, mutable: true, .literal(.nil, loc), loc)
        case .keyword(.if):
            return try ifStatement()
        case .keyword(.while):
            advance()
            let cond = try expression()
            return .whileLoop(cond, try block(), loc)
        case .keyword(.for):
            advance()
            let first = try expectIdentifier("a loop variable after 'for'")
            var second: String?
            if accept(.comma) { second = try expectIdentifier("a second loop variable after ','") }
            guard accept(.in) else {
                throw fail("expected 'in' after the loop variable, found \(current.display)")
            }
            let seq = try expression()
            return .forIn(first, second, seq, try block(), loc)
        case .keyword(.loop):
            advance()
            return .loop(try block(), loc)
        case .keyword(.break):
            advance()
            return .breakLoop(loc)
        case .keyword(.continue):
            advance()
            return .continueLoop(loc)
        case .keyword(.return):
            advance()
            if current.newlineBefore || check(.rbrace) || check(.semicolon) || current.kind == .eof {
                return .returnValue(nil, loc)
            }
            return .returnValue(try expression(), loc)
        case .keyword(.try):
            advance()
            let body = try block()
            guard accept(.catch) else {
                throw fail("expected 'catch' after the try block, found \(current.display)")
            }
            var name: String?
            if case .identifier(let n) = current.kind {
                name = n
                advance()
            }
            return .tryCatch(body, name, try block(), loc)
        case .keyword(.throw):
            advance()
            return .throwValue(try expression(), loc)
        case .keyword(.receive):
            return try receiveStatement()
        case .punct(.lbrace):
            return .block(try block(), loc)
        case .keyword(.fn):
            throw fail("named functions must be declared at top level (use 'let f = fn(x) { ... }' here)")
        default:
            let target = try expression()
            let ops: [Punct: BinaryOp?] = [
                .assign: nil, .plusAssign: .add, .minusAssign: .sub, .starAssign: .mul, .slashAssign: .div,
                .percentAssign: .mod,
            ]
            if case .punct(let p) = current.kind, let op = ops[p] {
                switch target {
                case .name, .index, .field: break
                default:
                    throw fail("cannot assign to this expression (expected a variable, 'a[i]' or 'm.field')")
                }
                advance()
                return .assign(target: target, op: op, try expression(), loc)
            }
            return .expr(target, loc)
        }
    }

    private mutating func ifStatement() throws(Abort) -> Stmt {
        let loc = location
        advance()
        let cond = try expression()
        let then = try block()
        guard accept(.else) else { return .ifElse(cond, then, nil, loc) }
        if check(.if) {
            try enter()
            defer { leave() }
            return .ifElse(cond, then, [try ifStatement()], loc)
        }
        return .ifElse(cond, then, try block(), loc)
    }

    private mutating func receiveStatement() throws(Abort) -> Stmt {
        let loc = location
        advance()
        try expect(.lbrace, "after 'receive'")
        try enter()
        defer { leave() }
        var clauses: [ReceiveClause] = []
        var after: (Expr, [Stmt])?
        // Whether any clause was begun, even one that failed to parse: only a receive with none
        // at all is empty (a clause with an error must not also be reported as missing).
        var hasClauses = false
        while !check(.rbrace), current.kind != .eof {
            if mustStop { throw Abort() }
            if accept(.semicolon) { continue }
            hasClauses = true
            do {
                if check(.after) {
                    if after != nil { throw fail("a receive can have only one 'after' clause") }
                    advance()
                    let ms = try expression()
                    try expect(.arrow, "after the 'after' timeout")
                    after = (ms, try clauseBody())
                    continue
                }
                if after != nil { throw fail("the 'after' clause must come last in a receive") }
                let cloc = location
                let pattern = try self.pattern()
                var guardExpr: Expr?
                if accept(.when) { guardExpr = try expression() }
                try expect(.arrow, "after the receive pattern")
                clauses.append(
                    ReceiveClause(
                        pattern: pattern, guardExpr: guardExpr, body: try clauseBody(), location: cloc))
            } catch {
                if mustStop { throw Abort() }
                synchronize()
            }
        }
        try expect(.rbrace, "to close the receive")
        if !hasClauses { record("a receive needs at least one clause", at: loc) }
        return .receive(clauses, after: after, loc)
    }

    /// Parses the body after `=>`: a block, or one statement that, like any statement, ends at a
    /// line break or `;` (or the receive's `}`), so clauses on one line need `;` between them.
    private mutating func clauseBody() throws(Abort) -> [Stmt] {
        if check(.lbrace) { return try block() }
        let s = try statement()
        try endOfStatement("the receive clause")
        return [s]
    }

    /// Parses a receive pattern.
    mutating func pattern() throws(Abort) -> Pattern {
        let loc = location
        try enter()
        defer { leave() }
        switch current.kind {
        case .identifier(let name):
            advance()
            return name == "_" ? .wildcard : .bind(name, loc)
        case .punct(.lbracket):
            advance()
            var items: [Pattern] = []
            if !check(.rbracket) {
                repeat {
                    if check(.rbracket) { break }
                    items.append(try pattern())
                } while accept(.comma)
            }
            try expect(.rbracket, "to close the list pattern")
            return .list(items, loc)
        case .punct(.lbrace):
            advance()
            var entries: [(key: Value, pattern: Pattern)] = []
            if !check(.rbrace) {
                repeat {
                    if check(.rbrace) { break }
                    let kloc = location
                    let key: Value
                    var shorthand: String?
                    switch current.kind {
                    case .identifier(let s):
                        key = .str(s)
                        shorthand = s
                    case .string(let parts) where parts.count <= 1:
                        if case .text(let t) = parts.first { key = .str(t) } else { key = .str("") }
                    case .int(let i): key = .int(i)
                    default: throw fail("expected a key in the map pattern, found \(current.display)")
                    }
                    advance()
                    if accept(.colon) {
                        entries.append((key, try pattern()))
                    } else if let s = shorthand {
                        entries.append((key, s == "_" ? .wildcard : .bind(s, kloc)))
                    } else {
                        throw fail("expected ':' after the key in the map pattern, found \(current.display)")
                    }
                } while accept(.comma)
            }
            try expect(.rbrace, "to close the map pattern")
            return .map(entries, loc)
        default:
            let e = try unary()
            if let v = Parser.constantValue(e) { return .literal(v, loc) }
            throw fail("expected a pattern (a literal, '_', a name, [list] or {map}), found an expression")
        }
    }

    /// The value of a constant expression (literals, lists and maps of them, negation, `pid(n)`).
    public static func constantValue(_ e: Expr) -> Value? {
        switch e {
        case .literal(let v, _): return v
        case .unary(true, let inner, _):
            switch constantValue(inner) {
            case .int(let i)?: return i == Int64.min ? nil : .int(-i)
            case .float(let f)?: return .float(-f)
            default: return nil
            }
        case .list(let items, _):
            var out: [Value] = []
            for i in items {
                guard let v = constantValue(i) else { return nil }
                out.append(v)
            }
            return .list(out)
        case .map(let entries, _):
            var m = OrderedMap()
            for (k, v) in entries {
                guard let kv = constantValue(k), let vv = constantValue(v) else { return nil }
                m[kv] = vv
            }
            return .map(m)
        case .call(.name(let f, _), let args, _) where (f == "pid" || f == "tid") && args.count == 1:
            guard case .int(let n)? = constantValue(args[0]) else { return nil }
            return f == "pid" ? .pid(n) : .tid(n)
        default: return nil
        }
    }
}
