/// Support for loaders that embed language code in other files (the BPMN loader): parse an
/// expression or a run of statements where it stands in the host file, so errors carry the host
/// file's line and column, and find the names the code takes from outside.
public enum EmbeddedCode {
    /// What a piece of embedded code needs from its surroundings.
    public struct Analysis: Sendable, Equatable {
        /// Names read but not declared by the code (in first-use order). Names only called
        /// (`f(x)`) are not listed: they are functions.
        public var reads: [String] = []
        /// Names of `reads` that the code assigns or changes in place (`x = 1`, `x += 1`,
        /// `x[k] = v`, `x.append(v)`).
        public var assigns: [String] = []
        /// Whether the code contains a `return` outside nested functions.
        public var returns = false
        /// Syntax errors, at their place in the host file.
        public var errors: [CompileError] = []
    }

    /// Parses `text` as one expression, as if it started at `line`:`column` of `file`.
    public static func analyzeExpression(_ text: String, file: String, line: Int, column: Int) -> Analysis {
        var parser = Parser(source: text, file: file, line: line, column: column)
        var result = Analysis()
        if parser.current.kind == .eof {
            parser.record("expected an expression, found nothing", at: parser.location)
        } else if let expr = try? parser.expression() {
            if parser.current.kind != .eof {
                parser.record(
                    "expected the end of the expression, found \(parser.current.display)", at: parser.location
                )
            }
            var walker = NameWalker()
            walker.expr(expr)
            result.reads = walker.reads
        }
        result.errors = parser.errors
        return result
    }

    /// Parses `text` as statements (a function body without braces), as if it started at
    /// `line`:`column` of `file`.
    public static func analyzeStatements(_ text: String, file: String, line: Int, column: Int) -> Analysis {
        var parser = Parser(source: text, file: file, line: line, column: column)
        var body: [Stmt] = []
        while parser.current.kind != .eof, !parser.mustStop {
            if parser.accept(.semicolon) { continue }
            do {
                body.append(try parser.statement())
                try parser.endOfStatement()
            } catch {
                parser.synchronize()
            }
        }
        var walker = NameWalker()
        walker.statements(body)
        return Analysis(
            reads: walker.reads, assigns: walker.assigns, returns: walker.returns, errors: parser.errors)
    }
}

/// Walks an AST with its scopes and collects the names that come from outside. Recursion is
/// bounded by the parser's nesting limit.
private struct NameWalker {
    var scopes: [Set<String>] = [[]]
    var reads: [String] = []
    var assigns: [String] = []
    var returns = false
    var functionDepth = 0
    private var seenReads: Set<String> = []
    private var seenAssigns: Set<String> = []

    func isDeclared(_ name: String) -> Bool { scopes.contains { $0.contains(name) } }

    mutating func declare(_ name: String) { scopes[scopes.count - 1].insert(name) }

    mutating func read(_ name: String) {
        if !isDeclared(name), seenReads.insert(name).inserted { reads.append(name) }
    }

    mutating func assign(_ name: String) {
        guard !isDeclared(name) else { return }
        read(name)
        if seenAssigns.insert(name).inserted { assigns.append(name) }
    }

    mutating func scoped(_ body: [Stmt]) { scoped([], body) }

    mutating func scoped(_ names: [String], _ body: [Stmt]) {
        scopes.append(Set(names))
        statements(body)
        scopes.removeLast()
    }

    /// The variable at the root of an assignment target (`x` in `x.a[1]`).
    func root(_ e: Expr) -> String? {
        switch e {
        case .name(let n, _): return n
        case .index(let b, _, _), .field(let b, _, _): return root(b)
        default: return nil
        }
    }

    mutating func expr(_ e: Expr) {
        switch e {
        case .literal: break
        case .name(let n, _): read(n)
        case .interpolated(let parts, _):
            for case .expr(let x) in parts { expr(x) }
        case .list(let items, _): items.forEach { expr($0) }
        case .map(let entries, _):
            for (k, v) in entries {
                expr(k)
                expr(v)
            }
        case .unary(_, let x, _), .field(let x, _, _): expr(x)
        case .binary(_, let a, let b, _), .range(let a, let b, _, _), .index(let a, let b, _):
            expr(a)
            expr(b)
        case .call(let c, let args, _), .thread(let c, let args, _):
            if case .name(let n, _) = c {
                if isDeclared(n) { read(n) }
            } else {
                expr(c)
            }
            args.forEach { expr($0) }
        case .method(let o, let name, let args, _):
            if Builtin.byName[name]?.isMutating == true, let r = root(o) { assign(r) } else { expr(o) }
            args.forEach { expr($0) }
        case .ctxCall(_, let args, _): args.forEach { expr($0) }
        case .function(let d):
            functionDepth += 1
            scoped(d.params, d.body)
            functionDepth -= 1
        }
    }

    mutating func statements(_ body: [Stmt]) {
        for s in body { statement(s) }
    }

    mutating func statement(_ s: Stmt) {
        switch s {
        case .declare(let name, _, let e, _):
            expr(e)
            declare(name)
        case .expr(let e, _), .throwValue(let e, _): expr(e)
        case .assign(let target, _, let e, _):
            expr(e)
            if let r = root(target) { assign(r) }
            if case .name = target {} else { expr(target) }
        case .ifElse(let c, let a, let b, _):
            expr(c)
            scoped(a)
            if let b { scoped(b) }
        case .whileLoop(let c, let body, _):
            expr(c)
            scoped(body)
        case .forIn(let a, let b, let e, let body, _):
            expr(e)
            scoped([a] + (b.map { [$0] } ?? []), body)
        case .loop(let body, _), .block(let body, _): scoped(body)
        case .breakLoop, .continueLoop: break
        case .returnValue(let e, _):
            if functionDepth == 0 { returns = true }
            if let e { expr(e) }
        case .tryCatch(let body, let name, let handler, _):
            scoped(body)
            scoped(name.map { [$0] } ?? [], handler)
        case .receive(let clauses, let after, _):
            for c in clauses {
                scopes.append(Set(Self.bindings(c.pattern)))
                if let g = c.guardExpr { expr(g) }
                statements(c.body)
                scopes.removeLast()
            }
            if let (ms, body) = after {
                expr(ms)
                scoped(body)
            }
        }
    }

    /// Names a receive pattern binds.
    static func bindings(_ p: Pattern) -> [String] {
        var out: [String] = []
        var stack = [p]
        while let next = stack.popLast() {
            switch next {
            case .wildcard, .literal: break
            case .bind(let n, _): out.append(n)
            case .list(let items, _): stack.append(contentsOf: items)
            case .map(let entries, _): stack.append(contentsOf: entries.map(\.pattern))
            }
        }
        return out
    }
}
