/// Collects the names an anonymous function refers to, so the compiler knows what it captures.
enum FreeNames {
    /// Names referenced in `decl`'s body (including nested functions), in first-use order.
    static func of(_ decl: FunctionDecl) -> [String] {
        var seen: Set<String> = []
        var out: [String] = []
        func add(_ n: String) {
            if seen.insert(n).inserted { out.append(n) }
        }
        func expr(_ e: Expr) {
            switch e {
            case .literal: break
            case .name(let n, _): add(n)
            case .interpolated(let parts, _):
                for case .expr(let x) in parts { expr(x) }
            case .list(let items, _): items.forEach(expr)
            case .map(let entries, _):
                for (k, v) in entries {
                    expr(k)
                    expr(v)
                }
            case .unary(_, let x, _): expr(x)
            case .binary(_, let a, let b, _), .range(let a, let b, _, _), .index(let a, let b, _):
                expr(a)
                expr(b)
            case .field(let x, _, _): expr(x)
            case .call(let c, let args, _), .thread(let c, let args, _):
                expr(c)
                args.forEach(expr)
            case .method(let o, _, let args, _):
                expr(o)
                args.forEach(expr)
            case .ctxCall(_, let args, _): args.forEach(expr)
            case .function(let d): d.body.forEach(stmt)
            }
        }
        func stmt(_ s: Stmt) {
            switch s {
            case .declare(_, _, let e, _), .expr(let e, _), .throwValue(let e, _): expr(e)
            case .assign(let t, _, let e, _):
                expr(t)
                expr(e)
            case .ifElse(let c, let a, let b, _):
                expr(c)
                a.forEach(stmt)
                b?.forEach(stmt)
            case .whileLoop(let c, let body, _):
                expr(c)
                body.forEach(stmt)
            case .forIn(_, _, let e, let body, _):
                expr(e)
                body.forEach(stmt)
            case .loop(let body, _), .block(let body, _): body.forEach(stmt)
            case .breakLoop, .continueLoop: break
            case .returnValue(let e, _): e.map(expr)
            case .tryCatch(let a, _, let b, _):
                a.forEach(stmt)
                b.forEach(stmt)
            case .receive(let clauses, let after, _):
                for c in clauses {
                    c.guardExpr.map(expr)
                    c.body.forEach(stmt)
                }
                if let (ms, body) = after {
                    expr(ms)
                    body.forEach(stmt)
                }
            }
        }
        decl.body.forEach(stmt)
        return out
    }
}
