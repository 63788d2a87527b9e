import Kernel
import Language
import Testing

@Suite struct ProcessLifecycleTests {
    private func deterministicKernel(_ configure: (inout KernelConfiguration) -> Void = { _ in }) -> Kernel {
        var configuration = KernelConfiguration(deterministic: true, seed: 1)
        configure(&configuration)
        return Kernel(configuration: configuration)
    }

    /// Real concurrency: an outside `wait` is woken by the exit it waits for, not by its
    /// timeout (exits wake only outside callers waiting for that process), while other
    /// processes come and go.
    @Test func outsideWaitWakesAtTheExit() throws {
        let kernel = Kernel(configuration: KernelConfiguration(slots: 2))
        kernel.start()
        defer { kernel.shutdown() }
        let sleeper = try kernel.spawn(
            program("sleeper") {
                Runnables.script([{ _ in .blocked(.sleep(milliseconds: 20)) }, { _ in .finished(.int(4)) }])
            })
        for _ in 0..<100 { _ = try kernel.spawn(program("blip") { Runnables.exits() }) }
        let started = ContinuousClock.now
        let status = try kernel.wait(sleeper, timeoutMilliseconds: 20_000)
        #expect(status?.code == 4)
        #expect(ContinuousClock.now - started < .seconds(10), "woken by the exit, not the timeout")
    }

    @Test func initIsPIDOne() {
        let kernel = deterministicKernel()
        let list = kernel.processList()
        #expect(list.map(\.pid) == [1])
        #expect(list.first?.name == "init")
    }

    @Test func exitCodeComesFromMain() throws {
        let kernel = deterministicKernel()
        let shell = kernel.attachExternalProcess(name: "dkctl")
        let pid = try kernel.spawn(
            program("seven") { Runnables.exits(7) }, options: SpawnOptions(parent: shell))
        #expect(kernel.process(pid)?.state == .ready)
        let status = try kernel.wait(pid)
        #expect(status == ExitStatus(code: 7, reason: "normal"))
        #expect(kernel.process(pid) == nil, "waiting reaps the zombie")
        #expect(throws: KernelError.noSuchProcess(pid)) { try kernel.wait(pid) }
    }

    @Test func exitedChildStaysAZombieUntilWaited() throws {
        let kernel = deterministicKernel()
        let shell = kernel.attachExternalProcess(name: "dkctl")
        let pid = try kernel.spawn(
            program("one") { Runnables.exits(1) }, options: SpawnOptions(parent: shell))
        kernel.runUntilIdle()
        let zombie = try #require(kernel.process(pid))
        #expect(zombie.state == .exited)
        #expect(zombie.exitCode == 1)
        #expect(try kernel.wait(pid)?.code == 1)
    }

    @Test func runtimeFailureExitsSeventy() throws {
        let kernel = deterministicKernel()
        let pid = try kernel.spawn(
            program("bad") { ClosureRunnable { _ in .failed("bad.orch:3: division by zero") } },
            options: SpawnOptions(parent: kernel.attachExternalProcess(name: "dkctl")))
        let status = try kernel.wait(pid)
        #expect(status == ExitStatus(code: 70, reason: "bad.orch:3: division by zero"))
    }

    @Test func orphansAreAdoptedByInitAndReaped() throws {
        let kernel = deterministicKernel()
        let shell = kernel.attachExternalProcess(name: "dkctl")
        let childPID = Box<PID>()
        let parent = try kernel.spawn(
            program("parent") {
                Runnables.script([
                    { slice in
                        childPID.value = try? slice.thread.spawn(
                            program("child") { Runnables.idle() }, arguments: [], options: SpawnOptions())
                        return .yielded
                    },
                    { _ in .finished(.int(0)) },
                ])
            }, options: SpawnOptions(parent: shell))
        #expect(try kernel.wait(parent)?.code == 0)
        let child = try #require(childPID.value)
        #expect(kernel.process(child)?.ppid == 1, "the orphan's new parent is init")
        try kernel.kill(child, .kill)
        kernel.runUntilIdle()
        #expect(kernel.process(child) == nil, "init reaps it")
    }

    @Test func waitTimesOut() throws {
        let kernel = deterministicKernel()
        let pid = try kernel.spawn(program("idle") { Runnables.idle() })
        #expect(try kernel.wait(pid, timeoutMilliseconds: 50) == nil)
        #expect(kernel.uptimeNanoseconds >= 50_000_000)
        #expect(kernel.process(pid)?.state == .waiting)
        #expect(kernel.process(pid)?.wait == "receive")
    }

    @Test func unknownIDsAreErrors() {
        let kernel = deterministicKernel()
        #expect(throws: KernelError.noSuchID(999)) { try kernel.kill(999, .term) }
        #expect(throws: KernelError.noSuchProcess(999)) { try kernel.wait(999) }
        #expect(throws: KernelError.self) { try kernel.kill(1, .kill) }
    }

    @Test func processLimitRefusesSpawn() throws {
        let kernel = deterministicKernel { $0.maxProcesses = 3 }
        _ = try kernel.spawn(program("a") { Runnables.idle() })
        _ = try kernel.spawn(program("b") { Runnables.idle() })
        #expect(throws: KernelError.processLimit(3)) { try kernel.spawn(program("c") { Runnables.idle() }) }
        #expect(kernel.processList().count == 3)
    }

    @Test func threadsJoinAndLimit() throws {
        let kernel = deterministicKernel { $0.limits.maxThreads = 2 }
        let joined = Box<Value>()
        let refused = Box<KernelError>()
        let pid = try kernel.spawn(
            program("threads") {
                var worker: TID = 0
                return Runnables.script([
                    { slice in
                        worker =
                            (try? slice.thread.spawnThread(name: "w", runnable: Runnables.exits(42))) ?? 0
                        do {
                            _ = try slice.thread.spawnThread(name: "x", runnable: Runnables.exits(1))
                        } catch let error as KernelError { refused.value = error } catch {}
                        return .blocked(.join([worker], timeoutMilliseconds: nil))
                    },
                    { slice in
                        if case .value(let value) = slice.wake { joined.value = value }
                        return .finished(.int(0))
                    },
                ])
            }, options: SpawnOptions(parent: kernel.attachExternalProcess(name: "dkctl")))
        #expect(try kernel.wait(pid)?.code == 0)
        #expect(joined.value == .list([.int(42)]))
        #expect(refused.value == .threadLimit(pid: pid, limit: 2))
    }
}

/// A mutable cell a test's closures can share (deterministic mode runs them on the test's thread).
final class Box<T>: @unchecked Sendable {
    var value: T?
    init(_ value: T? = nil) { self.value = value }
}
