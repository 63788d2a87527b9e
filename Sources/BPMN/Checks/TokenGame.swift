/// Plays the process's token game on the graph alone (every condition may go either way, every
/// activity may end normally or through each of its error boundary events) to find parallel
/// joins that tokens reach but that can never fire.
///
/// Each sequence flow has exactly one consumer (its target), so firing order does not change
/// what can happen: the game fires the first enabled node that has no choice, and branches only
/// at choices (exclusive gateways, boundary events). Tokens per flow saturate at
/// `tokenCap` and the search stops after `stateLimit` states; then it reports nothing.
struct TokenGame {
    let model: ProcessModel
    static let stateLimit = 20_000
    static let tokenCap = 3

    /// Indexes of parallel joins that some token reaches but that never fire; empty when the
    /// search did not finish.
    func joinsThatNeverComplete() -> [Int] {
        guard
            let start = model.nodes.firstIndex(where: {
                if case .startEvent = $0.kind { true } else { false }
            })
        else { return [] }
        let initial = model.nodes[start].outgoing.sorted()
        var visited: Set<[Int]> = [initial]
        var stack = [initial]
        var reached: Set<Int> = []
        var fired: Set<Int> = []
        while let state = stack.popLast() {
            for flow in state {
                if let t = model.flows[flow].targetIndex, isJoin(t) { reached.insert(t) }
            }
            for (next, join) in successors(of: state) {
                if let join { fired.insert(join) }
                if visited.insert(next).inserted {
                    if visited.count > Self.stateLimit { return [] }
                    stack.append(next)
                }
            }
        }
        return reached.subtracting(fired).sorted()
    }

    private func isJoin(_ node: Int) -> Bool {
        if case .parallelGateway = model.nodes[node].kind { return model.nodes[node].incoming.count > 1 }
        return false
    }

    /// The states after one step, each with the join it fired (if any).
    private func successors(of state: [Int]) -> [([Int], Int?)] {
        var counts: [Int: Int] = [:]
        for f in state { counts[f, default: 0] += 1 }
        var choice: (flow: Int, options: [[Int]])?
        for flow in Set(state).sorted() {
            guard let t = model.flows[flow].targetIndex else {
                return [(removing([flow], adding: [], state), nil)]
            }
            let node = model.nodes[t]
            switch node.kind {
            case .parallelGateway where node.incoming.count > 1:
                if node.incoming.allSatisfy({ (counts[$0] ?? 0) > 0 }) {
                    return [(removing(node.incoming, adding: node.outgoing, state), t)]
                }
            case .exclusiveGateway:
                if choice == nil { choice = (flow, node.outgoing.map { [$0] }) }
            case _ where node.kind.isActivity && !node.boundaries.isEmpty:
                if choice == nil {
                    let viaBoundaries = node.boundaries.map { model.nodes[$0].outgoing }
                    choice = (flow, [node.outgoing] + viaBoundaries)
                }
            case .endEvent, .errorEndEvent:
                return [(removing([flow], adding: [], state), nil)]
            default:
                return [(removing([flow], adding: node.outgoing, state), nil)]
            }
        }
        guard let choice else { return [] }
        return choice.options.map { (removing([choice.flow], adding: $0, state), nil) }
    }

    /// `state` less one token on each of `taken`, plus one on each of `added` (saturating).
    private func removing(_ taken: [Int], adding added: [Int], _ state: [Int]) -> [Int] {
        var next = state
        for f in taken {
            if let i = next.firstIndex(of: f) { next.remove(at: i) }
        }
        for f in added where next.count(where: { $0 == f }) < Self.tokenCap { next.append(f) }
        next.sort()
        return next
    }
}
