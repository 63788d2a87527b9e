import Kernel
import Language

extension CommandCatalogue {
    static let busCommands: [CommandSpec] = [
        CommandSpec(
            "publish", synopsis: "publish TOPIC MESSAGE",
            summary: "publish a message on a topic; subscribers get {topic, message, from}",
            details: "Topics are dot-separated words: orders.new. Prints how many subscribers got it.",
            rawAfter: { _ in 1 }, action: publish),
        CommandSpec(
            "subscribe", synopsis: "subscribe [PATTERN]",
            summary:
                "subscribe the shell to topics ('recv' takes the messages); no PATTERN lists subscriptions",
            details: "Patterns: '*' matches one word, '#' the rest: orders.*, orders.#. Quote a lone '#'.",
            action: subscribe),
        CommandSpec(
            "unsubscribe", synopsis: "unsubscribe PATTERN", summary: "drop one of the shell's subscriptions",
            action: { session, input throws(CommandFailure) in
                guard input.words.count == 1 else { throw .usage("usage: unsubscribe PATTERN") }
                guard session.kernel.unsubscribe(.process(session.shellPID), from: input.words[0]) else {
                    throw .failure("the shell is not subscribed to '\(input.words[0])'")
                }
            }),
        CommandSpec(
            "request", synopsis: "request [--timeout DURATION] PID|NAME MESSAGE",
            summary: "send a request and print the reply (default timeout 5s)",
            details: """
                The process receives {request: ID, from: PID, message: MESSAGE} and answers with
                reply(req, value). Example: request db {op: "get", key: "x"}
                """, rawAfter: { words in words.first == "--timeout" || words.first == "-t" ? 3 : 1 },
            action: request),
        CommandSpec(
            "ctx", synopsis: "ctx PID [REGION] [--json]",
            summary: "show a process's shared-context regions (versions, ACLs, values)", action: context),
    ]

    private static func publish(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        guard let topic = input.words.first, let raw = input.raw, !raw.trimmingWhitespace().isEmpty else {
            throw .usage("usage: publish TOPIC MESSAGE")
        }
        let value = try session.literal(raw)
        do {
            let count = try session.kernel.publish(topic, value, from: .process(session.shellPID))
            session.console.out("delivered to \(count) subscriber\(count == 1 ? "" : "s")")
        } catch {
            throw .usage(error.description)
        }
    }

    private static func subscribe(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        guard input.words.count <= 1 else { throw .usage("usage: subscribe [PATTERN]") }
        guard let pattern = input.words.first else {
            let list = session.kernel.subscriptionList()
            var table = Table([("SUBSCRIBER", .left), ("PATTERN", .left)])
            for (address, pattern) in list { table.add([address.description, pattern]) }
            session.console.out(lines: table.render(width: session.console.width))
            return
        }
        do {
            try session.kernel.subscribe(.process(session.shellPID), pid: session.shellPID, to: pattern)
        } catch {
            throw .usage(error.description)
        }
    }

    private static func request(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        var words = input.words
        var timeout = 5000.0
        if words.first == "--timeout" || words.first == "-t" {
            guard words.count == 3, let milliseconds = Quantity.milliseconds(words[1]) else {
                throw .usage("--timeout takes a duration like 500ms or 2s")
            }
            timeout = milliseconds
            words.removeFirst(2)
        }
        guard words.count == 1, let raw = input.raw, !raw.trimmingWhitespace().isEmpty else {
            throw .usage("usage: request [--timeout DURATION] PID|NAME MESSAGE")
        }
        let value = try session.literal(raw)
        guard case .process(let target) = try session.address(words[0]) else {
            throw .usage("requests go to processes, not threads")
        }
        let reply: Value?
        do {
            reply = try session.kernel.request(
                value, to: target, from: session.shellPID, timeoutMilliseconds: timeout)
        } catch {
            throw error.failure
        }
        guard let reply else {
            throw .failure("no reply from \(target) within \(Units.fixed(timeout, 0)) ms")
        }
        session.console.out(reply.description)
    }

    private static func context(_ session: ShellSession, _ input: CommandInput) throws(CommandFailure) {
        let arguments = try Arguments(input.words, flags: ["--json"])
        guard (1...2).contains(arguments.positionals.count) else {
            throw .usage("usage: ctx PID [REGION] [--json]")
        }
        let pid = try session.pid(arguments.positionals[0])
        var regions: [RegionSnapshot]
        do { regions = try session.kernel.contextRegions(of: pid) } catch { throw error.failure }
        if arguments.positionals.count == 2 {
            let name = arguments.positionals[1]
            regions = regions.filter { $0.name == name }
            guard !regions.isEmpty else { throw .failure("process \(pid) has no context region '\(name)'") }
        }
        if arguments.has("--json") {
            session.console.out(JSON.array(regions.map(\.json)).text)
            return
        }
        var lines: [String] = []
        for region in regions {
            let acl =
                "readers: \(region.readers.isEmpty ? "all" : region.readers.map(String.init).joined(separator: ","))"
                + ", writers: \(region.writers.isEmpty ? "all" : region.writers.map(String.init).joined(separator: ","))"
            lines.append("\(region.name)  v\(region.version)  owner \(region.owner)  \(acl)")
            for (key, value) in region.values { lines.append("  \(key) = \(value)") }
            for (a, relation, b) in region.links { lines.append("  \(a) -\(relation)-> \(b)") }
        }
        session.console.out(lines: lines)
    }
}

extension RegionSnapshot {
    var json: JSON {
        .object([
            ("name", .string(name)), ("owner", .number(owner)), ("readers", .array(readers.map(JSON.number))),
            ("writers", .array(writers.map(JSON.number))), ("version", .number(version)),
            ("modified_ms", .double(Double(modified / 1000) / 1000)),
            ("values", .object(values.map { ($0.key, JSON.raw($0.value.json)) })),
            ("links", .array(links.map { .array([.string($0.0), .string($0.1), .string($0.2)]) })),
        ])
    }
}

extension ShellSession {
    /// Parses a message literal typed by the user.
    /// A message written as a language literal; a lone bare word (`ping`, `orders.new`) is
    /// taken as that string, as the Erlang shell takes it as an atom.
    func literal(_ text: String) throws(CommandFailure) -> Value {
        do {
            return try Value.parseLiteral(text)
        } catch {
            let word = text.trimmingWhitespace()
            if Self.isBareWord(word) { return .str(word) }
            throw .usage("malformed message: \(error)")
        }
    }

    /// A word of letters, digits and `_ - . : @`, starting with a letter.
    static func isBareWord(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first, first.properties.isAlphabetic else { return false }
        return word.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || $0.properties.numericType != nil
                || "_-.:@".unicodeScalars.contains($0)
        }
    }
}
