/// Reading the flow nodes and sequence flows of the process.
extension ModelBuilder {
    /// Reads one child element of the process.
    mutating func readChild(_ index: Int, into model: inout ProcessModel) {
        let node = tree.nodes[index]
        guard node.name.namespace == Self.bpmn else { return }  // extensions and diagram elements
        let local = node.name.local
        if Self.ignoredInProcess.contains(local) { return }
        guard let id = node.attribute("id"), !id.isEmpty else {
            error("<\(node.written)> has no id", at: node.position)
            return
        }
        if local == "sequenceFlow" {
            readFlow(index, id: id, into: &model)
            return
        }
        guard let kind = nodeKind(index, id: id) else { return }
        if model.nodeIndex[id] != nil || model.flows.contains(where: { $0.id == id }) {
            error("\(node.written) id=\(id): the id is used twice", at: node.position)
            return
        }
        var flowNode = FlowNode(
            id: id, kind: kind, element: node.written, name: node.attribute("name"), position: node.position)
        readActivityOptions(index, into: &flowNode)
        model.nodeIndex[id] = model.nodes.count
        model.nodes.append(flowNode)
    }

    private mutating func readFlow(_ index: Int, id: String, into model: inout ProcessModel) {
        let node = tree.nodes[index]
        if model.nodeIndex[id] != nil || model.flows.contains(where: { $0.id == id }) {
            error("\(node.written) id=\(id): the id is used twice", at: node.position)
            return
        }
        var condition: EmbeddedText?
        if let c = tree.children(of: index, "conditionExpression", in: Self.bpmn).first {
            let language = tree.nodes[c].attribute("language") ?? ""
            if !["", "orch", "dkctl"].contains(language.lowercased()) {
                error(
                    "\(node.written) id=\(id): condition language '\(language)' is not supported (write a dkctl expression)",
                    at: tree.nodes[c].position)
            }
            let text = elementText(c)
            if !text.text.isEmpty { condition = text }
        }
        model.flows.append(
            SequenceFlow(
                id: id, source: node.attribute("sourceRef") ?? "", target: node.attribute("targetRef") ?? "",
                condition: condition, position: node.position))
    }

    /// The kind of a flow node element, or nil (with an error) if it is not supported.
    private mutating func nodeKind(_ index: Int, id: String) -> NodeKind? {
        let node = tree.nodes[index]
        let label = "\(node.written) id=\(id)"
        let definitions = node.children.filter {
            tree.nodes[$0].name.namespace == Self.bpmn
                && tree.nodes[$0].name.local.hasSuffix("EventDefinition")
        }
        for child in node.children where tree.nodes[child].name.namespace == Self.bpmn {
            let local = tree.nodes[child].name.local
            if local.hasSuffix("LoopCharacteristics") {
                error(
                    "\(label): loops (\(tree.nodes[child].written)) are not supported",
                    at: tree.nodes[child].position)
            }
        }
        func only(_ allowed: Set<String>) -> String? {
            guard let first = definitions.first else { return nil }
            let local = tree.nodes[first].name.local
            if definitions.count > 1 || !allowed.contains(local) {
                let bad = definitions.first { !allowed.contains(tree.nodes[$0].name.local) } ?? definitions[1]
                error(
                    "\(label) with a \(tree.nodes[bad].written) is not supported",
                    at: tree.nodes[bad].position)
                return "!"
            }
            return local
        }
        switch node.name.local {
        case "startEvent":
            return only([]) == nil ? .startEvent : nil
        case "endEvent":
            switch only(["errorEventDefinition"]) {
            case nil: return .endEvent
            case "errorEventDefinition"?:
                let ref = definitions.first.flatMap { tree.nodes[$0].attribute("errorRef") }
                return .errorEndEvent(code: ref.map { errorCodes[$0] ?? $0 })
            default: return nil
            }
        case "intermediateThrowEvent":
            return only([]) == nil ? .milestone : nil
        case "task", "manualTask": return .task
        case "serviceTask": return serviceKind(index, label: label)
        case "scriptTask": return scriptKind(index, label: label)
        case "callActivity":
            guard let called = node.attribute("calledElement"), !called.isEmpty else {
                error("\(label) has no calledElement (the name of the program to run)", at: node.position)
                return nil
            }
            return .callActivity(called: called, inputs: callInputs(index))
        case "exclusiveGateway": return .exclusiveGateway(defaultFlow: node.attribute("default"))
        case "parallelGateway": return .parallelGateway
        case "intermediateCatchEvent":
            switch only(["timerEventDefinition", "messageEventDefinition"]) {
            case "timerEventDefinition"?: return timerKind(definitions[0], label: label)
            case "messageEventDefinition"?: return messageKind(definitions[0], label: label)
            case nil:
                error("\(label) has no event definition (timer or message)", at: node.position)
                return nil
            default: return nil
            }
        case "boundaryEvent":
            guard only(["errorEventDefinition"]) == "errorEventDefinition" else {
                if definitions.isEmpty {
                    error(
                        "\(label) has no event definition (only error boundary events are supported)",
                        at: node.position)
                }
                return nil
            }
            if node.attribute("cancelActivity") == "false" {
                error("\(label): non-interrupting boundary events are not supported", at: node.position)
            }
            let ref = tree.nodes[definitions[0]].attribute("errorRef")
            return .errorBoundary(
                attachedTo: node.attribute("attachedToRef") ?? "", code: ref.map { errorCodes[$0] ?? $0 })
        default:
            error("\(label) is not supported", at: node.position)
            return nil
        }
    }

    private mutating func serviceKind(_ index: Int, label: String) -> NodeKind? {
        let node = tree.nodes[index]
        let dk = BPMNVocabulary.dkctl
        let cam = BPMNVocabulary.camunda
        if let service = node.attribute("service", in: dk), !service.isEmpty {
            return .serviceTask(.service(service))
        }
        if let function = node.attribute("function", in: dk), !function.isEmpty {
            return .serviceTask(.function(function, attributeText(index, "function", function).position))
        }
        if node.attribute("type", in: cam) == "external", let topic = node.attribute("topic", in: cam),
            !topic.isEmpty
        {
            return .serviceTask(.service(topic))
        }
        if let expression = node.attribute("expression", in: cam), !expression.isEmpty {
            return .serviceTask(.expression(attributeText(index, "expression", expression)))
        }
        error(
            "\(label) has no implementation (set dkctl:service, dkctl:function, camunda:expression, or camunda:type=\"external\" with camunda:topic)",
            at: node.position)
        return nil
    }

    private mutating func scriptKind(_ index: Int, label: String) -> NodeKind? {
        let node = tree.nodes[index]
        let format = (node.attribute("scriptFormat") ?? "").lowercased()
        guard ["", "orch", "dkctl"].contains(format) else {
            error(
                "\(label): scriptFormat '\(format)' is not supported (leave it empty, or write orch or dkctl)",
                at: node.position)
            return nil
        }
        guard let script = tree.children(of: index, "script", in: Self.bpmn).first else {
            return .scriptTask(EmbeddedText(text: "", position: node.position))
        }
        let text = tree.nodes[script]
        return .scriptTask(EmbeddedText(text: text.text.trimmingBlanks, position: text.contentPosition))
    }

    private mutating func timerKind(_ definition: Int, label: String) -> NodeKind? {
        let timer = tree.nodes[definition]
        guard let duration = tree.children(of: definition, "timeDuration", in: Self.bpmn).first else {
            let other = timer.children.first.map { tree.nodes[$0].written } ?? "no duration"
            error(
                "\(label): only timer durations (timeDuration) are supported, found \(other)",
                at: timer.position)
            return nil
        }
        let text = elementText(duration)
        return .timerCatch(
            milliseconds: self.duration(text.text, what: "\(label): timer duration", at: text.position))
    }

    private mutating func messageKind(_ definition: Int, label: String) -> NodeKind? {
        let node = tree.nodes[definition]
        let event = node.parent.map { tree.nodes[$0] }
        guard let ref = node.attribute("messageRef"), let message = messages[ref] else {
            error("\(label): the message definition names no <bpmn:message> (messageRef)", at: node.position)
            return nil
        }
        var correlation = EmbeddedText(text: "key", position: node.position)
        if let own = event?.attribute("correlationKey", in: BPMNVocabulary.dkctl), let parent = node.parent {
            correlation = attributeText(parent, "correlationKey", own)
        } else if let global = message.correlation {
            correlation = global
        }
        return .messageCatch(name: message.name, correlation: correlation)
    }

    /// `<camunda:in source= target=/>` mappings of a call activity (`variables="all"`: `("*", "*")`).
    private func callInputs(_ index: Int) -> [(target: String, source: String)] {
        var inputs: [(target: String, source: String)] = []
        for ext in tree.children(of: index, "extensionElements", in: Self.bpmn) {
            for input in tree.children(of: ext, "in", in: BPMNVocabulary.camunda) {
                let node = tree.nodes[input]
                if node.attribute("variables") == "all" {
                    inputs.append(("*", "*"))
                } else if let source = node.attribute("source") {
                    inputs.append((node.attribute("target") ?? source, source))
                }
            }
        }
        return inputs
    }

    /// Retries, timeout and result key of an activity.
    private mutating func readActivityOptions(_ index: Int, into flowNode: inout FlowNode) {
        let node = tree.nodes[index]
        let dk = BPMNVocabulary.dkctl
        if let retries = node.attribute("retries", in: dk) {
            if let n = Int(retries.trimmingBlanks), (0...1000).contains(n) {
                flowNode.retries = n
            } else {
                error(
                    "\(flowNode.label): dkctl:retries \"\(retries)\" is not a count from 0 to 1000",
                    at: node.position)
            }
        }
        if let delay = node.attribute("retryDelay", in: dk) {
            flowNode.retryDelayMilliseconds = duration(
                delay, what: "\(flowNode.label): dkctl:retryDelay", at: node.position)
        }
        if let timeout = node.attribute("timeout", in: dk) {
            flowNode.timeoutMilliseconds = duration(
                timeout, what: "\(flowNode.label): dkctl:timeout", at: node.position)
        }
        flowNode.resultKey =
            node.attribute("result", in: dk) ?? node.attribute("resultVariable", in: BPMNVocabulary.camunda)
        if (flowNode.retries > 0 || flowNode.resultKey != nil) && !flowNode.kind.isActivity {
            error(
                "\(flowNode.label): dkctl:retries and result keys apply only to activities", at: node.position
            )
        }
    }
}
