import Kernel
import Language

extension CommandCatalogue {
    static let messageCommands: [CommandSpec] = [
        CommandSpec(
            "send", synopsis: "send PID|tTID|NAME MESSAGE",
            summary: "send a message (a literal in the language's syntax) to a process or thread",
            details: """
                MESSAGE is a value as a program writes it: 42, "text", [1, 2], {op: "add", a: 1};
                a lone bare word (ping) is taken as that string. The sender is the shell ($$). The shell never blocks: a full mailbox is an error
                (status 1); a process that has exited counts a dead letter (status 3).
                Example: send $! {op: "add", a: 1, b: 2, from: $$}
                """, rawAfter: { _ in 1 }, action: send),
        CommandSpec(
            "recv", synopsis: "recv [--timeout DURATION]",
            summary: "take the oldest message sent to the shell and print it",
            details: """
                Waits for a message to the shell ($$): up to --timeout (default: until one comes;
                in deterministic mode, until nothing could send one, or for an hour of virtual
                time). Prints 'from PID: VALUE'.
                """, action: recv),
        CommandSpec(
            "mailbox", synopsis: "mailbox PID|TID",
            summary: "list the messages queued for a process or thread",
            action: mailbox),
    ]

    private static func send(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        guard let target = input.words.first else { throw .usage("usage: send PID MESSAGE") }
        guard let literal = input.raw, !literal.trimmingWhitespace().isEmpty else {
            throw .usage("missing message; usage: send PID MESSAGE, e.g. send \(target) {op: \"ping\"}")
        }
        let address = try session.address(target)
        let value: Value
        do {
            value = try session.literal(literal)
        } catch {
            // A PID that never existed is the first thing wrong (status 3, as DESIGN §10 says).
            if case .process(let pid) = address, session.kernel.process(pid) == nil {
                throw KernelError.noSuchProcess(pid).failure
            }
            throw error
        }
        do {
            try session.kernel.send(value, to: address, from: session.shellPID)
        } catch {
            throw error.failure
        }
    }

    private static func recv(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        let arguments = try Arguments(
            input.words, options: ["--timeout", "-t"], aliases: ["-t": "--timeout"])
        guard arguments.positionals.isEmpty else { throw .usage("usage: recv [--timeout DURATION]") }
        var timeout: Double?
        if let text = arguments.options["--timeout"] {
            guard let milliseconds = Quantity.milliseconds(text) else {
                throw .usage("--timeout takes a duration like 500ms or 2s, not '\(text)'")
            }
            timeout = milliseconds
        }
        var remaining = timeout
        let started = session.kernel.uptimeNanoseconds
        while true {
            let slice = min(remaining ?? 100, 100)
            let message: Message?
            do {
                message = try session.kernel.receive(for: session.shellPID, timeoutMilliseconds: slice)
            } catch {
                throw error.failure
            }
            if let message {
                session.console.out("from \(message.from?.description ?? "kernel"): \(message.value)")
                return
            }
            if session.interrupted { throw .failure("interrupted") }
            if let left = remaining {
                remaining = left - slice
                if left - slice <= 0 {
                    throw .failure("no message within \(Units.fixed(timeout ?? 0, 0)) ms")
                }
            }
            if session.kernel.configuration.deterministic && session.kernel.isIdle {
                throw .failure("no message, and no process could send one")
            }
            if remaining == nil && session.outlastsDeterministicPatience(since: started) {
                throw .failure("no message after an hour of virtual time (use --timeout to wait longer)")
            }
        }
    }

    private static func mailbox(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        guard input.words.count == 1 else { throw .usage("usage: mailbox PID|TID") }
        let id = try session.pid(input.words[0])
        let messages: [Message]
        do { messages = try session.kernel.mailbox(of: id) } catch { throw error.failure }
        if messages.isEmpty {
            session.console.out("mailbox of \(id) is empty")
            return
        }
        var table = Table([("#", .right), ("FROM", .left), ("MESSAGE", .left)])
        for (index, message) in messages.enumerated() {
            table.add([String(index + 1), message.from?.description ?? "kernel", message.value.description])
        }
        session.console.out(lines: table.render(width: session.console.width))
    }
}

extension ShellSession {
    /// `12` (a process), `t15` (a thread's own mailbox), or a registered name (`db`).
    func address(_ word: String) throws(CommandFailure) -> Address {
        if word.hasPrefix("t"), let tid = Int(word.dropFirst()), tid > 0 { return .thread(tid) }
        if Int(word) == nil, !word.isEmpty, !word.hasPrefix("-") {
            guard let pid = kernel.registeredPID(word) else {
                throw .unknownID("no process is registered as '\(word)'")
            }
            return .process(pid)
        }
        return .process(try pid(word))
    }
}
