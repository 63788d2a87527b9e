/// Resolving references between the process's elements, with an error for each that fails.
extension ModelBuilder {
    mutating func resolve(_ model: inout ProcessModel) {
        for f in model.flows.indices {
            let flow = model.flows[f]
            let label = "bpmn:sequenceFlow id=\(flow.id)"
            if let s = model.nodeIndex[flow.source] {
                model.flows[f].sourceIndex = s
                model.nodes[s].outgoing.append(f)
            } else {
                error(
                    "\(label): sourceRef \"\(flow.source)\" names no element of process \(model.id)",
                    at: flow.position)
            }
            if let t = model.nodeIndex[flow.target] {
                model.flows[f].targetIndex = t
                model.nodes[t].incoming.append(f)
            } else {
                error(
                    "\(label): targetRef \"\(flow.target)\" names no element of process \(model.id)",
                    at: flow.position)
            }
        }
        for n in model.nodes.indices { checkNode(n, &model) }
        let starts = model.nodes.filter {
            if case .startEvent = $0.kind { return true } else { return false }
        }
        if starts.isEmpty {
            error("process \(model.id) has no start event (bpmn:startEvent)", at: model.position)
        } else if starts.count > 1 {
            error(
                "process \(model.id) has \(starts.count) start events (\(starts.map(\.id).joined(separator: ", "))); only one is supported",
                at: starts[1].position)
        }
    }

    private mutating func checkNode(_ n: Int, _ model: inout ProcessModel) {
        let node = model.nodes[n]
        switch node.kind {
        case .startEvent:
            if let f = node.incoming.first {
                error(
                    "\(node.label) has an incoming flow (\(model.flows[f].id)); start events start the process",
                    at: node.position)
            }
        case .endEvent, .errorEndEvent:
            if let f = node.outgoing.first {
                error(
                    "\(node.label) has an outgoing flow (\(model.flows[f].id)); end events end a path",
                    at: node.position)
            }
        case .errorBoundary(let attachedTo, _):
            if let f = node.incoming.first {
                error(
                    "\(node.label) has an incoming flow (\(model.flows[f].id)); boundary events have none",
                    at: node.position)
            }
            if let host = model.nodeIndex[attachedTo], model.nodes[host].kind.isActivity {
                model.nodes[host].boundaries.append(n)
            } else if model.nodeIndex[attachedTo] != nil {
                error(
                    "\(node.label) is attached to \(attachedTo), which is not an activity", at: node.position)
            } else {
                error("\(node.label): attachedToRef \"\(attachedTo)\" names no activity", at: node.position)
            }
        case .exclusiveGateway(let defaultFlow):
            checkExclusive(node, defaultFlow, model)
        default:
            break
        }
        if node.kind.isGateway && node.outgoing.isEmpty {
            error(
                "\(node.label) has no outgoing flow: a token that reaches it has no way out",
                at: node.position)
        }
        if !isExclusive(node.kind) {
            for f in node.outgoing where model.flows[f].condition != nil {
                let flow = model.flows[f]
                error(
                    "bpmn:sequenceFlow id=\(flow.id): conditions are supported only on flows out of an exclusive gateway (this one leaves \(node.id))",
                    at: flow.condition?.position ?? flow.position)
            }
        }
    }

    private func isExclusive(_ kind: NodeKind) -> Bool {
        if case .exclusiveGateway = kind { return true }
        return false
    }

    private mutating func checkExclusive(_ node: FlowNode, _ defaultFlow: String?, _ model: ProcessModel) {
        if let defaultFlow, !node.outgoing.contains(where: { model.flows[$0].id == defaultFlow }) {
            error(
                "\(node.label): the default flow \"\(defaultFlow)\" is not one of its outgoing flows",
                at: node.position)
        }
        guard node.outgoing.count > 1 else { return }
        for f in node.outgoing {
            let flow = model.flows[f]
            if flow.condition == nil && flow.id != defaultFlow {
                error(
                    "bpmn:sequenceFlow id=\(flow.id) leaves \(node.label) without a condition and is not its default flow",
                    at: flow.position)
            } else if flow.condition != nil && flow.id == defaultFlow {
                error(
                    "bpmn:sequenceFlow id=\(flow.id) is the default flow of \(node.id) and must not have a condition",
                    at: flow.position)
            }
        }
    }
}
