import Language

/// Writes the `.orch` program for a checked `ProcessModel`.
///
/// Layout of the generated program:
/// - `main(args)` writes `k=v` arguments into the `decision` region, builds three tables
///   (node functions, element ids, kinds) and runs `__bpmn_run`, the token loop.
/// - `__bpmn_run` keeps a queue of nodes that tokens have reached. Events and gateways run
///   inline (`kind 0`; parallel gateways are `kind 2` and wait for all incoming tokens);
///   activities and waiting events (`kind 1`) each run as a thread, which sends
///   `{__bpmn: node, serial, next}` to the process when it is done. The loop keeps
///   `decision.current`, `decision.pending` and `decision.steps` (the token's path) up to date,
///   and ends when no token is left.
/// - `__nI` is node I's function: inline ones return the indexes of the next nodes; thread
///   ones do their work and send the message. `__cI_J`, `__sI`, `__xI` and `__kI` hold
///   conditions, scripts, expressions and correlation keys, with free names read from
///   the `decision` region.
struct CodeGenerator {
    let model: ProcessModel
    let file: String
    /// Names that are functions (companion, builtins, kernel calls): never read from `decision`.
    let functionNames: Set<String>
    var out: GeneratedSource
    var errors: [CompileError] = []

    init(model: ProcessModel, file: String, companionFunctions: Set<String>) {
        self.model = model
        self.file = file
        var names = companionFunctions
        names.formUnion(Builtin.allCases.map(\.name))
        names.formUnion(KernelCall.allCases.map(\.name))
        names.formUnion(["map", "filter"])
        functionNames = names
        out = GeneratedSource(file: file)
    }

    /// A string literal of the language for `s`.
    static func literal(_ s: String) -> String {
        var text = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": text += "\\\\"
            case "\"": text += "\\\""
            case "\n": text += "\\n"
            case "\r": text += "\\r"
            case "\t": text += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                text += "\\u{" + String(scalar.value, radix: 16) + "}"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }

    mutating func generate() {
        let top = model.position
        out.line("orchestrator bpmn version \"1.0.0\"", at: top)
        out.line("", at: top)
        emitMain()
        emitRuntime()
        for i in model.nodes.indices { emitNode(i) }
    }

    /// Index of the start event (the model was checked to have exactly one).
    private var startIndex: Int {
        model.nodes.firstIndex { if case .startEvent = $0.kind { true } else { false } } ?? 0
    }

    private mutating func emitMain() {
        let at = model.position
        out.line("fn main(args) {", at: at)
        out.line("    __bpmn_args(args)", at: at)
        out.line("    var fns = []", at: at)
        out.line("    var ids = []", at: at)
        out.line("    var kinds = []", at: at)
        out.line("    var need = {}", at: at)
        for (i, node) in model.nodes.enumerated() {
            let kind: Int
            switch node.kind {
            case .parallelGateway: kind = 2
            case _ where node.kind.runsAsThread: kind = 1
            default: kind = 0
            }
            var text =
                "    fns.append(\(nodeFunction(i))); ids.append(\(Self.literal(node.id))); kinds.append(\(kind))"
            if kind == 2 { text += "; need[\(i)] = \(max(node.incoming.count, 1))" }
            out.line(text, at: node.position)
        }
        out.line("    return __bpmn_run(fns, ids, kinds, need, \(startIndex))", at: at)
        out.line("}", at: at)
        out.line("", at: at)
    }

    /// The token loop and the argument reader: the same text for every process.
    private mutating func emitRuntime() {
        for text in Self.runtime.split(separator: "\n", omittingEmptySubsequences: false) {
            out.line(String(text), at: model.position)
        }
    }

    /// The next-node list literal for flows `outgoing`.
    func targets(_ outgoing: [Int]) -> String {
        "[" + outgoing.compactMap { model.flows[$0].targetIndex }.map(String.init).joined(separator: ", ")
            + "]"
    }

    private mutating func emitNode(_ i: Int) {
        let node = model.nodes[i]
        let at = node.position
        switch node.kind {
        case .startEvent, .endEvent, .milestone, .parallelGateway, .errorBoundary:
            out.line("fn \(nodeFunction(i))() { return \(targets(node.outgoing)) }", at: at)
        case .errorEndEvent(let code):
            let codeText = Self.literal(code ?? "error")
            out.line("fn \(nodeFunction(i))() {", at: at)
            out.line(
                "    ctx.write(\"decision\", \"error\", {kind: \(codeText), element: \(Self.literal(node.id))})",
                at: at)
            out.line(
                "    throw {kind: \(codeText), message: \(Self.literal("\(node.label) ended the process with error \(code ?? "error")"))}",
                at: at)
            out.line("}", at: at)
        case .exclusiveGateway(let defaultFlow):
            emitExclusive(i, node, defaultFlow)
        default:
            emitActivity(i, node)
        }
        out.line("", at: at)
    }

    private mutating func emitExclusive(_ i: Int, _ node: FlowNode, _ defaultFlow: String?) {
        let at = node.position
        let conditional = node.outgoing.filter { model.flows[$0].condition != nil }
        let fallback =
            node.outgoing.first { model.flows[$0].id == defaultFlow }
            ?? (node.outgoing.count == 1 && conditional.isEmpty ? node.outgoing.first : nil)
        if conditional.isEmpty, let fallback {
            out.line("fn \(nodeFunction(i))() { return \(targets([fallback])) }", at: at)
            return
        }
        out.line("fn \(nodeFunction(i))() {", at: at)
        out.line("    var flow = \"\"", at: at)
        out.line("    try {", at: at)
        for f in conditional {
            let flow = model.flows[f]
            out.line("        flow = \(Self.literal(flow.id))", at: flow.position)
            out.line("        if __c\(i)_\(f)() { return \(targets([f])) }", at: flow.position)
        }
        out.line("    } catch e {", at: at)
        out.line(
            "        throw {kind: e.kind, message: \(Self.literal("\(node.label): condition of ")) + flow + \": \" + e.message}",
            at: at)
        out.line("    }", at: at)
        if let fallback {
            out.line("    return \(targets([fallback]))", at: at)
        } else {
            out.line(
                "    throw {kind: \"bpmn\", message: \(Self.literal("\(node.label): no condition is true and there is no default flow"))}",
                at: at)
        }
        out.line("}", at: at)
        for f in conditional {
            guard let condition = model.flows[f].condition else { continue }
            emitValueFunction("__c\(i)_\(f)", condition)
        }
    }

    /// A function that evaluates embedded expression `code`, its free names read from `decision`.
    mutating func emitValueFunction(_ name: String, _ code: EmbeddedText) {
        let analysis = EmbeddedCode.analyzeExpression(
            code.text, file: file, line: code.position.line, column: code.position.column)
        errors += analysis.errors
        out.line("fn \(name)() {", at: code.position)
        for variable in analysis.reads where !functionNames.contains(variable) && !variable.hasPrefix("__") {
            out.line(
                "    let \(variable) = ctx.read(\"decision\", \(Self.literal(variable)))", at: code.position)
        }
        out.code("    return (", code, ")")
        out.line("}", at: code.position)
    }
}

extension CodeGenerator {
    /// The function of node `index`: `__n3_Review` (the element id, so that `threads` shows
    /// which activity a thread runs; the index keeps names unique).
    func nodeFunction(_ index: Int) -> String {
        let id = model.nodes[index].id
        let safe = String(id.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" }.prefix(40))
        return "__n\(index)_\(safe)"
    }
}
