import Kernel
import Language
import Testing

@Suite struct ContextTests {
    @Test func standardRegionsAndVersions() throws {
        let (kernel, lines) = ProgramHarness.kernel()
        let status = try ProgramHarness.run(
            """
            orchestrator ctxdemo version "1.0.0"
            fn main(args) {
              ctx.write("decision", "total", 1)
              ctx.write("mine", "k", "v")
              print(ctx.read("decision", "steps"), ctx.read("mine", "k"), ctx.incr("decision", "total", 4))
              print(ctx.cas("decision", "total", 5, 6), ctx.cas("decision", "total", 5, 7), ctx.read("decision", "total"))
              ctx.link("alice", "knows", "bob")
              ctx.link("alice", "knows", "carol")
              print(ctx.neighbors("alice", "knows"))
              return 0
            }
            """, in: kernel)
        #expect(status?.code == 0)
        #expect(lines.all == ["[] v 5", "true false 6", "[\"bob\", \"carol\"]"])
        let events = kernel.events().filter { $0.kind == .contextWrite }.map(\.detail)
        #expect(events == ["decision.total", "mine.k", "decision.total", "decision.total", "decision.total"])
    }

    @Test func aclDeniesOtherThreads() throws {
        let (kernel, lines) = ProgramHarness.kernel()
        let status = try ProgramHarness.run(
            """
            orchestrator acl version "1.0.0"
            fn main(args) {
              ctx.region("secret", {writers: [tid()], readers: [tid()]})
              ctx.write("secret", "k", 1)
              let t = thread intruder()
              print(join(t))
              return 0
            }
            fn intruder() {
              var out = []
              try { ctx.write("secret", "k", 2) } catch e { out.append(e.kind) }
              try { ctx.read("secret", "k") } catch e { out.append(e.message) }
              try { ctx.region("secret", {writers: []}) } catch e { out.append(e.kind) }
              return out
            }
            """, in: kernel)
        #expect(status?.code == 0)
        #expect(lines.all.count == 1)
        #expect(
            lines.all.first?.hasPrefix("[\"permission\", \"permission denied: thread") ?? false,
            "\(lines.all)")
        #expect(lines.all.first?.hasSuffix(", \"permission\"]") ?? false)
    }

    /// The main thread set the ACL, so it owns the region, although it was never written:
    /// another thread may not take it over.
    @Test func anotherThreadMayNotChangeTheMainThreadsRegion() throws {
        let (kernel, lines) = ProgramHarness.kernel()
        let status = try ProgramHarness.run(
            """
            orchestrator acl version "1.0.0"
            fn main(args) {
              ctx.region("r", {writers: [tid()]})
              print(join(thread other()))
              ctx.region("r", {writers: []})
              print("main still owns it")
              return 0
            }
            fn other() {
              try { ctx.region("r", {readers: [tid()], writers: [tid()]}) } catch e { return [e.kind, e.message] }
              return "changed"
            }
            """, in: kernel)
        #expect(status?.code == 0)
        #expect(
            lines.all == [
                "[\"permission\", \"permission denied: only the owner (3) may change region 'r'\"]",
                "main still owns it",
            ])
    }

    /// The other way round: a thread that set a region's ACL first owns it; main may not change it.
    @Test func theMainThreadMayNotChangeAnotherThreadsRegion() throws {
        let (kernel, lines) = ProgramHarness.kernel()
        let status = try ProgramHarness.run(
            """
            orchestrator acl version "1.0.0"
            fn main(args) {
              join(thread other())
              try { ctx.region("r", {writers: [tid()]}) } catch e { print(e.kind, e.message) }
              return 0
            }
            fn other() {
              ctx.region("r", {readers: [tid()], writers: [tid()]})
              ctx.region("r", {readers: []})
              return 0
            }
            """, in: kernel)
        #expect(status?.code == 0)
        #expect(lines.all == ["permission permission denied: only the owner (4) may change region 'r'"])
    }

    /// Real concurrency: 8 threads on 2 slots increment one key 1,000 times each, and 8 more
    /// do a cas loop; nothing is lost.
    @Test func incrAndCasUnderContention() throws {
        let (kernel, lines) = ProgramHarness.kernel(deterministic: false)
        kernel.start()
        defer { kernel.shutdown() }
        let status = try ProgramHarness.run(
            """
            orchestrator contend version "1.0.0"
            fn main(args) {
              var ts = []
              for i in 0..<8 { ts.append(thread bump()) }
              for i in 0..<8 { ts.append(thread casBump()) }
              join(ts)
              print(ctx.read("scoring", "n"), ctx.read("scoring", "m"))
              return 0
            }
            fn bump() {
              for i in 0..<1000 { ctx.incr("scoring", "n") }
              return 0
            }
            fn casBump() {
              for i in 0..<200 {
                loop {
                  let old = ctx.read("scoring", "m")
                  if ctx.cas("scoring", "m", old, (old ?? 0) + 1) { break }
                }
              }
              return 0
            }
            """, in: kernel)
        #expect(status?.code == 0)
        #expect(lines.all == ["8000 1600"])
    }
}

@Suite struct CoordinationTests {
    @Test func barrierIsReusable() throws {
        let (kernel, lines) = ProgramHarness.kernel()
        let status = try ProgramHarness.run(
            """
            orchestrator bar version "1.0.0"
            fn main(args) {
              barrier_create("b", 3)
              var ts = []
              for i in 0..<3 { ts.append(thread phase(i)) }
              join(ts)
              print("rounds", ctx.read("coordination", "round"))
              return 0
            }
            fn phase(i) {
              for round in 0..<3 {
                ctx.incr("coordination", "arrived")
                barrier_wait("b")
                if ctx.read("coordination", "arrived") != 3 * (round + 1) { print("early!") }
                barrier_wait("b")
                if i == 0 { ctx.write("coordination", "round", round + 1) }
              }
              return 0
            }
            """, in: kernel)
        #expect(status?.code == 0)
        #expect(lines.all == ["rounds 3"])
    }

    @Test func semaphoreAndEventsAndLockTimeout() throws {
        let (kernel, lines) = ProgramHarness.kernel()
        let status = try ProgramHarness.run(
            """
            orchestrator sync version "1.0.0"
            fn main(args) {
              sem_create("s", 1)
              sem_wait("s")
              try { sem_wait("s", 20) } catch e { print("sem", e.kind) }
              sem_post("s")
              sem_wait("s", 20)
              let waiter = thread waitFlag()
              sleep(5)
              event_set("go")
              print("joined", join(waiter))
              lock("m")
              let t = thread grab()
              print("grab", join(t))
              try { unlock("nope") } catch e { print("unlock", e.kind) }
              return 0
            }
            fn waitFlag() { event_wait("go", 1000); return "flag" }
            fn grab() {
              try { lock("m", 30); return "got it" } catch e { return e.kind }
            }
            """, in: kernel)
        #expect(status?.code == 0)
        #expect(lines.all == ["sem timeout", "joined flag", "grab timeout", "unlock permission"])
    }

    @Test func autoResetFlagLetsOneWaiterThroughPerSet() throws {
        let (kernel, lines) = ProgramHarness.kernel()
        let status = try ProgramHarness.run(
            """
            orchestrator flags version "1.0.0"
            fn main(args) {
              event_create("door", "auto")
              let a = thread waiter("a")
              let b = thread waiter("b")
              sleep(5)
              event_set("door")
              sleep(5)
              print("after one set", ctx.read("coordination", "through"))
              event_set("door")
              join([a, b])
              print("after two sets", ctx.read("coordination", "through"))
              try { event_create("x", "sometimes") } catch e { print(e.kind) }
              return 0
            }
            fn waiter(name) {
              event_wait("door")
              ctx.incr("coordination", "through")
              return 0
            }
            """, in: kernel)
        #expect(status?.code == 0)
        #expect(lines.all == ["after one set 1", "after two sets 2", "value"])
    }

    @Test func lockDeadlockIsDetectedAndShown() throws {
        let (kernel, _) = ProgramHarness.kernel()
        let executable = try ProgramHarness.load(
            """
            orchestrator dead version "1.0.0"
            fn main(args) {
              lock("a")
              let t = thread other()
              sleep(5)
              lock("b")
              return 0
            }
            fn other() { lock("b"); sleep(10); lock("a"); return 0 }
            """, into: kernel)
        let pid = try kernel.spawn(executable)
        kernel.run(forMilliseconds: 50)
        let deadlocks = kernel.events().filter { $0.kind == .deadlock }
        #expect(deadlocks.count == 1)
        let threads = try kernel.threadList(of: pid)
        #expect(threads.map(\.wait) == ["lock b (deadlock)", "lock a (deadlock)"])
        #expect(kernel.process(pid)?.wait == "lock b (deadlock)")
        try kernel.kill(threads[1].tid, .kill)  // the user breaks it
        kernel.runUntilIdle()
        #expect(kernel.process(pid) == nil, "main got lock b and finished")
    }
}

@Suite struct ToolTests {
    @Test func toolProcessForwardsTermAndKill() throws {
        let kernel = Kernel(configuration: KernelConfiguration(slots: 2))
        kernel.start()
        defer { kernel.shutdown() }
        let shell = kernel.attachExternalProcess(name: "test")
        let term = try kernel.spawnTool("/bin/sleep", arguments: ["30"], options: SpawnOptions(parent: shell))
        let trapping = try kernel.spawnTool(
            "/bin/sh", arguments: ["-c", "trap '' TERM; echo ready; sleep 30"],
            options: SpawnOptions(parent: shell))
        for _ in 0..<200 where ((try? kernel.logs(of: trapping)) ?? []).isEmpty {
            kernel.run(forMilliseconds: 10)
        }
        #expect(try kernel.logs(of: trapping) == ["ready"])
        try kernel.kill(term, .term)
        #expect(
            try kernel.wait(term, timeoutMilliseconds: 5000)
                == ExitStatus(code: 143, reason: "killed by TERM"))
        try kernel.kill(trapping, .term)
        kernel.run(forMilliseconds: 100)
        #expect(kernel.process(trapping)?.state == .waiting, "it ignores TERM")
        try kernel.kill(trapping, .kill)
        #expect(try kernel.wait(trapping, timeoutMilliseconds: 5000)?.code == 137)
    }

    @Test func toolCallsNeedPermission() throws {
        let (kernel, lines) = ProgramHarness.kernel(deterministic: false) { $0.allowedTools = ["/bin/echo"] }
        kernel.start()
        defer { kernel.shutdown() }
        let status = try ProgramHarness.run(
            """
            orchestrator tools version "1.0.0"
            fn main(args) {
              print(tool("/bin/echo", ["hi", "there"], 5000))
              try { tool("/bin/ls", []) } catch e { print(e.kind, e.message) }
              try { tool("/bin/sleep", ["5"]) } catch e { print(e.kind) }
              return 0
            }
            """, in: kernel)
        #expect(status?.code == 0)
        #expect(lines.all.first == "{code: 0, output: [\"hi there\"]}")
        #expect(
            lines.all.dropFirst().first
                == "permission tool: '/bin/ls' is not allowed (start dkctl with --allow-tool /bin/ls)")
    }

    @Test func toolCallTimesOut() throws {
        let (kernel, lines) = ProgramHarness.kernel(deterministic: false) { $0.allowedTools = ["/bin/sleep"] }
        kernel.start()
        defer { kernel.shutdown() }
        let status = try ProgramHarness.run(
            """
            orchestrator slow version "1.0.0"
            fn main(args) {
              try { tool("/bin/sleep", ["10"], 100) } catch e { print(e.kind) }
              return 0
            }
            """, in: kernel)
        #expect(status?.code == 0)
        #expect(lines.all == ["timeout"])
    }
}
