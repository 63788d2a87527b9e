import Testing

@testable import Kernel

/// The slice history names threads without retaining them per entry: it keeps a retired
/// thread while any of its slices is listed, and lets it go once they have been overwritten.
@Suite struct SliceHistoryTests {
    /// A process that yields `slices - 1` times, then ends.
    private func yielder(_ name: String, slices: Int) -> Executable {
        program(name) {
            var left = slices
            return ClosureRunnable { slice in
                slice.used = 1
                left -= 1
                return left > 0 ? .yielded : .finished(.int(0))
            }
        }
    }

    @Test func keepsEndedThreadsWhileTheirSlicesAreListed() throws {
        let kernel = Kernel(configuration: KernelConfiguration(slots: 1, deterministic: true, seed: 1))
        let short = try kernel.spawn(yielder("short", slices: 3))
        weak let shortThread = kernel.lock.withLock { kernel.threads[short] }
        kernel.runUntilIdle()
        #expect(kernel.lock.withLock { kernel.processes[short] == nil && kernel.threads[short] == nil })
        #expect(shortThread != nil)  // its slices are listed: the history keeps it
        #expect(kernel.recentSlices().filter { $0.tid == short }.map(\.name) == ["short", "short", "short"])

        _ = try kernel.spawn(yielder("long", slices: SliceHistory.capacity + 10))
        kernel.runUntilIdle()
        #expect(kernel.recentSlices().count == SliceHistory.capacity)
        #expect(!kernel.recentSlices().contains { $0.tid == short })
        #expect(shortThread == nil)  // overwritten: let go
    }

    /// A thread retired while its slice runs (its process ends during it, or it returns) is
    /// booked after it was retired; it is still kept while that slice is listed.
    @Test func keepsAThreadRetiredDuringItsLastSlice() throws {
        let kernel = Kernel(configuration: KernelConfiguration(slots: 1, deterministic: true, seed: 1))
        let ender = try kernel.spawn(
            program("ender") {
                Runnables.script([
                    { slice in
                        slice.thread.exit(code: 0, reason: "exit")
                        return .exited
                    }
                ])
            })
        let quick = try kernel.spawn(program("quick") { Runnables.exits() })  // ends in its only slice
        weak let enderThread = kernel.lock.withLock { kernel.threads[ender] }
        weak let quickThread = kernel.lock.withLock { kernel.threads[quick] }
        kernel.runUntilIdle()
        #expect(enderThread != nil && quickThread != nil)
        #expect(kernel.recentSlices().filter { $0.tid == ender }.map(\.name) == ["ender"])
        #expect(kernel.recentSlices().filter { $0.tid == quick }.map(\.name) == ["quick"])
    }
}
