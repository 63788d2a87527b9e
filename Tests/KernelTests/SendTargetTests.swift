import Language
import Testing

@testable import Kernel

/// The receiver a thread sent to last, which it keeps for sends without the lock.
@Suite struct SendTargetTests {
    /// The sender keeps its last receiver while it runs (the second send takes no lock) and
    /// lets it go when it finishes, though its thread object lives on.
    @Test func aFinishedSenderLetsItsLastReceiverGo() throws {
        let kernel = Kernel(configuration: KernelConfiguration(slots: 1, deterministic: true, seed: 1))
        let receiver = try kernel.spawn(program("receiver") { Runnables.idle() })
        let before = kernel.stats().sendsLocked
        let sender = try kernel.spawn(
            program("sender") {
                Runnables.script([
                    { slice in
                        _ = slice.thread.trySend(.int(1), to: .process(receiver))
                        _ = slice.thread.trySend(.int(2), to: .process(receiver))  // the cached path
                        return .yielded
                    }
                ])
            })
        let senderThread = try #require(kernel.lock.withLock { kernel.threads[sender] })
        kernel.runUntilIdle()
        #expect(kernel.stats().sendsLocked - before == 1)
        #expect(senderThread.isFinished)
        #expect(senderThread.sendTarget == nil)
    }

    /// A sender whose process ends during its own slice (it calls `exit`) lets its last
    /// receiver go when the slice ends.
    @Test func aSenderEndedMidSliceLetsItsLastReceiverGo() throws {
        let kernel = Kernel(configuration: KernelConfiguration(slots: 1, deterministic: true, seed: 1))
        let receiver = try kernel.spawn(program("receiver") { Runnables.idle() })
        let sender = try kernel.spawn(
            program("sender") {
                Runnables.script([
                    { slice in
                        _ = slice.thread.trySend(.int(1), to: .process(receiver))
                        slice.thread.exit(code: 3, reason: "exit(3)")
                        return .exited
                    }
                ])
            })
        let senderThread = try #require(kernel.lock.withLock { kernel.threads[sender] })
        kernel.runUntilIdle()
        #expect(senderThread.isFinished)
        #expect(senderThread.sendTarget == nil)
    }
}
