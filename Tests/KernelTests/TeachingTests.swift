import Kernel
import Language
import Testing

@Suite struct ProvenanceTests {
    static let pipeline = """
        orchestrator pipeline version "1.0.0"
        fn main(args) {
          let role = args[0] ?? "source"
          if role == "sink" {
            receive { {value: v} => {
              ctx.write("decision", "result", v)
              return 0
            } }
          }
          if role == "double" {
            let sink = spawn("pipeline", ["sink"])
            receive { {value: v} => send(sink, {value: v * 2}) }
            return 0
          }
          let mid = spawn("pipeline", ["double"])
          ctx.write("decision", "input", 21)
          send(mid, {value: 21})
          return 0
        }
        """

    /// source (3) -> double (4) -> sink (5), plus an unrelated process that also messages the
    /// source: the provenance of the sink names exactly the two pipeline messages and the two
    /// context writes.
    @Test func threeProcessPipeline() throws {
        let (kernel, _) = ProgramHarness.kernel()
        try ProgramHarness.load(Self.pipeline, into: kernel)
        try ProgramHarness.load(
            """
            orchestrator noise version "1.0.0"
            fn main(args) { send(int(args[0]), {value: 0}); ctx.write("decision", "noise", 1); return 0 }
            """, into: kernel)
        let source = try kernel.spawn("pipeline")
        kernel.runUntilIdle()
        _ = try kernel.spawn("noise", arguments: [String(source)])
        kernel.runUntilIdle()
        let graph = try kernel.provenance(of: source + 2)
        #expect(graph.nodes.map(\.pid) == [source + 2, source + 1, source])
        #expect(graph.messages.map(\.kind) == ["message", "message"])
        #expect(
            graph.messages.map { "\($0.from)->\($0.to)" } == [
                "\(source)->\(source + 1)", "\(source + 1)->\(source + 2)",
            ])
        #expect(graph.messages.map { $0.message?.description ?? "" } == ["{value: 21}", "{value: 42}"])
        #expect(
            graph.context.map { "\($0.pid) \($0.key) v\($0.version)" }
                == ["\(source) decision.input v1", "\(source + 2) decision.result v1"])
        #expect(graph.spawns.map(\.1).sorted() == [source, source + 1, source + 2])
    }

    @Test func requestsAppearWithTheirCorrelation() throws {
        let (kernel, _) = ProgramHarness.kernel()
        let status = try ProgramHarness.run(
            """
            orchestrator asker version "1.0.0"
            fn main(args) {
              let me = self()
              let t = thread answer()
              register("oracle")
              return request("oracle", "q", 1000)
            }
            fn answer() { receive { {request: r} => reply(r, 7) } return 0 }
            """.replacingOccurrences(of: "} return 0 }", with: "}\n  return 0\n}"), in: kernel)
        #expect(status?.code == 7)
        let events = kernel.events()
        let request = try #require(events.first { $0.kind == .request })
        let reply = try #require(events.first { $0.kind == .reply })
        #expect(request.correlation != nil)
        #expect(request.correlation == reply.correlation)
    }
}

@Suite struct StepTests {
    /// `step` runs one instruction at a time of a suspended thread, reporting the instruction
    /// and its line, in program order.
    @Test func stepShowsTheInstructionSequence() throws {
        let (kernel, _) = ProgramHarness.kernel()
        let executable = try ProgramHarness.load(
            """
            orchestrator stepper version "1.0.0"
            fn main(args) {
              let a = 2
              let b = a * 3
              return b + 1
            }
            """, into: kernel)
        let pid = try kernel.spawn(
            executable, options: SpawnOptions(parent: kernel.attachExternalProcess(name: "t")))
        try kernel.kill(pid, .stop)
        #expect(throws: KernelError.self) { try kernel.step(99999) }
        var lines: [Int] = []
        var instructions: [String] = []
        for _ in 0..<20 {
            let record = try kernel.step(pid)
            lines.append(record.line)
            instructions.append(record.instruction)
            #expect(record.function == "main")
            if record.outcome != "stepped" {
                #expect(record.outcome == "finished: 7")
                break
            }
        }
        #expect(lines == lines.sorted(), "lines advance: \(lines)")
        #expect(Set(lines) == [3, 4, 5])
        #expect(instructions.last?.contains(" ret ") ?? false, "\(instructions)")
        #expect(instructions.contains { $0.contains(" mul") })
        #expect(kernel.process(pid)?.state == .exited)
    }

    @Test func stepNeedsASuspendedThread() throws {
        let (kernel, _) = ProgramHarness.kernel()
        let executable = try ProgramHarness.load(
            "orchestrator s version \"1.0.0\"\nfn main(args) { receive { _ => return 0 } }", into: kernel)
        let pid = try kernel.spawn(executable)
        kernel.run(forMilliseconds: 1)
        #expect(throws: KernelError.notPermitted("thread \(pid) is not suspended: 'suspend \(pid)' first")) {
            try kernel.step(pid)
        }
    }
}

@Suite struct MetricsAndWarningsTests {
    @Test func processCountersAreTheSumOfItsThreads() throws {
        let (kernel, _) = ProgramHarness.kernel()
        let executable = try ProgramHarness.load(
            """
            orchestrator sums version "1.0.0"
            fn main(args) {
              var ts = []
              for i in 0..<4 { ts.append(thread work(i)) }
              receive { _ => return 0 }
            }
            fn work(i) {
              var s = 0
              for k in 0..<(1000 * (i + 1)) { s = s + k }
              receive { _ => return s }
            }
            """, into: kernel)
        let pid = try kernel.spawn(executable)
        kernel.run(forMilliseconds: 50)
        let threads = try kernel.threadList(of: pid)
        #expect(threads.count == 5)
        let process = try #require(kernel.process(pid))
        #expect(process.reductions == threads.reduce(0) { $0 + $1.reductions })
        #expect(process.cpuNanoseconds == threads.reduce(0) { $0 + $1.cpuNanoseconds })
        #expect(process.contextSwitches == threads.reduce(0) { $0 + $1.contextSwitches })
        #expect(threads.dropFirst().map(\.reductions) == threads.dropFirst().map(\.reductions).sorted())
    }

    @Test func warningsForBusyThreadsLocksAndUnmatchedMessages() throws {
        let (kernel, _) = ProgramHarness.kernel()
        let spinner = try ProgramHarness.load(
            "orchestrator spin version \"1.0.0\"\nfn main(args) {\n  loop { }\n}", into: kernel)
        let holder = try ProgramHarness.load(
            "orchestrator holder version \"1.0.0\"\nfn main(args) {\n  lock(\"m\")\n  receive { {go: true} => return 0 }\n}",
            into: kernel)
        let busy = try kernel.spawn(spinner)
        let locked = try kernel.spawn(holder)
        kernel.run(forMilliseconds: 1)
        for value in [1, 2, 3] { try kernel.send(.int(Int64(value)), to: .process(locked)) }
        kernel.run(forMilliseconds: 1500)
        let kinds = kernel.warnings().map { "\($0.pid) \($0.kind.rawValue)" }
        #expect(kinds.contains("\(busy) busy"))
        #expect(kinds.contains("\(locked) lock-receive"))
        #expect(kinds.contains("\(locked) unmatched"))
        #expect((kernel.process(busy)?.warnings ?? 0) >= 1)
        #expect(kernel.warnings().allSatisfy { !$0.message.isEmpty })
    }
}
