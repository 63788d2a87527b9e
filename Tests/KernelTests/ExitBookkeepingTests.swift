import Language
import Testing

@testable import Kernel

/// What an exit books, and what a child learns of its parent, whichever way exits interleave.
@Suite struct ExitBookkeepingTests {
    private func executable(_ version: String, exitCode: Int64) -> Executable {
        Executable(name: "job", version: version) { _ in Runnables.exits(exitCode) }
    }

    @Test func outcomesAreBookedPerVersionWhenExitsInterleave() throws {
        let kernel = Kernel(configuration: KernelConfiguration(deterministic: true, seed: 1))
        let first = executable("1.0.0", exitCode: 0)
        let second = executable("2.0.0", exitCode: 3)
        for executable in [first, first, second, first, second, second, first] {
            _ = try kernel.spawn(executable)
            kernel.runUntilIdle()
        }
        #expect(kernel.outcomes(of: "job", version: "1.0.0")?.runs == 4)
        #expect(kernel.outcomes(of: "job", version: "1.0.0")?.failures == 0)
        #expect(kernel.outcomes(of: "job", version: "2.0.0")?.runs == 3)
        #expect(kernel.outcomes(of: "job", version: "2.0.0")?.failures == 3)
    }

    /// Reaping drops processes from the spawn-order list in batches (moving the references
    /// within its buffer): the live ones stay, in PID order, and the reaped ones go.
    @Test func compactingTheSpawnOrderKeepsLiveProcessesInOrder() throws {
        let kernel = Kernel(configuration: KernelConfiguration(deterministic: true, seed: 1))
        let quick = Executable(name: "quick") { _ in Runnables.exits(0) }
        let idle = Executable(name: "idle") { _ in Runnables.idle() }
        var live: [PID] = []
        for index in 0..<3_000 {
            if index % 7 == 3 {
                live.append(try kernel.spawn(idle))
            } else {
                _ = try kernel.spawn(quick)
            }
            if index % 50 == 0 { kernel.runUntilIdle() }
        }
        kernel.runUntilIdle()
        let (order, reapedLeft) = kernel.lock.withLock {
            (kernel.processOrder.map(\.pid), kernel.processOrder.count { $0.isReaped })
        }
        #expect(reapedLeft <= 1_024)  // compacted at least once
        #expect(order == order.sorted())
        let liveInOrder = kernel.lock.withLock { kernel.processOrder.filter { !$0.isReaped }.map(\.pid) }
        #expect(Array(liveInOrder.suffix(live.count)) == live)
        #expect(kernel.lock.withLock { live.allSatisfy { kernel.processes[$0] != nil } })
    }

    @Test func theTableSwitchesRowsAsTheExecutableBookedChanges() {
        var table = OutcomeTable()
        let first = executable("1.0.0", exitCode: 0)
        let reloaded = executable("1.0.0", exitCode: 0)
        let second = executable("2.0.0", exitCode: 0)
        for (executable, failed) in [
            (first, false), (second, true), (second, true), (reloaded, true), (first, false),
        ] {
            table.book(executable, nanoseconds: 1, failed: failed)
        }
        #expect(table["job@1.0.0"] == ProgramOutcomes(runs: 3, failures: 1, totalNanoseconds: 3))
        #expect(table["job@2.0.0"] == ProgramOutcomes(runs: 2, failures: 2, totalNanoseconds: 2))
    }

    /// `parent()` reads its answer without the kernel lock: it names init once the parent
    /// has ended, as it did when it took the lock.
    @Test func parentNamesInitAfterTheParentExits() throws {
        let (kernel, lines) = ProgramHarness.kernel()
        try ProgramHarness.load(
            """
            orchestrator family version "1.0.0"
            fn main(args) {
              if (args[0] ?? "") == "child" {
                print("before \\(parent())")
                sleep(50)
                print("after \\(parent())")
                return 0
              }
              spawn("family", ["child"])
              print("parent \\(self())")
              sleep(10)
              return 0
            }
            """, into: kernel)
        let shell = kernel.attachExternalProcess(name: "test")
        let pid = try kernel.spawn("family", options: SpawnOptions(parent: shell))
        _ = try kernel.wait(pid, timeoutMilliseconds: 60_000)
        kernel.runUntilIdle()
        let parent = Value.pid(Int64(pid)).printString
        let initProcess = Value.pid(Int64(WellKnownPID.initProcess)).printString
        #expect(lines.all == ["parent \(parent)", "before \(parent)", "after \(initProcess)"])
    }
}
