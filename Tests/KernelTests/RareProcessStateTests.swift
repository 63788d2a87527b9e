import Language
import Testing

@testable import Kernel

/// A process's rarely used state lives in a side object made on first use
/// (``RareProcessState``): it must work as the process's own fields did, and an idle
/// process must not make it.
@Suite struct RareProcessStateTests {
    @Test func anIdleProcessHasNoSideObject() throws {
        let (kernel, _) = ProgramHarness.kernel(slots: 1)
        let executable = try ProgramHarness.load(
            """
            orchestrator idle version "1.0.0"
            fn main(args) { receive { _ => return 0 } }
            """, into: kernel)
        let pid = try kernel.spawn(executable)
        kernel.run(forMilliseconds: 5)
        #expect(kernel.lock.withLock { kernel.processes[pid]?.rare } == nil)
        #expect(kernel.metrics(of: pid).isEmpty)
        #expect(try kernel.logs(of: pid).isEmpty)
        #expect(kernel.process(pid)?.restarts == 0)
        #expect(kernel.lock.withLock { kernel.processes[pid]?.rare } == nil, "reading made nothing")
    }

    @Test func metricsLogsContextLocksAndThreadResultsWork() throws {
        let (kernel, lines) = ProgramHarness.kernel()
        let executable = try ProgramHarness.load(
            """
            orchestrator busy version "1.0.0"
            fn main(args) {
              metric("latency", 5)
              metric("latency", 7)
              print("hello")
              ctx.write("mine", "k", 1)
              lock("l")
              unlock("l")
              let t = thread double(21)
              sleep(5)
              print("joined", join(t))
              receive { {op: "stop"} => return 0 }
            }
            fn double(n) { return n * 2 }
            """, into: kernel)
        let shell = kernel.attachExternalProcess(name: "test")
        let pid = try kernel.spawn(executable, options: SpawnOptions(name: "busy", parent: shell))
        kernel.run(forMilliseconds: 50)
        #expect(lines.all == ["hello", "joined 42"])
        #expect(try kernel.logs(of: pid) == ["hello", "joined 42"])
        let latency = try #require(kernel.metrics(of: pid).first)
        #expect(latency.name == "latency" && latency.count == 2 && latency.sum == 12)
        #expect(try kernel.contextRegions(of: pid).contains { $0.name == "mine" })
        #expect(kernel.registeredPID("busy") == pid)
        #expect(kernel.lock.withLock { kernel.processes[pid]?.finishedResults.isEmpty } == true)
        try kernel.send(.record(["op": .str("stop")]), to: .process(pid))
        #expect(try kernel.wait(pid, timeoutMilliseconds: 60_000)?.code == 0)
        #expect(kernel.registeredPID("busy") == nil, "the name is freed at exit")
    }

    /// The threads waiting for a process and those parked while it is suspended live in the
    /// side object: a waiter wakes with the exit code, a parked thread runs again on CONT, and
    /// emptying either list of a process without the side object makes none.
    @Test func waitersAndParkedThreadsLiveInTheSideObject() throws {
        let (kernel, lines) = ProgramHarness.kernel(slots: 1)
        try ProgramHarness.load(
            """
            orchestrator sleeper version "1.0.0"
            fn main(args) {
              receive { "go" => {} }
              print("woke")
              return 3
            }
            """, into: kernel)
        let parent = try ProgramHarness.load(
            """
            orchestrator parent version "1.0.0"
            fn main(args) {
              let child = spawn("sleeper", [])
              print("waited", wait(child))
              return 0
            }
            """, into: kernel)
        let pid = try kernel.spawn(parent)
        kernel.run(forMilliseconds: 5)
        let child = try #require(kernel.lock.withLock { kernel.processes.values.first { $0.parent == pid } })
        try kernel.kill(child.pid, .stop)
        try kernel.send(.str("go"), to: .process(child.pid))  // ready, but parked
        kernel.run(forMilliseconds: 5)
        #expect(kernel.lock.withLock { child.rare?.waiters?.count == 1 && child.rare?.stopped?.count == 1 })
        try kernel.kill(child.pid, .cont)
        #expect(try kernel.wait(pid, timeoutMilliseconds: 60_000)?.code == 0)
        #expect(lines.all == ["woke", "waited 3"])
        let idle = try kernel.spawn(Executable(name: "idle") { _ in Runnables.idle() })
        kernel.lock.withLock {
            let process = kernel.processes[idle]
            process?.stopped = nil
            process?.waiters = nil
            #expect(process?.rare == nil)
        }
    }

    @Test func aThreadResultNobodyJoinedIsDroppedAtExit() throws {
        let (kernel, _) = ProgramHarness.kernel()
        let executable = try ProgramHarness.load(
            """
            orchestrator leaves version "1.0.0"
            fn main(args) {
              thread double(21)
              sleep(5)
              receive { {op: "stop"} => return 0 }
            }
            fn double(n) { return n * 2 }
            """, into: kernel)
        let shell = kernel.attachExternalProcess(name: "test")
        let pid = try kernel.spawn(executable, options: SpawnOptions(parent: shell))
        kernel.run(forMilliseconds: 50)
        #expect(kernel.lock.withLock { kernel.processes[pid]?.finishedResults.count } == 1)
        try kernel.send(.record(["op": .str("stop")]), to: .process(pid))
        #expect(try kernel.wait(pid, timeoutMilliseconds: 60_000)?.code == 0)
    }

    @Test func aRestartKeepsItsPolicyCountAndLineage() throws {
        let (kernel, _) = ProgramHarness.kernel()
        let executable = try ProgramHarness.load(
            """
            orchestrator flaky version "1.0.0"
            fn main(args) { receive { {op: "fail"} => return 1 } }
            """, into: kernel)
        let policy = RestartPolicy(mode: .onFailure, maxRestarts: 5, periodSeconds: 60)
        let first = try kernel.spawn(executable, options: SpawnOptions(restart: policy))
        kernel.run(forMilliseconds: 5)
        try kernel.send(.record(["op": .str("fail")]), to: .process(first))
        kernel.run(forMilliseconds: 100)
        let restart = try #require(kernel.events().first { $0.kind == .restart })
        let second = restart.pid
        kernel.lock.withLock {
            let process = kernel.processes[second]
            #expect(process?.restart == policy)
            #expect(process?.restartCount == 1)
            #expect(process?.restartHistory.count == 1)
            #expect(process?.lineage?.restarts == 1)
        }
        #expect(kernel.process(second)?.restarts == 1)
    }
}
