import Kernel
import Language
import Testing

@Suite struct ResourceTests {
    @Test func memoryQuotaEndsOnlyTheOffender() throws {
        let kernel = Kernel(configuration: KernelConfiguration(deterministic: true))
        let shell = kernel.attachExternalProcess(name: "dkctl")
        let hog = try kernel.spawn(
            program("hog") {
                ClosureRunnable { slice in
                    slice.used = 1
                    return slice.thread.allocate(4096) ? .yielded : .exited
                }
            }, options: SpawnOptions(memoryBytes: 64 * 1024, parent: shell))
        let neighbour = try kernel.spawn(
            program("neighbour") { Runnables.spinner() }, options: SpawnOptions(parent: shell))
        #expect(try kernel.wait(hog) == ExitStatus(code: 137, reason: "out of memory"))
        kernel.run(forMilliseconds: 5)
        #expect(kernel.process(neighbour)?.state == .ready)
        #expect(kernel.events().contains { $0.kind == .quota && $0.pid == hog })
    }

    @Test func restartOnFailureGivesUpAfterMaxRestarts() throws {
        let kernel = Kernel(configuration: KernelConfiguration(deterministic: true))
        let policy = RestartPolicy(mode: .onFailure, maxRestarts: 3, periodSeconds: 60)
        _ = try kernel.spawn(program("flaky") { Runnables.exits(1) }, options: SpawnOptions(restart: policy))
        kernel.runUntilIdle()
        let events = kernel.events()
        #expect(events.filter { $0.kind == .restart }.map(\.peer) == [1, 2, 3])
        #expect(events.contains { $0.kind == .giveUp })
        #expect(kernel.stats().restarts == 3)
        #expect(kernel.processList().count == 1, "only init is left")
    }

    @Test func restartOnFailureIgnoresCleanExit() throws {
        let kernel = Kernel(configuration: KernelConfiguration(deterministic: true))
        _ = try kernel.spawn(
            program("fine") { Runnables.exits(0) },
            options: SpawnOptions(restart: RestartPolicy(mode: .onFailure)))
        kernel.runUntilIdle()
        #expect(kernel.stats().restarts == 0)
    }

    @Test func restartedProcessShowsItsCount() throws {
        let kernel = Kernel(configuration: KernelConfiguration(deterministic: true))
        let runs = Box<Int>(0)
        _ = try kernel.spawn(
            program("twice") {
                runs.value = (runs.value ?? 0) + 1
                return (runs.value ?? 0) < 2 ? Runnables.exits(9) : Runnables.idle()
            }, options: SpawnOptions(restart: RestartPolicy(mode: .always)))
        kernel.runUntilIdle()
        let restarted = try #require(kernel.processList().first { $0.name == "twice" })
        #expect(restarted.restarts == 1)
        #expect(restarted.ppid == 1)
    }
}
