/// Expression parsing, by precedence (lowest first): `||`, `&&`, comparisons, `??`,
/// ranges `..<` `...`, `+ -`, `* / %`, unary `- !`, postfix (call, index, field, method).
extension Parser {
    /// Parses an expression.
    public mutating func expression() throws(Abort) -> Expr {
        try enter()
        defer { leave() }
        return try binaryLevel(0)
    }

    private static let levels: [[Punct: BinaryOp]] = [
        [.or: .or],
        [.and: .and],
        [.eq: .eq, .ne: .ne, .lt: .lt, .le: .le, .gt: .gt, .ge: .ge],
        [.coalesce: .coalesce],
        [:],  // ranges, handled specially
        [.plus: .add, .minus: .sub],
        [.star: .mul, .slash: .div, .percent: .mod],
    ]

    private mutating func binaryLevel(_ level: Int) throws(Abort) -> Expr {
        if level == Parser.levels.count { return try unary() }
        if level == 4 {
            let lhs = try binaryLevel(level + 1)
            let loc = location
            if accept(.halfOpen) { return .range(lhs, try binaryLevel(level + 1), inclusive: false, loc) }
            if accept(.closed) { return .range(lhs, try binaryLevel(level + 1), inclusive: true, loc) }
            return lhs
        }
        var lhs = try binaryLevel(level + 1)
        let saved = depth
        defer { depth = saved }
        while case .punct(let p) = current.kind, let op = Parser.levels[level][p] {
            let loc = location
            advance()
            try enter()  // long operator chains build deep trees: count them as nesting
            let rhs = try binaryLevel(level + 1)
            if level == 2, case .binary(let prev, _, _, _) = lhs,
                [.eq, .ne, .lt, .le, .gt, .ge].contains(prev),
                !isParenthesized(lhs)
            {
                record("comparisons cannot be chained; use '&&' (as in 'a < b && b < c')", at: loc)
            }
            lhs = .binary(op, lhs, rhs, loc)
        }
        return lhs
    }

    private func isParenthesized(_ e: Expr) -> Bool { false }

    /// Parses a unary expression.
    mutating func unary() throws(Abort) -> Expr {
        let loc = location
        if accept(.minus) {
            try enter()
            defer { leave() }
            let inner = try unary()
            if case .literal(.int(let i), _) = inner, i != Int64.min { return .literal(.int(-i), loc) }
            if case .literal(.float(let f), _) = inner { return .literal(.float(-f), loc) }
            return .unary(negate: true, inner, loc)
        }
        if accept(.not) {
            try enter()
            defer { leave() }
            return .unary(negate: false, try unary(), loc)
        }
        return try postfix()
    }

    private mutating func postfix() throws(Abort) -> Expr {
        var e = try primary()
        let saved = depth
        defer { depth = saved }
        while true {
            let loc = location
            if check(.lparen), !current.newlineBefore {
                try enter()
                e = .call(e, try arguments(), loc)
            } else if check(.lbracket), !current.newlineBefore {
                try enter()
                advance()
                let index = try expression()
                try expect(.rbracket, "to close the index")
                e = .index(e, index, loc)
            } else if accept(.dot) {
                try enter()
                let name = try expectIdentifier("a field or method name after '.'")
                if check(.lparen), !current.newlineBefore {
                    e = .method(e, name, try arguments(), loc)
                } else {
                    e = .field(e, name, loc)
                }
            } else {
                return e
            }
        }
    }

    /// Parses `( args )`.
    mutating func arguments() throws(Abort) -> [Expr] {
        try expect(.lparen, "to open the argument list")
        var args: [Expr] = []
        if !check(.rparen) {
            repeat {
                if check(.rparen) { break }
                args.append(try expression())
            } while accept(.comma)
        }
        try expect(.rparen, "to close the argument list")
        return args
    }

    private mutating func primary() throws(Abort) -> Expr {
        let loc = location
        switch current.kind {
        case .int(let i):
            advance()
            return .literal(.int(i), loc)
        case .float(let f):
            advance()
            return .literal(.float(f), loc)
        case .string(let parts):
            advance()
            return try stringExpr(parts, loc)
        case .keyword(.true):
            advance()
            return .literal(.bool(true), loc)
        case .keyword(.false):
            advance()
            return .literal(.bool(false), loc)
        case .keyword(.nil):
            advance()
            return .literal(.nil, loc)
        case .identifier("ctx") where tokens[min(pos + 1, tokens.count - 1)].kind == .punct(.dot):
            advance()
            advance()
            let name = try expectIdentifier("a context operation after 'ctx.'")
            return .ctxCall(name, try arguments(), loc)
        case .identifier(let name):
            advance()
            return .name(name, loc)
        case .punct(.lparen):
            advance()
            let e = try expression()
            try expect(.rparen, "to close the parenthesis")
            return e
        case .punct(.lbracket):
            advance()
            try enter()
            defer { leave() }
            var items: [Expr] = []
            while !check(.rbracket) {
                items.append(try expression())
                if !accept(.comma) { break }
            }
            try expect(.rbracket, "to close the list")
            return .list(items, loc)
        case .punct(.lbrace):
            return try mapLiteral()
        case .keyword(.fn):
            advance()
            try enter()
            defer { leave() }
            return .function(
                try functionRest(name: "fn@\(loc.line):\(loc.column)", location: loc, anonymous: true))
        case .keyword(.thread):
            advance()
            let callee = try primary()
            guard check(.lparen) else {
                throw fail(
                    "expected '(' with arguments after 'thread \(callee)' (as in 'thread f(x)'), found \(current.display)"
                )
            }
            return .thread(callee, try arguments(), loc)
        default:
            throw fail("expected an expression, found \(current.display)")
        }
    }

    private mutating func mapLiteral() throws(Abort) -> Expr {
        let loc = location
        advance()
        try enter()
        defer { leave() }
        var entries: [(key: Expr, value: Expr)] = []
        while !check(.rbrace) {
            let kloc = location
            let key: Expr
            var shorthand: String?
            switch current.kind {
            case .identifier(let s):
                advance()
                key = .literal(.str(s), kloc)
                shorthand = s
            case .punct(.lparen):
                advance()
                key = try expression()
                try expect(.rparen, "to close the computed key")
            default:
                let e = try unary()
                guard Parser.constantValue(e) != nil else {
                    throw fail("expected a map key (a name, a literal or '(expression)')")
                }
                key = e
            }
            if accept(.colon) {
                entries.append((key, try expression()))
            } else if let s = shorthand {
                entries.append((key, .name(s, kloc)))
            } else {
                throw fail("expected ':' after the map key, found \(current.display)")
            }
            if !accept(.comma) { break }
        }
        try expect(.rbrace, "to close the map")
        return .map(entries, loc)
    }

    private mutating func stringExpr(_ parts: [StringPart], _ loc: SourceLocation) throws(Abort) -> Expr {
        var out: [InterpolationPart] = []
        for part in parts {
            switch part {
            case .text(let t): out.append(.text(t))
            case .code(let code, let line, let column):
                var sub = Parser(source: code, file: file, line: line, column: column, depth: depth + 4)
                if sub.current.kind == .eof {
                    record(
                        "empty interpolation '\\()' in string literal",
                        at: SourceLocation(line: line, column: column))
                    throw Abort()
                }
                let e = try? sub.expression()
                if e != nil, sub.current.kind != .eof {
                    sub.record(
                        "expected ')' to end the interpolation, found \(sub.current.display)",
                        at: sub.location)
                }
                errors += sub.errors
                tooDeep = tooDeep || sub.tooDeep
                guard let e, sub.errors.isEmpty else { throw Abort() }
                out.append(.expr(e))
            }
        }
        if out.isEmpty { return .literal(.str(""), loc) }
        if out.count == 1, case .text(let t) = out[0] { return .literal(.str(t), loc) }
        return .interpolated(out, loc)
    }
}
