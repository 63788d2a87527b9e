import Testing

@testable import Kernel

/// A thread that a slice's end wakes while nothing else is ready runs next on the same slot,
/// without the run queue (``Kernel/handoff``), as if it were the queue's head.
@Suite struct HandoffTests {
    /// A kernel that no slot runs, and three ready threads of one process.
    private func setUp() -> (Kernel, [KThread]) {
        let kernel = Kernel(configuration: KernelConfiguration(slots: 1, deterministic: false))
        let threads = makeThreads(1000..<1003)
        for thread in threads { thread.state = .ready }
        return (kernel, threads)
    }

    private func picks(_ kernel: Kernel, _ count: Int) -> [TID] {
        (0..<count).compactMap { _ in kernel.pickNext(at: 0)?.tid }
    }

    /// Handed off into an empty queue, a thread comes first; threads queued after it follow.
    @Test func aHandoffIsTheQueuesHead() {
        let (kernel, threads) = setUp()
        kernel.lock.withLock {
            kernel.handingOff = true
            kernel.enqueue(threads[0])
            kernel.enqueue(threads[1])  // one handoff at most: this one is queued
            kernel.handingOff = false
            kernel.enqueue(threads[2])
            #expect(kernel.handoff === threads[0])
            #expect(kernel.runQueue.count == 2)
            #expect(picks(kernel, 4) == [1000, 1001, 1002])
        }
    }

    /// With a thread already queued, a woken thread is queued behind it (no jumping ahead).
    @Test func aThreadAlreadyQueuedRunsFirst() {
        let (kernel, threads) = setUp()
        kernel.lock.withLock {
            kernel.enqueue(threads[1])
            kernel.handingOff = true
            kernel.enqueue(threads[0])
            kernel.handingOff = false
            #expect(kernel.handoff == nil)
            #expect(picks(kernel, 3) == [1001, 1000])
        }
    }

    /// A handed-off thread that stops being ready before the slot picks it is skipped; one
    /// still ready goes back to the queue when the slot does not pick at once.
    @Test func aHandoffIsSkippedOrQueuedBack() {
        let (kernel, threads) = setUp()
        kernel.lock.withLock {
            kernel.handingOff = true
            kernel.enqueue(threads[0])
            kernel.handingOff = false
            threads[0].state = .waiting
            #expect(kernel.pickNext(at: 0) == nil)
            kernel.handingOff = true
            kernel.enqueue(threads[1])
            kernel.handingOff = false
            kernel.queueHandoff()
            #expect(kernel.handoff == nil && kernel.runQueue.count == 1)
            #expect(picks(kernel, 2) == [1001])
        }
    }
}
