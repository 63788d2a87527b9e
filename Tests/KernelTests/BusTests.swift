import Kernel
import Language
import Testing

@Suite struct TopicPatternTests {
    @Test(arguments: [
        ("orders.new", "orders.new", true), ("orders.*", "orders.new", true),
        ("orders.*", "orders.new.eu", false),
        ("orders.#", "orders", true), ("orders.#", "orders.new.eu", true), ("#", "anything.at.all", true),
        ("*.new", "orders.new", true), ("*.new", "orders.old", false), ("orders.*.eu", "orders.new.eu", true),
        ("orders.*.eu", "orders.new.us", false), ("orders", "orders.new", false), ("a.b", "a", false),
    ])
    func matching(pattern: String, topic: String, expected: Bool) throws {
        let parsed = try #require(TopicPattern(pattern))
        #expect(parsed.matches(topic) == expected)
    }

    @Test(arguments: ["", "a..b", "#.a", "a.#.b", "."])
    func invalidPatterns(pattern: String) {
        #expect(TopicPattern(pattern) == nil)
    }

    @Test func topicsHaveNoWildcards() {
        #expect(TopicPattern.isValidTopic("orders.new"))
        #expect(!TopicPattern.isValidTopic("orders.*"))
        #expect(!TopicPattern.isValidTopic(""))
    }
}

@Suite struct BusTests {
    @Test func publishReachesMatchingSubscribersOnly() throws {
        let (kernel, lines) = ProgramHarness.kernel()
        try ProgramHarness.load(
            """
            orchestrator sub version "1.0.0"
            fn main(args) {
              subscribe(args[0])
              send(parent(), "ready")
              receive { {topic: t, message: m} => print(args[0], t, m) }
              return 0
            }
            """, into: kernel)
        let shell = kernel.attachExternalProcess(name: "test")
        var pids: [PID] = []
        for pattern in ["orders.*", "orders.#", "payments.*"] {
            pids.append(try kernel.spawn("sub", arguments: [pattern], options: SpawnOptions(parent: shell)))
        }
        for _ in pids { _ = try kernel.receive(for: shell, timeoutMilliseconds: 1000) }
        #expect(try kernel.publish("orders.new", .int(7), from: .process(shell)) == 2)
        #expect(try kernel.wait(pids[0])?.code == 0)
        #expect(try kernel.wait(pids[1])?.code == 0)
        #expect(Set(lines.all) == ["orders.* orders.new 7", "orders.# orders.new 7"])
        #expect(kernel.process(pids[2])?.state == .waiting)
    }

    @Test(arguments: [("children", 2), ("descendants", 6), ("all", 7)])
    func broadcastScopes(scope: String, expected: Int) throws {
        let (kernel, _) = ProgramHarness.kernel()
        try ProgramHarness.load(
            """
            orchestrator node version "1.0.0"
            fn main(args) {
              let depth = int(args[0])
              if depth > 0 {
                spawn("node", [str(depth - 1)])
                spawn("node", [str(depth - 1)])
              }
              receive { m => return 0 }
            }
            """, into: kernel)
        let root = try kernel.spawn("node", arguments: ["2"])
        let other = try kernel.spawn("node", arguments: ["0"])
        kernel.run(forMilliseconds: 10)
        #expect(kernel.processList().count == 9)  // init, 7 nodes, the other
        let count = try kernel.broadcast(
            .str("hi"), scope: BroadcastScope(rawValue: scope) ?? .children, from: root)
        #expect(count == expected)
        #expect(kernel.process(other) != nil)
    }

    @Test func requestReplyAndTimeout() throws {
        let (kernel, lines) = ProgramHarness.kernel()
        let status = try ProgramHarness.run(
            """
            orchestrator rr version "1.0.0"
            fn main(args) {
              let server = thread serve(self())
              register("calc")
              try {
                let r = request(self(), {op: "double", x: 21}, 1000)
                print("reply", r)
              } catch e { print("unexpected", e.kind) }
              try {
                call("calc", {op: "ignore"}, 50)
                print("no timeout?")
              } catch e { print("caught", e.kind) }
              return 0
            }
            fn serve(owner) {
              loop {
                receive {
                  {request: r, message: {op: "double", x}} => reply(r, x * 2)
                  {request: r, message: {op: "ignore"}} => print("ignoring")
                }
              }
            }
            """, in: kernel)
        #expect(status?.code == 0)
        #expect(lines.all == ["reply 42", "ignoring", "caught timeout"])
    }

    @Test func monitorDeliversDown() throws {
        let (kernel, lines) = ProgramHarness.kernel()
        try ProgramHarness.load(
            """
            orchestrator child version "1.0.0"
            fn main(args) { return 5 }
            """, into: kernel)
        let status = try ProgramHarness.run(
            """
            orchestrator watcher version "1.0.0"
            fn main(args) {
              let c = spawn("child", [])
              monitor(c)
              receive { {down: p, code, reason} => print("down", p == c, code, reason) }
              monitor(99999)
              receive { {down: p, reason} => print("down", reason) }
              return 0
            }
            """, in: kernel)
        #expect(status?.code == 0)
        #expect(lines.all == ["down true 5 normal", "down noproc"])
    }

    /// A kernel with `db` loaded: a program that waits for `{op: "stop"}`.
    private func kernelWithDB() throws -> Kernel {
        let (kernel, _) = ProgramHarness.kernel()
        try ProgramHarness.load(
            """
            orchestrator db version "1.0.0"
            fn main(args) { receive { {op: "stop"} => return 0 } }
            """, into: kernel)
        return kernel
    }

    @Test func registeredNamesResolveAndAreFreed() throws {
        let kernel = try kernelWithDB()
        let pid = try kernel.spawn("db", options: SpawnOptions(name: "db"))
        #expect(kernel.registeredPID("db") == pid)
        #expect(throws: KernelError.self) { try kernel.spawn("db", options: SpawnOptions(name: "db")) }
        try kernel.send(.record(["op": .str("stop")]), to: .process(pid))
        kernel.runUntilIdle()
        #expect(kernel.registeredPID("db") == nil)
    }

    /// A name given at spawn is an address, as `register()` makes one: the process is still
    /// listed under its executable's name.
    @Test func aSpawnNameIsAnAddressNotTheListedName() throws {
        let kernel = try kernelWithDB()
        let pid = try kernel.spawn("db", options: SpawnOptions(name: "store"))
        #expect(kernel.registeredPID("store") == pid)
        #expect(kernel.processList().first { $0.pid == pid }?.name == "db")
        try kernel.send(.record(["op": .str("stop")]), to: .process(pid))
        kernel.runUntilIdle()
    }

    /// Real concurrency: 8 senders on 2 slots each send 500 numbered messages to one
    /// receiver; every sender's messages arrive in order.
    @Test func perPairOrderHoldsUnderConcurrency() throws {
        let (kernel, lines) = ProgramHarness.kernel(deterministic: false)
        kernel.start()
        defer { kernel.shutdown() }
        let status = try ProgramHarness.run(
            """
            orchestrator order version "1.0.0"
            fn main(args) {
              let me = self()
              for s in 0..<8 { thread sender(me, s) }
              var next = [0, 0, 0, 0, 0, 0, 0, 0]
              var bad = 0
              for i in 0..<4000 {
                receive {
                  {s, n} => {
                    if n != next[s] { bad = bad + 1 }
                    next[s] = n + 1
                  }
                }
              }
              print("out of order", bad)
              return 0
            }
            fn sender(to, s) {
              for n in 0..<500 { send(to, {s: s, n: n}) }
              return 0
            }
            """, in: kernel)
        #expect(status?.code == 0)
        #expect(lines.all == ["out of order 0"])
    }

    /// Real concurrency: sends, kills and exits; afterwards sent = received + queued + dead letters.
    @Test func nothingIsLostUnderSendsKillsAndExits() throws {
        let (kernel, _) = ProgramHarness.kernel(deterministic: false)
        kernel.start()
        defer { kernel.shutdown() }
        try ProgramHarness.load(
            """
            orchestrator sink version "1.0.0"
            fn main(args) {
              var n = 0
              loop { receive { m => n = n + 1 } }
            }
            """, into: kernel)
        try ProgramHarness.load(
            """
            orchestrator spray version "1.0.0"
            fn main(args) {
              let targets = args
              for i in 0..<300 {
                for t in targets { send(int(t), i) }
              }
              return 0
            }
            """, into: kernel)
        let sinks = try (0..<6).map { _ in try kernel.spawn("sink") }
        let sprayers = try (0..<4).map { _ in try kernel.spawn("spray", arguments: sinks.map(String.init)) }
        kernel.run(forMilliseconds: 2)
        try kernel.kill(sinks[0], .kill)
        try kernel.kill(sinks[1], .term)
        for _ in 0..<500 where sprayers.contains(where: { kernel.process($0) != nil }) {
            kernel.run(forMilliseconds: 10)
        }
        for _ in 0..<100 {
            let stats = kernel.stats()
            if stats.messagesQueued == 0 { break }
            kernel.run(forMilliseconds: 10)
        }
        let stats = kernel.stats()
        #expect(stats.messagesSent > 0)
        #expect(stats.messagesSent >= 4 * 300 * 6)
        #expect(
            stats.messagesSent == stats.messagesReceived + UInt64(stats.messagesQueued) + stats.deadLetters)
    }
}

@Suite struct RequestRaceTests {
    /// Real concurrency: on two slots a server often replies before the requester has parked;
    /// no reply may be lost (each lost one would time out after 2 s).
    @Test func repliesAreNeverLostBetweenSlots() throws {
        let (kernel, lines) = ProgramHarness.kernel(deterministic: false)
        kernel.start()
        defer { kernel.shutdown() }
        let status = try ProgramHarness.run(
            """
            orchestrator racer version "1.0.0"
            fn main(args) {
              let server = thread serve()
              register("echo")
              var total = 0
              for i in 0..<3000 { total += request("echo", i, 2000) }
              print(total)
              return 0
            }
            fn serve() {
              loop { receive { {request: r, message: m} => reply(r, m) } }
            }
            """, in: kernel)
        #expect(status?.code == 0)
        #expect(lines.all == ["4498500"])
    }

    /// Real concurrency: an outside request to a process that ends without replying fails as
    /// soon as it ends (`noproc`), not when its timeout runs out.
    @Test func anOutsideRequestFailsWhenTheServerEnds() throws {
        let (kernel, _) = ProgramHarness.kernel(deterministic: false)
        kernel.start()
        defer { kernel.shutdown() }
        let executable = try ProgramHarness.load(
            """
            orchestrator quitter version "1.0.0"
            fn main(args) {
              receive { {request: r} => return 0 }
            }
            """, into: kernel)
        let shell = kernel.attachExternalProcess(name: "test")
        let server = try kernel.spawn(executable, options: SpawnOptions(parent: shell))
        let started = ContinuousClock.now
        #expect(throws: KernelError.noSuchProcess(server)) {
            _ = try kernel.request(.int(1), to: server, from: shell, timeoutMilliseconds: 20_000)
        }
        #expect(ContinuousClock.now - started < .seconds(10), "failed at the exit, not the timeout")
    }

    /// A tool that ends at once still hands its result to the thread that runs it.
    @Test func fastToolsAreNotLost() throws {
        let (kernel, lines) = ProgramHarness.kernel(deterministic: false) { $0.allowedTools = ["/bin/true"] }
        kernel.start()
        defer { kernel.shutdown() }
        let status = try ProgramHarness.run(
            """
            orchestrator fast version "1.0.0"
            fn main(args) {
              var codes = 0
              for i in 0..<50 { codes += tool("/bin/true", []).code }
              print("ok", codes)
              return 0
            }
            """, in: kernel)
        #expect(status?.code == 0)
        #expect(lines.all == ["ok 0"])
    }
}
