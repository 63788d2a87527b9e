import Language

/// Activities and waiting events: each is a function run as a thread of its own.
extension CodeGenerator {
    /// `fn __nI(serial)`: do the work (with retries and error boundary events), store the
    /// result, then report the next nodes to the token loop.
    mutating func emitActivity(_ i: Int, _ node: FlowNode) {
        let at = node.position
        let label = Self.literal(node.label)
        out.line("fn \(nodeFunction(i))(serial) {", at: at)
        out.line("    var next = \(targets(node.outgoing))", at: at)
        out.line("    var tries = 0", at: at)
        out.line("    loop {", at: at)
        out.line("        try {", at: at)
        emitWork(i, node)
        out.line("            break", at: at)
        out.line("        } catch e {", at: at)
        out.line("            tries += 1", at: at)
        if node.retries > 0 {
            out.line("            if tries <= \(node.retries) {", at: at)
            out.line(
                "                log(\(label) + \": \" + e.message + \", retry \" + str(tries) + \" of \(node.retries)\")",
                at: at)
            if node.retryDelayMilliseconds > 0 {
                out.line("                sleep(\(node.retryDelayMilliseconds))", at: at)
            }
            out.line("                continue", at: at)
            out.line("            }", at: at)
        }
        for b in node.boundaries {
            let boundary = model.nodes[b]
            guard case .errorBoundary(_, let code) = boundary.kind else { continue }
            let test = code.map { "e.kind == \(Self.literal($0))" } ?? "true"
            out.line("            if \(test) {", at: boundary.position)
            out.line(
                "                ctx.write(\"decision\", \"error\", {kind: e.kind, message: e.message, element: \(Self.literal(node.id))})",
                at: boundary.position)
            out.line("                next = [\(b)]", at: boundary.position)
            out.line("                break", at: boundary.position)
            out.line("            }", at: boundary.position)
        }
        out.line("            throw {kind: e.kind, message: \(label) + \": \" + e.message}", at: at)
        out.line("        }", at: at)
        out.line("    }", at: at)
        out.line(
            "    ctx.update(\"bpmn\", \"done\", fn(old) { return (old ?? []) + [[\(i), next, serial]] })",
            at: at)
        out.line("    sem_post(\"bpmn\")", at: at)
        out.line("}", at: at)
        emitHelpers(i, node)
    }

    /// The statements inside the `try`: compute `result` and store it.
    private mutating func emitWork(_ i: Int, _ node: FlowNode) {
        let at = node.position
        let key = Self.literal(node.resultKey ?? node.id)
        func store(_ expression: String) {
            out.line("            let result = \(expression)", at: at)
            out.line("            if result != nil { ctx.write(\"decision\", \(key), result) }", at: at)
        }
        switch node.kind {
        case .task: break
        case .timerCatch(let ms): out.line("            sleep(\(ms))", at: at)
        case .scriptTask: store("__s\(i)()")
        case .serviceTask(.service(let name)):
            store("call(\(Self.literal(name)), __bpmn_vars(), \(node.timeoutMilliseconds))")
        case .serviceTask(.function(let name, let position)):
            out.line("            let result = \(name)(__bpmn_vars())", at: position)
            out.line("            if result != nil { ctx.write(\"decision\", \(key), result) }", at: at)
        case .serviceTask(.expression): store("__x\(i)()")
        case .callActivity(let called, let inputs):
            out.line("            var args = []", at: at)
            for input in inputs {
                if input.target == "*" {
                    out.line(
                        "            for k, v in __bpmn_vars() { args.append(k + \"=\" + __bpmn_input(v)) }",
                        at: at)
                } else {
                    out.line(
                        "            args.append(\(Self.literal(input.target + "=")) + __bpmn_input(ctx.read(\"decision\", \(Self.literal(input.source)))))",
                        at: at)
                }
            }
            out.line("            let pid = spawn(\(Self.literal(called)), args)", at: at)
            out.line("            let code = wait(pid)", at: at)
            out.line("            if code != 0 {", at: at)
            out.line(
                "                throw {kind: \"call\", message: \(Self.literal("process \(called) (")) + str(pid) + \") exited with code \" + str(code)}",
                at: at)
            out.line("            }", at: at)
        case .messageCatch(let name, _):
            out.line("            let key = __k\(i)()", at: at)
            out.line("            var got = {}", at: at)
            out.line("            var waiting = true", at: at)
            out.line("            while waiting {", at: at)
            out.line("                receive {", at: at)
            out.line(
                "                    m when type(m) == \"map\" && m[\"message\"] == \(Self.literal(name)) && (key == nil || m[\"key\"] == key) => {",
                at: at)
            out.line("                        got = m", at: at)
            out.line("                        waiting = false", at: at)
            out.line("                    }", at: at)
            if messageCatchCount > 1 { out.line("                    after 1000 => {}", at: at) }
            out.line("                }", at: at)
            out.line("            }", at: at)
            out.line("            for k, v in got {", at: at)
            out.line(
                "                if k != \"message\" && k != \"key\" { ctx.write(\"decision\", k, v) }",
                at: at)
            out.line("            }", at: at)
        default: break
        }
    }

    /// How many message catch events the process has. With several, each waits in a loop
    /// that rescans the mailbox every second: a waiting `receive` does not rescan when another
    /// thread takes a message from the process mailbox, so one could miss its message.
    var messageCatchCount: Int {
        model.nodes.count { if case .messageCatch = $0.kind { true } else { false } }
    }

    /// The functions an activity's work calls: its script, expression or correlation key.
    private mutating func emitHelpers(_ i: Int, _ node: FlowNode) {
        switch node.kind {
        case .scriptTask(let script): emitScript("__s\(i)", script)
        case .serviceTask(.expression(let code)): emitValueFunction("__x\(i)", code)
        case .messageCatch(_, let correlation): emitValueFunction("__k\(i)", correlation)
        default: break
        }
    }

    /// A script task's function: free names read from `decision` first; names it assigns are
    /// written back when the script ends without `return`; a returned value is the result.
    private mutating func emitScript(_ name: String, _ script: EmbeddedText) {
        let analysis = EmbeddedCode.analyzeStatements(
            script.text, file: file, line: script.position.line, column: script.position.column)
        errors += analysis.errors
        let at = script.position
        out.line("fn \(name)() {", at: at)
        let variables = analysis.reads.filter { !functionNames.contains($0) && !$0.hasPrefix("__") }
        for v in variables {
            out.line("    var \(v) = ctx.read(\"decision\", \(Self.literal(v)))", at: at)
        }
        out.line("    {", at: at)
        if !script.text.isEmpty { out.code("", script) }
        out.line("    }", at: at)
        for v in analysis.assigns where variables.contains(v) {
            out.line("    ctx.write(\"decision\", \(Self.literal(v)), \(v))", at: at)
        }
        out.line("    return nil", at: at)
        out.line("}", at: at)
    }
}
