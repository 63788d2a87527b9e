import Kernel

extension CommandCatalogue {
    static let kernelCommands: [CommandSpec] = [
        CommandSpec(
            "stats", synopsis: "stats [PID|TID] [--json]",
            summary: "kernel-wide counters, or one process's or thread's metrics",
            details: """
                "kernel lock" counts the message operations that took the kernel's lock: sends
                to a new receiver, to a full mailbox or from the shell; receives from a mailbox
                several threads share; wake-ups of receivers parked in receive. The others
                took no lock (lock-free mailboxes).
                """,
            action: stats),
        CommandSpec(
            "events", synopsis: "events [-f] [--pid PID] [--type TYPE] [-n N] [--json]",
            summary: "show the kernel's event log (spawn, exit, signal, send, …)",
            details: """
                -f follows: prints new events as they come until Ctrl-C (in deterministic mode,
                until the kernel has nothing left to do).
                Types: \(KernelEvent.Kind.allCases.map(\.rawValue).joined(separator: ", ")).
                """,
            action: events),
        CommandSpec(
            "sched", synopsis: "sched [rr|priority|fair] [--gantt]",
            summary: "show or switch the scheduling policy; --gantt charts the last slices per slot",
            details: """
                rr: round-robin. priority: lowest nice first, with aging so nothing starves.
                fair: shares proportional to weight from nice (like Linux CFS).
                """, action: sched),
        CommandSpec(
            "slots", synopsis: "slots", summary: "show the execution slots and what they run", action: slots),
        CommandSpec(
            "resources", synopsis: "resources [PID]", summary: "show limits and what is in use",
            action: resources),
        CommandSpec(
            "logs", synopsis: "logs PID [-f] [-n N]", summary: "show the lines a process printed",
            details: "-f follows: prints new lines until the process ends or Ctrl-C.", action: logs),
    ]

    private static func stats(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        let arguments = try Arguments(input.words, flags: ["--json"])
        guard arguments.positionals.count <= 1 else { throw .usage("usage: stats [PID|TID] [--json]") }
        if let word = arguments.positionals.first {
            let id = try session.pid(word)
            if let process = session.kernel.process(id) {
                if arguments.has("--json") { return session.console.out(process.json.text) }
                let lines =
                    [
                        "pid \(process.pid) \(process.name)@\(process.version) (\(process.type.rawValue))",
                        "state        \(process.state.rawValue)\(process.wait.map { " (\($0))" } ?? "")",
                        "threads      \(process.threads)", "reductions   \(Units.count(process.reductions))",
                        "cpu          \(Units.duration(nanoseconds: process.cpuNanoseconds))",
                        "switches     \(Units.count(process.contextSwitches))",
                        "memory       \(Units.bytes(process.memory))",
                        "mailbox      \(process.mailbox)", "restarts     \(process.restarts)",
                    ] + (process.exitCode.map { ["exit         \($0) (\(process.reason ?? ""))"] } ?? [])
                    + session.programLines(for: process)
                    + session.kernel.metrics(of: id).map {
                        "metric       \($0.name) = \($0.last) (\($0.count) reported, sum \(Units.fixed($0.sum, 2)))"
                    }
                return session.console.out(lines: lines)
            }
            let threads = (try? session.kernel.threadList()) ?? []
            guard let thread = threads.first(where: { $0.tid == id }) else {
                throw .unknownID("no such process or thread: \(id)")
            }
            if arguments.has("--json") { return session.console.out(thread.json.text) }
            return session.console.out(lines: [
                "tid \(thread.tid) \(thread.name) of \(thread.pid)",
                "state        \(thread.state.rawValue)\(thread.wait.map { " (\($0))" } ?? "")",
                "reductions   \(Units.count(thread.reductions))",
                "cpu          \(Units.duration(nanoseconds: thread.cpuNanoseconds))",
                "switches     \(Units.count(thread.contextSwitches))",
                "waiting      \(Units.duration(nanoseconds: thread.waitNanoseconds))",
                "wall         \(Units.duration(nanoseconds: thread.wallNanoseconds))",
                "heap         \(Units.bytes(thread.memory))",
                "messages     \(thread.messagesIn) in, \(thread.messagesOut) out",
                "calls        \(thread.calls) (services and tools)",
            ])
        }
        let stats = session.kernel.stats()
        if arguments.has("--json") { return session.console.out(stats.json.text) }
        let states = [ProcessState.running, .ready, .waiting, .suspended, .exited].map {
            "\(stats.processesByState[$0] ?? 0) \($0.rawValue)"
        }
        session.console.out(lines: [
            "uptime          \(Units.duration(nanoseconds: stats.uptimeNanoseconds))\(stats.deterministic ? " (virtual)" : "")",
            "processes       \(stats.processes): \(states.joined(separator: ", "))",
            "threads         \(stats.threads)",
            "policy          \(stats.policy.rawValue), \(stats.slots) slot(s), quantum \(stats.quantum)",
            "spawned         \(Units.count(stats.spawned)) (exited \(Units.count(stats.exited)), reaped \(Units.count(stats.reaped)), restarts \(stats.restarts))",
            "messages        \(Units.count(stats.messagesSent)) sent, \(Units.count(stats.messagesReceived)) received, \(stats.messagesQueued) queued",
            "dead letters    \(Units.count(stats.deadLetters))",
            "kernel lock     \(Units.count(stats.sendsLocked)) sends, \(Units.count(stats.receivesLocked)) receives (the rest none), "
                + "\(Units.count(stats.wakeupsLocked)) wake-ups of waiting receivers",
            "switches        \(Units.count(stats.contextSwitches))",
            "reductions      \(Units.count(stats.reductions))",
            "memory          \(Units.bytes(stats.memory))",
            "events          \(Units.count(stats.eventsRecorded)) (\(Units.count(stats.eventsEvicted)) evicted)",
        ])
    }

    private static func events(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        let arguments = try Arguments(
            input.words, flags: ["--json", "-f", "--follow"], options: ["--pid", "--type", "-n"],
            aliases: ["--follow": "-f"])
        guard arguments.positionals.isEmpty else {
            throw .usage("usage: events [-f] [--pid PID] [--type TYPE] [-n N] [--json]")
        }
        let pid = try arguments.options["--pid"].map { (text) throws(CommandFailure) in try session.pid(text)
        }
        var kind: KernelEvent.Kind?
        if let type = arguments.options["--type"] {
            guard let parsed = KernelEvent.Kind(rawValue: type) else {
                throw .usage(
                    "unknown event type '\(type)'; types: \(KernelEvent.Kind.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            kind = parsed
        }
        let select: ([KernelEvent]) -> [KernelEvent] = { events in
            events.filter { event in
                (pid == nil || event.pid == pid || event.peer == pid) && (kind == nil || event.kind == kind)
            }
        }
        var list = select(session.kernel.events())
        if let count = try arguments.integer("-n", in: 0...10_000_000) { list = Array(list.suffix(count)) }
        if arguments.has("--json") && !arguments.has("-f") {
            return session.console.out(JSON.arrayText(list) { $0.json })
        }
        let render: (KernelEvent) -> String = { event in
            arguments.has("--json") ? event.json.text : "#\(event.sequence) \(event.description)"
        }
        session.console.out(lines: list.map(render))
        guard arguments.has("-f") else { return }
        var last = session.kernel.events().last?.sequence ?? 0
        try session.follow { () -> Bool in
            let fresh = session.kernel.events(after: last)
            last = fresh.last?.sequence ?? last
            session.console.out(lines: select(fresh).map(render))
            return true
        }
    }

    private static func sched(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        let arguments = try Arguments(input.words, flags: ["--gantt"])
        guard arguments.positionals.count <= 1 else {
            throw .usage("usage: sched [rr|priority|fair] [--gantt]")
        }
        if arguments.has("--gantt") {
            let slices = session.kernel.recentSlices()
            session.console.out(
                lines: GanttChart.render(
                    slices, slots: session.kernel.configuration.slots, width: session.console.width ?? 80))
            return
        }
        if let name = arguments.positionals.first {
            guard let policy = SchedulingPolicy(rawValue: name) else {
                throw .usage("unknown policy '\(name)'; choose rr, priority or fair")
            }
            session.kernel.setPolicy(policy)
        }
        let stats = session.kernel.stats()
        session.console.out(
            "policy \(stats.policy.rawValue), \(stats.slots) slot(s), quantum \(stats.quantum) reductions, \(stats.runQueueLength) queued"
        )
    }

    private static func slots(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        guard input.words.isEmpty else { throw .usage("usage: slots") }
        let stats = session.kernel.stats()
        var table = Table([("SLOT", .right), ("RUNNING", .left), ("BUSY", .right), ("LOAD", .right)])
        let uptime = max(stats.uptimeNanoseconds, 1)
        for index in 0..<stats.slots {
            let busy = stats.slotBusyNanoseconds[index]
            table.add([
                String(index), stats.slotCurrent[index].map { "tid \($0)" } ?? "idle",
                Units.duration(nanoseconds: busy),
                Units.fixed(min(100, Double(busy) / Double(uptime) * 100), 1) + "%",
            ])
        }
        session.console.out(lines: table.render(width: session.console.width))
    }

    private static func resources(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        guard input.words.count <= 1 else { throw .usage("usage: resources [PID]") }
        let stats = session.kernel.stats()
        if let word = input.words.first {
            let pid = try session.pid(word)
            guard let process = session.kernel.process(pid) else {
                throw .unknownID("no such process: \(pid)")
            }
            let limits = session.kernel.limits(of: pid) ?? stats.limits
            return session.console.out(lines: [
                "memory    \(Units.bytes(process.memory)) of \(Units.bytes(limits.memoryBytes))",
                "threads   \(process.threads) of \(limits.maxThreads)",
                "mailbox   \(process.mailbox) of \(limits.mailboxLimit)",
                "parallel  \(limits.parallel.map(String.init) ?? "any") slot(s)",
            ])
        }
        session.console.out(lines: [
            "processes  \(stats.processes) of \(stats.maxProcesses)",
            "threads    \(stats.threads)",
            "memory     \(Units.bytes(stats.memory))",
            "slots      \(stats.slots)",
            "defaults   memory \(Units.bytes(stats.limits.memoryBytes)), \(stats.limits.maxThreads) threads, mailbox \(stats.limits.mailboxLimit)",
        ])
    }

    private static func logs(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        let arguments = try Arguments(
            input.words, flags: ["-f", "--follow"], options: ["-n"], aliases: ["--follow": "-f"])
        guard arguments.positionals.count == 1 else { throw .usage("usage: logs PID [-f] [-n N]") }
        let pid = try session.pid(arguments.positionals[0])
        var lines: [String]
        do { lines = try session.kernel.logs(of: pid) } catch { throw error.failure }
        var seen = lines.count
        if let count = try arguments.integer("-n", in: 0...1_000_000) { lines = Array(lines.suffix(count)) }
        session.console.out(lines: lines)
        guard arguments.has("-f") else { return }
        session.console.muteProcessOutput(true)  // its lines come from here instead
        defer { session.console.muteProcessOutput(false) }
        try session.follow { () -> Bool in
            guard let all = try? session.kernel.logs(of: pid) else { return false }
            if all.count < seen { seen = 0 }  // the log was trimmed: print what is there
            session.console.out(lines: Array(all.dropFirst(seen)))
            seen = all.count
            return session.kernel.process(pid)?.state != .exited
        }
    }
}

extension ShellSession {
    /// The orchestrator metrics of a process's executable: runs and failures so far.
    func programLines(for process: ProcessSnapshot) -> [String] {
        guard let outcome = kernel.outcomes(of: process.name, version: process.version) else { return [] }
        let rate = outcome.runs == 0 ? 0 : Double(outcome.failures) / Double(outcome.runs) * 100
        return [
            "program      \(process.name)@\(process.version): \(outcome.runs) run(s) ended, \(outcome.failures) failed "
                + "(\(Units.fixed(rate, 1))% errors), mean time \(Units.duration(nanoseconds: outcome.runs == 0 ? 0 : outcome.totalNanoseconds / UInt64(outcome.runs)))"
        ]
    }
}

extension KernelEvent {
    var json: JSON {
        .object([
            ("seq", .number(sequence)), ("time_ms", .double(Double(time / 1000) / 1000)),
            ("type", .string(kind.rawValue)),
            ("pid", .number(pid)), ("tid", .optional(tid)), ("peer", .optional(peer)),
            ("detail", .string(detail)),
            ("correlation", .optional(correlation)), ("message", message.map { JSON.raw($0.json) } ?? .null),
        ])
    }
}

extension KernelStats {
    var json: JSON {
        .object([
            ("uptime_ms", .double(Double(uptimeNanoseconds / 1000) / 1000)),
            ("processes", .number(processes)),
            ("threads", .number(threads)), ("policy", .string(policy.rawValue)), ("slots", .number(slots)),
            ("quantum", .number(quantum)), ("deterministic", .bool(deterministic)),
            ("spawned", .number(spawned)),
            ("exited", .number(exited)), ("reaped", .number(reaped)), ("restarts", .number(restarts)),
            ("messages_sent", .number(messagesSent)), ("messages_received", .number(messagesReceived)),
            ("messages_queued", .number(messagesQueued)), ("dead_letters", .number(deadLetters)),
            ("sends_locked", .number(sendsLocked)), ("receives_locked", .number(receivesLocked)),
            ("wakeups_locked", .number(wakeupsLocked)),
            ("context_switches", .number(contextSwitches)), ("reductions", .number(reductions)),
            ("memory", .number(memory)), ("events", .number(eventsRecorded)),
            ("events_evicted", .number(eventsEvicted)),
        ])
    }
}
