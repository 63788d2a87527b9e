import Language
import Testing
import VM

@testable import Kernel

/// A thread's runnable is told when the thread has ended and left its slot, so that it frees
/// what it holds then, not when the thread object goes (the slice history keeps that).
@Suite struct EndedRunnableTests {
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
