import Language

/// Values may nest at most `VMThread.maxNesting` levels deep. Every way of putting a value
/// into a container (list and map literals, `a[i] = v`, `append`, `insert`, closure captures)
/// checks the value it inserts, so by induction no value gets deeper: deep values would make
/// equality, printing and even deallocation recurse past the OS thread's stack.
extension VMThread {
    /// The deepest nesting of lists, maps and closures a value may have.
    static let maxNesting = 200

    /// Fails if `v` is too deep to be put into a container; charges reductions for the walk.
    @inline(__always)
    func checkInsertable(_ v: Value, _ remaining: inout Int) throws(VMError) {
        switch v {
        case .list, .map, .function: break
        default: return
        }
        var visited = 0
        let depth = nesting(v, limit: VMThread.maxNesting, visited: &visited)
        remaining -= visited >> 3
        if depth >= VMThread.maxNesting {
            throw VMError("quota", "value nested too deeply (more than \(VMThread.maxNesting) levels)")
        }
    }

    /// The nesting depth of `v`, or `limit` once it reaches it.
    private func nesting(_ v: Value, limit: Int, visited: inout Int) -> Int {
        visited += 1
        guard limit > 0 else { return 0 }
        var deepest = 0
        func visit(_ e: Value) {
            switch e {
            case .list, .map, .function:
                deepest = max(deepest, nesting(e, limit: limit - 1, visited: &visited))
            default: break
            }
        }
        switch v {
        case .list(let l):
            for e in l where deepest < limit - 1 { visit(e) }
        case .map(let m):
            for (k, e) in m where deepest < limit - 1 {
                visit(k)
                visit(e)
            }
        case .function(let c):
            for e in c.captures where deepest < limit - 1 { visit(e) }
        default: return 0
        }
        return deepest + 1
    }
}
