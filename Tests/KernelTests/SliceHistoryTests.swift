import Testing

@testable import Kernel

/// The slice history keeps no thread alive: an ended thread is freed at once, and the
/// history keeps its name while any of its slices is listed.
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

    @Test func showsEndedThreadsByNameWhileTheirSlicesAreListed() throws {
        let kernel = Kernel(configuration: KernelConfiguration(slots: 1, deterministic: true, seed: 1))
        let short = try kernel.spawn(yielder("short", slices: 3))
        weak let shortThread = kernel.lock.withLock { kernel.threads[short] }
        kernel.runUntilIdle()
        #expect(kernel.lock.withLock { kernel.processes[short] == nil && kernel.threads[short] == nil })
        #expect(shortThread == nil)  // ended and reaped: nothing keeps it
        #expect(kernel.recentSlices().filter { $0.tid == short }.map(\.name) == ["short", "short", "short"])
        #expect(kernel.lock.withLock { kernel.sliceHistory.keptNames } == 1)

        _ = try kernel.spawn(yielder("long", slices: SliceHistory.capacity + 10))
        kernel.runUntilIdle()
        #expect(kernel.recentSlices().count == SliceHistory.capacity)
        #expect(!kernel.recentSlices().contains { $0.tid == short })
        // Only long's name is kept now: short's slices are gone, and its name with them.
        #expect(kernel.lock.withLock { kernel.sliceHistory.keptNames } == 1)
    }

    /// A thread that ends while its slice runs (its process ends during it, or it returns)
    /// is booked after it was retired; that slice still shows its name.
    @Test func namesAThreadThatEndedDuringItsLastSlice() throws {
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
        #expect(enderThread == nil && quickThread == nil)
        #expect(kernel.recentSlices().filter { $0.tid == ender }.map(\.name) == ["ender"])
        #expect(kernel.recentSlices().filter { $0.tid == quick }.map(\.name) == ["quick"])
    }

    /// Live threads are named as they are named now; a second thread by its own name.
    @Test func namesLiveThreadsFromTheTables() throws {
        let kernel = Kernel(configuration: KernelConfiguration(slots: 1, deterministic: true, seed: 1))
        let pid = try kernel.spawn(program("host") { Runnables.idle() })
        let tid = try kernel.spawnThread(in: pid, name: "helper", runnable: Runnables.idle())
        kernel.runUntilIdle()
        let slices = kernel.recentSlices()
        #expect(slices.filter { $0.tid == pid }.map(\.name) == ["host"])
        #expect(slices.filter { $0.tid == tid }.map { "\($0.pid) \($0.name)" } == ["\(pid) helper"])
    }

    /// Each slice shows how it ended, a wait other than `receive` or `sleep` with its label,
    /// in the history and in the trace; a label is forgotten with its slice.
    @Test func showsHowEachSliceEnded() throws {
        let kernel = Kernel(configuration: KernelConfiguration(slots: 1, deterministic: true, seed: 1))
        let idle = try kernel.spawn(program("idle") { Runnables.idle() })
        let waiter = try kernel.spawn(
            program("waiter") {
                Runnables.script([
                    { _ in .yielded },
                    { _ in .blocked(.sleep(milliseconds: 1)) },
                    { _ in .blocked(.wait(idle, timeoutMilliseconds: 1)) },
                ])
            })
        let traced = Lines()
        kernel.setTraceHandler { record in
            if record.tid == waiter { traced.append(record.outcome.label) }
        }
        kernel.runUntilIdle()
        let expected = ["yielded", "blocked: sleep", "blocked: wait \(idle)", "finished"]
        #expect(kernel.recentSlices().filter { $0.tid == waiter }.map(\.outcome.label) == expected)
        #expect(traced.all == expected)
        #expect(kernel.recentSlices().filter { $0.tid == idle }.map(\.outcome.label) == ["blocked: receive"])
        #expect(kernel.lock.withLock { kernel.sliceHistory.keptWaitLabels } == 1)

        kernel.setTraceHandler(nil)
        _ = try kernel.spawn(yielder("long", slices: SliceHistory.capacity + 10))
        kernel.runUntilIdle()
        #expect(kernel.lock.withLock { kernel.sliceHistory.keptWaitLabels } == 0)
    }

    /// A wait label and an ended thread's name are kept exactly while their slice is listed:
    /// still shown when it is the oldest, forgotten with the next slice.
    @Test func forgetsLabelsAndNamesWithTheirLastSlice() throws {
        let kernel = Kernel(configuration: KernelConfiguration(slots: 1, deterministic: true, seed: 1))
        let idle = try kernel.spawn(program("idle") { Runnables.idle() })
        let waiter = try kernel.spawn(
            program("waiter") { Runnables.script([{ _ in .blocked(.wait(idle, timeoutMilliseconds: 1)) }]) })
        kernel.runUntilIdle()
        let label = "blocked: wait \(idle)"
        var slices = kernel.recentSlices()
        // The waiter's two slices: the wait, then its last.
        #expect(slices.filter { $0.tid == waiter }.map(\.outcome.label) == [label, "finished"])
        let index = try #require(slices.firstIndex { $0.tid == waiter })
        _ = try kernel.spawn(yielder("filler", slices: SliceHistory.capacity - slices.count + index))
        kernel.runUntilIdle()
        slices = kernel.recentSlices()
        #expect(slices.count == SliceHistory.capacity)
        #expect(slices.first?.outcome.label == label && slices.first?.name == "waiter")
        #expect(kernel.lock.withLock { kernel.sliceHistory.keptWaitLabels } == 1)

        _ = try kernel.spawn(yielder("one", slices: 1))
        kernel.runUntilIdle()
        slices = kernel.recentSlices()
        #expect(!slices.contains { $0.outcome.label == label })
        #expect(kernel.lock.withLock { kernel.sliceHistory.keptWaitLabels } == 0)
        #expect(slices.first?.tid == waiter && slices.first?.name == "waiter")
        #expect(kernel.lock.withLock { kernel.sliceHistory.keptNames } == 3)  // waiter, filler, one

        _ = try kernel.spawn(yielder("two", slices: 1))
        kernel.runUntilIdle()
        #expect(!kernel.recentSlices().contains { $0.tid == waiter })
        #expect(kernel.lock.withLock { kernel.sliceHistory.keptNames } == 3)  // filler, one, two
    }
}
