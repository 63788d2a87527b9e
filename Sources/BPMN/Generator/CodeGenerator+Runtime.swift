extension CodeGenerator {
    /// The token loop and helpers every generated program shares (see `CodeGenerator`).
    ///
    /// `fns[i]` is node i's function, `ids[i]` its element id, `kinds[i]` 0 (inline), 1 (thread)
    /// or 2 (parallel gateway, which waits for `need[i]` tokens). Thread nodes report
    /// `{__bpmn: i, serial, next}` to the process mailbox.
    static let runtime = """
        fn __bpmn_run(fns, ids, kinds, need, start) {
            let me = self()
            var arrived = {}
            var steps = []
            var pending = []
            var threads = {}
            var queue = [start]
            var running = 0
            var serial = 0
            loop {
                var qi = 0
                while qi < len(queue) {
                    let i = queue[qi]
                    qi += 1
                    let id = ids[i]
                    ctx.write("decision", "current", id)
                    let kind = kinds[i]
                    if kind == 1 {
                        serial += 1
                        let f = fns[i]
                        threads[serial] = thread f(me, serial)
                        running += 1
                        pending.append(id)
                        ctx.write("decision", "pending", pending)
                        continue
                    }
                    if kind == 2 {
                        let n = (arrived[i] ?? 0) + 1
                        if n < need[i] {
                            arrived[i] = n
                            if n == 1 {
                                pending.append(id)
                                ctx.write("decision", "pending", pending)
                            }
                            continue
                        }
                        arrived[i] = 0
                        if need[i] > 1 {
                            pending.remove(index_of(pending, id))
                            ctx.write("decision", "pending", pending)
                        }
                    }
                    let f = fns[i]
                    let next = f()
                    steps.append(id)
                    ctx.write("decision", "steps", steps)
                    for j in next { queue.append(j) }
                }
                queue = []
                if running == 0 { break }
                receive {
                    {__bpmn: i, serial: s, next} => {
                        join(threads[s])
                        threads.remove(s)
                        running -= 1
                        let id = ids[i]
                        let at = index_of(pending, id)
                        if at >= 0 { pending.remove(at) }
                        steps.append(id)
                        ctx.write("decision", "pending", pending)
                        ctx.write("decision", "steps", steps)
                        for j in next { queue.append(j) }
                    }
                }
            }
            return 0
        }

        fn __bpmn_args(args) {
            for a in args {
                let at = index_of(a, "=")
                if at > 0 {
                    ctx.write("decision", slice(a, 0, at), __bpmn_value(slice(a, at + 1)))
                }
            }
        }

        fn __bpmn_value(text) {
            if text == "true" { return true }
            if text == "false" { return false }
            if text == "nil" { return nil }
            var value = text
            try {
                value = int(text)
            } catch e {
                try {
                    value = float(text)
                } catch e2 {
                    value = text
                }
            }
            return value
        }

        fn __bpmn_vars() {
            var vars = ctx.readAll("decision")
            vars.remove("current")
            vars.remove("steps")
            vars.remove("pending")
            return vars
        }

        fn __bpmn_input(v) {
            if type(v) == "string" { return v }
            return str(v)
        }

        """
}
