import Kernel
import Language
import Testing

@Suite struct DeterminismTests {
    /// A small world: ten processes that sleep random times, message each other and exit.
    private func eventTrace(seed: UInt64) throws -> [String] {
        let kernel = Kernel(configuration: KernelConfiguration(deterministic: true, seed: seed))
        let pids = Box<[PID]>([])
        for index in 0..<10 {
            let pid = try kernel.spawn(
                program("p\(index)") {
                    var rounds = 0
                    return ClosureRunnable { slice in
                        slice.used = Int(slice.thread.random() % 500) + 1
                        rounds += 1
                        if rounds > 5 { return .finished(.int(Int64(rounds))) }
                        let peers = pids.value ?? []
                        if !peers.isEmpty {
                            let peer = peers[Int(slice.thread.random() % UInt64(peers.count))]
                            _ = slice.thread.trySend(.int(Int64(rounds)), to: .process(peer))
                        }
                        _ = slice.thread.takeMessage()
                        return .blocked(.sleep(milliseconds: Int(slice.thread.random() % 20)))
                    }
                })
            pids.value?.append(pid)
        }
        kernel.runUntilIdle()
        return kernel.events().map(\.description)
    }

    @Test func sameSeedSameEvents() throws {
        let first = try eventTrace(seed: 42)
        #expect(first.count > 30)
        #expect(try eventTrace(seed: 42) == first)
    }

    @Test func otherSeedOtherEvents() throws {
        #expect(try eventTrace(seed: 42) != eventTrace(seed: 43))
    }
}

@Suite struct ScaleTests {
    /// 100,000 processes spawned on two slots, each exiting at once; init reaps them all and
    /// nothing is left behind.
    @Test func hundredThousandProcessesLeaveNothingBehind() throws {
        let kernel = Kernel(configuration: KernelConfiguration(slots: 2, eventCapacity: 1000))
        kernel.start()
        defer { kernel.shutdown() }
        let exiting = Executable(name: "blip") { _ in Runnables.exits(0) }
        for _ in 0..<100_000 { _ = try kernel.spawn(exiting) }
        var stats = kernel.stats()
        for _ in 0..<600 where stats.reaped < 100_000 {
            kernel.run(forMilliseconds: 50)
            stats = kernel.stats()
        }
        #expect(stats.spawned == 100_000)
        #expect(stats.reaped == 100_000)
        #expect(stats.processes == 1, "only init")
        #expect(stats.threads == 0)
        #expect(stats.runQueueLength == 0)
        #expect(kernel.processList().map(\.pid) == [1])
    }

    /// Processes that spawn children and exit, from several slots at once, while the test
    /// reads the table: the tree stays consistent and ends empty.
    @Test func concurrentSpawnTreesDrain() throws {
        let kernel = Kernel(configuration: KernelConfiguration(slots: 2, eventCapacity: 1000))
        kernel.start()
        defer { kernel.shutdown() }
        let leaf = Executable(name: "leaf") { _ in Runnables.exits(0) }
        let branch = Executable(name: "branch") { _ in
            Runnables.script([
                { slice in
                    for _ in 0..<10 {
                        _ = try? slice.thread.spawn(leaf, arguments: [], options: SpawnOptions())
                    }
                    return .yielded
                }
            ])
        }
        for _ in 0..<1000 { _ = try kernel.spawn(branch) }
        for _ in 0..<400 where kernel.stats().reaped < 11_000 {
            for row in kernel.processList() where row.pid != 1 {
                #expect(row.ppid >= 1)
            }
            kernel.run(forMilliseconds: 10)
        }
        #expect(kernel.stats().reaped == 11_000)
        #expect(kernel.processList().count == 1)
    }
}
