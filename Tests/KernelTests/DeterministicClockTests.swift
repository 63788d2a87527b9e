import Kernel
import Testing

/// The virtual clock of deterministic mode: each reduction costs 1 µs, and running the kernel
/// for a while moves the clock exactly that far, also when a busy thread's quantum would run
/// past the end.
@Suite struct DeterministicClockTests {
    /// A kernel with one spinning process (the default quantum: 2000 reductions, 2 ms).
    private func busyKernel() throws -> Kernel {
        let kernel = Kernel(configuration: KernelConfiguration(deterministic: true, seed: 1))
        _ = try kernel.spawn(program("busy", Runnables.spinner))
        return kernel
    }

    @Test func runStopsAtTheDeadlineInsideAQuantum() throws {
        let kernel = try busyKernel()
        kernel.run(forMilliseconds: 5)  // two whole quanta, then 1000 reductions of a third
        #expect(kernel.uptimeNanoseconds == 5_000_000)
        #expect(kernel.stats().reductions == 5000)
        kernel.run(forMilliseconds: 1)
        #expect(kernel.uptimeNanoseconds == 6_000_000)
    }

    @Test func aDeadlineShorterThanAReductionStillMakesProgress() throws {
        let kernel = try busyKernel()
        kernel.run(forMilliseconds: 0.0005)  // 500 ns: one reduction, rounded up
        #expect(kernel.uptimeNanoseconds == 1000)
        #expect(kernel.stats().reductions == 1)
    }

    @Test func waitingOnAProcessThatNeverEndsStopsAtTheTimeout() throws {
        let kernel = try busyKernel()
        let shell = kernel.attachExternalProcess(name: "test")
        let pid = try kernel.spawn(program("busy", Runnables.spinner), options: SpawnOptions(parent: shell))
        #expect(try kernel.wait(pid, timeoutMilliseconds: 3) == nil)
        #expect(kernel.uptimeNanoseconds == 3_000_000)
    }

    @Test func idleTimeIsJumpedToTheDeadline() {
        let kernel = Kernel(configuration: KernelConfiguration(deterministic: true, seed: 1))
        kernel.run(forMilliseconds: 14)
        #expect(kernel.uptimeNanoseconds == 14_000_000)
    }
}
