extension CodeGenerator {
    /// The token loop and helpers every generated program shares (see `CodeGenerator`).
    ///
    /// `fns[i]` is node i's function, `ids[i]` its element id, `kinds[i]` 0 (inline), 1 (thread)
    /// or 2 (parallel gateway, which waits for `need[i]` tokens). A thread node started as
    /// number `serial` appends `[i, next, serial]` to the list `done` of the `bpmn` context
    /// region and posts the `bpmn` semaphore; the loop takes the whole list (`ctx.cas`). (Not through the mailbox: message catch events take from the
    /// process mailbox, and a receive does not rescan when another thread removes a message.)
    static let runtime = """
        fn __bpmn_run(fns, ids, kinds, need, start) {
            sem_create("bpmn", 0)
            ctx.write("bpmn", "done", [])
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
                        threads[serial] = thread f(serial)
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
                sem_wait("bpmn")
                var done = ctx.read("bpmn", "done")
                while !ctx.cas("bpmn", "done", done, []) { done = ctx.read("bpmn", "done") }
                for report in done ?? [] {
                    let s = report[2]
                    join(threads[s])
                    threads.remove(s)
                    running -= 1
                    let id = ids[report[0]]
                    let at = index_of(pending, id)
                    if at >= 0 { pending.remove(at) }
                    steps.append(id)
                    ctx.write("decision", "pending", pending)
                    ctx.write("decision", "steps", steps)
                    for j in report[1] { queue.append(j) }
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
                if contains(text, ".") || contains(text, "e") { value = float(text) } else { value = int(text) }
            } catch e {
                value = text
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
