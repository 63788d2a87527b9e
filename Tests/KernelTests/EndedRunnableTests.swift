import Language
import Testing
import VM

@testable import Kernel

/// A thread's runnable is told when the thread has ended and left its slot, so that it frees
/// what it holds then, not when the thread object goes (the slice history keeps that).
@Suite struct EndedRunnableTests {
    /// Waits for mail forever; counts its `end()` calls (read once the kernel is idle).
    private final class Parked: Runnable, @unchecked Sendable {
        private(set) var ended = 0
        func run(_ slice: inout Slice) -> RunOutcome {
            slice.used = 1
            return .blocked(.receive(timeoutMilliseconds: nil))
        }
        func end() { ended += 1 }
    }

    /// A killed process ends each of its threads once: a lone thread (which the exit borrows
    /// from the process's list rather than retaining) and every thread of several.
    @Test func killingAProcessEndsEachOfItsThreadsOnce() throws {
        let kernel = Kernel(configuration: KernelConfiguration(deterministic: true, seed: 1))
        for threadCount in [1, 3] {
            let runnables = (0..<threadCount).map { _ in Parked() }
            let main = runnables[0]
            let pid = try kernel.spawn(Executable(name: "parked") { _ in main })
            for (index, runnable) in runnables.enumerated().dropFirst() {
                _ = try kernel.spawnThread(in: pid, name: "extra \(index)", runnable: runnable)
            }
            kernel.runUntilIdle()
            try kernel.kill(pid, .kill)
            kernel.runUntilIdle()
            #expect(runnables.map(\.ended) == Array(repeating: 1, count: threadCount))
            #expect(kernel.lock.withLock { kernel.processes[pid] == nil })
        }
    }

    @Test func anEndedProgramThreadFreesItsRegistersAtOnce() throws {
        let (kernel, _) = ProgramHarness.kernel()
        let executable = try ProgramHarness.load(
            """
            orchestrator holder version "1.0.0"
            fn main(args) {
              let kept = [args, "a list in a register"]
              return 0
            }
            """, into: kernel)
        let pid = try kernel.spawn(executable)
        let vm = try #require(kernel.lock.withLock { kernel.threads[pid]?.runnable as? VMThread })
        kernel.runUntilIdle()
        #expect(kernel.lock.withLock { kernel.threads[pid] == nil })
        #expect(kernel.recentSlices().contains { $0.tid == pid })  // the history still names it
        #expect(vm.callDepth == 0 && vm.heapBytes == 0)  // its registers are gone already
    }
}
