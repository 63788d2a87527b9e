import Kernel
import Language

extension CommandCatalogue {
    static let processCommands: [CommandSpec] = [
        CommandSpec(
            "spawn", synopsis: "spawn [OPTIONS] NAME[@VERSION]|FILE [ARGS...] | spawn --tool PATH [ARGS...]",
            summary: "start a process; prints its PID (also in $!)",
            details: """
                Options (before or after NAME; '--' ends them):
                  --nice N            priority, -20 (first) to 19 (last); default 0
                  --mem SIZE          memory quota: bytes, 64K, 16M
                  --max-threads N     live threads at most
                  --mailbox N         queued messages before senders block
                  --parallel K        at most K of its threads run at once
                  --restart MODE      on-failure or always: init restarts it after it ends
                  --max-restarts N    give up after N restarts within --period (default 5)
                  --period S          seconds (default 60)
                  --name NAME         a name 'send' accepts as an address
                  --tool              run the OS program PATH as a tool process: signals are
                                      forwarded to it, its exit code becomes the process's,
                                      its output lines go to 'logs PID'
                Example: spawn --nice 5 counter 10
                """, action: spawn),
        CommandSpec(
            "kill", synopsis: "kill [-SIG | -s SIG] ID... | kill -l",
            summary: "send a signal (default TERM) to processes or threads",
            details: """
                Signals: TERM (exit 143; a program that trapped it gets {signal: "TERM"} and
                KILL after a grace period), KILL (137, cannot be trapped), INT (130), HUP (129),
                USR1 (138), USR2 (140), STOP and CONT (suspend and resume every thread).
                A TID that is not a main thread ends (or stops) that thread alone.
                Example: kill -KILL 12
                """, action: kill),
        CommandSpec(
            "wait", synopsis: "wait [PID...] [--timeout DURATION]",
            summary: "wait for processes to end; prints how, sets $? to the exit code",
            details: """
                Without a PID, waits for every process the shell started. The zombie is reaped.
                --timeout 500ms gives up (status 1) when the time passes first; the processes
                that ended are still reported, in the order given, then the ones still running.
                In deterministic mode, without --timeout, it gives up after an hour of virtual time.
                """, action: waitCommand),
        CommandSpec(
            "suspend", synopsis: "suspend PID...", summary: "stop every thread of a process (STOP)",
            action: { session, input throws(CommandFailure) in
                try session.signal(input.words, .stop, "suspend")
            }),
        CommandSpec(
            "resume", synopsis: "resume PID...", summary: "resume a suspended process (CONT)",
            action: { session, input throws(CommandFailure) in
                try session.signal(input.words, .cont, "resume")
            }),
        CommandSpec(
            "renice", synopsis: "renice [-n] NICE PID...",
            summary: "change the priority of processes (-20 first … 19 last)", action: renice),
    ]

    private static func spawn(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        let arguments = try Arguments(
            input.words, flags: ["--tool"],
            options: [
                "--nice", "--mem", "--max-threads", "--mailbox", "--parallel", "--restart", "--max-restarts",
                "--period", "--name",
            ], unknownAfterPositional: true)
        guard let reference = arguments.positionals.first else {
            throw .usage("missing program name; usage: spawn [OPTIONS] NAME[@VERSION] [ARGS...]")
        }
        var options = SpawnOptions(parent: session.shellPID)
        options.nice = try arguments.integer("--nice", in: -20...19) ?? 0
        if let text = arguments.options["--mem"] {
            guard let bytes = Quantity.bytes(text), bytes > 0 else {
                throw .usage("--mem takes a size like 65536, 64K or 16M, not '\(text)'")
            }
            options.memoryBytes = bytes
        }
        options.maxThreads = try arguments.integer("--max-threads", in: 1...1_000_000)
        options.mailboxLimit = try arguments.integer("--mailbox", in: 1...100_000_000)
        options.parallel = try arguments.integer("--parallel", in: 1...1024)
        options.name = arguments.options["--name"]
        if let mode = arguments.options["--restart"] {
            guard let parsed = RestartPolicy.Mode(rawValue: mode) else {
                throw .usage("--restart takes on-failure or always, not '\(mode)'")
            }
            var policy = RestartPolicy(mode: parsed)
            policy.maxRestarts =
                try arguments.integer("--max-restarts", in: 0...1_000_000) ?? policy.maxRestarts
            if let period = arguments.options["--period"] {
                guard let seconds = Double(period), seconds > 0, seconds.isFinite else {
                    throw .usage("--period takes seconds, not '\(period)'")
                }
                policy.periodSeconds = seconds
            }
            options.restart = policy
        } else if arguments.options["--max-restarts"] != nil || arguments.options["--period"] != nil {
            throw .usage("--max-restarts and --period go with --restart")
        }
        do {
            let rest = Array(arguments.positionals.dropFirst())
            let pid: PID
            if arguments.has("--tool") {
                pid = try session.kernel.spawnTool(reference, arguments: rest, options: options)
            } else {
                pid = try session.kernel.spawn(
                    try session.resolveExecutable(reference), arguments: rest, options: options)
            }
            session.lastSpawned = pid
            session.console.out(String(pid))
        } catch let error as KernelError {
            throw error.failure
        } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw .failure("\(error)")
        }
    }

    private static func kill(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        var words = input.words
        var signal = Signal.term
        if words.first == "-l" || words.first == "--list" {
            session.console.out(Signal.allCases.map { "\($0.number) \($0.rawValue)" }.joined(separator: "\n"))
            return
        }
        if words.first == "-s" || words.first == "-n" {
            guard words.count > 1 else { throw .usage("-s needs a signal name") }
            guard let parsed = Signal(parsing: words[1]) else {
                throw .usage("unknown signal '\(words[1])'; see 'kill -l'")
            }
            signal = parsed
            words.removeFirst(2)
        } else if let first = words.first, first.hasPrefix("-"), first.count > 1 {
            guard let parsed = Signal(parsing: String(first.dropFirst())) else {
                throw .usage("unknown signal '\(first.dropFirst())'; see 'kill -l'")
            }
            signal = parsed
            words.removeFirst()
        }
        try session.signal(words, signal, "kill")
    }

    private static func renice(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        var words = input.words
        if words.first == "-n" { words.removeFirst() }
        guard words.count >= 2 else { throw .usage("usage: renice [-n] NICE PID...") }
        guard let nice = Int(words[0]), (-20...19).contains(nice) else {
            throw .usage("nice must be a whole number from -20 to 19, not '\(words[0])'")
        }
        for word in words.dropFirst() {
            let pid = try session.pid(word)
            do { try session.kernel.renice(pid, to: nice) } catch { throw session.failure(of: error) }
        }
    }
}

extension ShellSession {
    /// A PID or TID typed by the user: a number, or `$!` already expanded.
    func pid(_ word: String) throws(CommandFailure) -> Int {
        guard let value = Int(word), value > 0 else {
            if word.isEmpty { throw .usage("missing PID (is $! set? spawn something first)") }
            throw .usage("'\(word)' is not a PID")
        }
        return value
    }

    /// Sends `signal` to each ID in `words`.
    func signal(_ words: [String], _ signal: Signal, _ command: String) throws(CommandFailure) {
        guard !words.isEmpty else { throw .usage("missing PID; usage: \(command) PID...") }
        for word in words {
            let id = try pid(word)
            do { try kernel.kill(id, signal) } catch { throw failure(of: error) }
        }
    }
}
