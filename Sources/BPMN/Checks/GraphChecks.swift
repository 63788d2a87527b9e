import Language

/// Checks of the process graph that need the whole graph: cycles that cannot progress and
/// parallel joins that can never complete. All walks are iterative.
struct GraphChecks {
    let model: ProcessModel
    let file: String

    /// The errors found, in the order of the elements they name.
    func errors() -> [CompileError] {
        var found: [(XMLPosition, String)] = []
        found += cyclesWithoutExit()
        found += cyclesWithoutActivity()
        for join in TokenGame(model: model).joinsThatNeverComplete() {
            let node = model.nodes[join]
            let ids = node.incoming.map { model.flows[$0].id }.joined(separator: ", ")
            found.append(
                (
                    node.position,
                    "\(node.label) can never complete: its incoming flows (\(ids)) never all carry a token (is a branch chosen by an exclusive gateway?)"
                ))
        }
        return found.map { CompileError(file: file, line: $0.0.line, column: $0.0.column, message: $0.1) }
    }

    /// Successor nodes (through flows, and from an activity to its boundary events).
    func successors(_ n: Int) -> [Int] {
        let node = model.nodes[n]
        return node.outgoing.compactMap { model.flows[$0].targetIndex } + node.boundaries
    }

    private var startIndex: Int? {
        model.nodes.firstIndex { if case .startEvent = $0.kind { true } else { false } }
    }

    /// Nodes reachable from the start that can never reach an end: the token loops forever.
    private func cyclesWithoutExit() -> [(XMLPosition, String)] {
        guard let start = startIndex else { return [] }
        let count = model.nodes.count
        var forward = [Bool](repeating: false, count: count)
        var stack = [start]
        forward[start] = true
        while let n = stack.popLast() {
            for s in successors(n) where !forward[s] {
                forward[s] = true
                stack.append(s)
            }
        }
        var predecessors = [[Int]](repeating: [], count: count)
        for n in 0..<count {
            for s in successors(n) { predecessors[s].append(n) }
        }
        var canEnd = [Bool](repeating: false, count: count)
        stack = (0..<count).filter { successors($0).isEmpty }
        for n in stack { canEnd[n] = true }
        while let n = stack.popLast() {
            for p in predecessors[n] where !canEnd[p] {
                canEnd[p] = true
                stack.append(p)
            }
        }
        var reported = [Bool](repeating: false, count: count)
        var out: [(XMLPosition, String)] = []
        for n in 0..<count where forward[n] && !canEnd[n] && !reported[n] {
            let cycle = findCycle(from: n) { !canEnd[$0] }
            var spread = [n]
            reported[n] = true
            while let m = spread.popLast() {
                for s in successors(m) where !reported[s] {
                    reported[s] = true
                    spread.append(s)
                }
            }
            let path = cycle.map { model.nodes[$0].id }.joined(separator: " → ")
            out.append(
                (
                    model.nodes[cycle.first ?? n].position,
                    "cycle \(path) has no way out: a token that enters it never reaches an end event"
                ))
        }
        return out
    }

    /// Cycles made only of gateways and other nodes that neither run nor wait: a token on
    /// them spins without anything changing.
    private func cyclesWithoutActivity() -> [(XMLPosition, String)] {
        let count = model.nodes.count
        let inline = model.nodes.map { !$0.kind.runsAsThread }
        var indegree = [Int](repeating: 0, count: count)
        for n in 0..<count where inline[n] {
            for s in successors(n) where inline[s] { indegree[s] += 1 }
        }
        var stack = (0..<count).filter { inline[$0] && indegree[$0] == 0 }
        var removed = [Bool](repeating: false, count: count)
        while let n = stack.popLast() {
            removed[n] = true
            for s in successors(n) where inline[s] {
                indegree[s] -= 1
                if indegree[s] == 0 { stack.append(s) }
            }
        }
        var out: [(XMLPosition, String)] = []
        var reported = [Bool](repeating: false, count: count)
        for n in 0..<count where inline[n] && !removed[n] && !reported[n] {
            let cycle = findCycle(from: n) { inline[$0] && !removed[$0] }
            guard cycle.count > 1, let head = cycle.first else { continue }
            for m in cycle { reported[m] = true }
            let path = cycle.map { model.nodes[$0].id }.joined(separator: " → ")
            out.append(
                (
                    model.nodes[head].position,
                    "cycle \(path) passes no activity or waiting event: it cannot progress"
                ))
        }
        return out
    }

    /// A cycle inside the nodes that satisfy `inside`, reached from `start` (as `a → b → a`,
    /// the first node repeated at the end); empty if there is none.
    private func findCycle(from start: Int, inside: (Int) -> Bool) -> [Int] {
        var path: [Int] = []
        var seenAt: [Int: Int] = [:]
        var n = start
        while seenAt[n] == nil {
            seenAt[n] = path.count
            path.append(n)
            guard let next = successors(n).first(where: inside) else { return [] }
            n = next
        }
        guard let first = seenAt[n] else { return [] }
        return Array(path[first...]) + [n]
    }
}
