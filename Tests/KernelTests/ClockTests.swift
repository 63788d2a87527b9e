import Foundation
import Kernel
import Language
import Testing

/// The kernel reads the clock once per slice and stamps messages, events and waits with the
/// latest reading (`recentNow`): stamps must still never go backwards, and waits must still
/// be timed.
@Suite struct ClockTests {
    /// Receives `count` messages, forwarding each to `next` (if any), then waits forever.
    private func relay(count: Int, next: @escaping @Sendable () -> PID?) -> Executable {
        Executable(name: "relay") { _ in
            var received = 0
            return ClosureRunnable { slice in
                slice.used = 1
                while received < count, let message = slice.thread.takeMessage() {
                    received += 1
                    if let target = next() { _ = slice.thread.trySend(message.value, to: .process(target)) }
                }
                return .blocked(.receive(timeoutMilliseconds: nil))
            }
        }
    }

    @Test func eventTimesNeverGoBackwardsAcrossSlots() throws {
        let kernel = Kernel(configuration: KernelConfiguration(slots: 2, eventCapacity: 200_000))
        kernel.start()
        defer { kernel.shutdown() }
        let pids = PIDBox()
        for index in 0..<20 {
            pids.append(
                try kernel.spawn(
                    relay(count: 2000) { pids.at(index + 1) }, options: SpawnOptions(mailboxLimit: 4000)))
        }
        for round in 0..<2000 { try kernel.send(.int(Int64(round)), to: .process(pids.at(0)!)) }
        let deadline = Date().addingTimeInterval(10)
        while kernel.stats().messagesReceived < 20 * 2000, Date() < deadline {
            Thread.sleep(forTimeInterval: 0.005)
        }
        #expect(kernel.stats().messagesReceived == 20 * 2000)
        let times = kernel.events().map(\.time)
        #expect(times.count > 75_000)  // 40,000 receives, 38,000 sends between relays, the spawns
        #expect(times == times.sorted())
    }

    @Test func aWaitWokenFromOutsideIsTimed() throws {
        let kernel = Kernel(configuration: KernelConfiguration(slots: 2))
        kernel.start()
        defer { kernel.shutdown() }
        let pid = try kernel.spawn(relay(count: 1) { nil })
        Thread.sleep(forTimeInterval: 0.03)
        try kernel.send(.str("wake"), to: .process(pid))
        let deadline = Date().addingTimeInterval(5)
        while kernel.stats().messagesReceived < 1, Date() < deadline { Thread.sleep(forTimeInterval: 0.002) }
        let waited = try kernel.threadList(of: pid).first?.waitNanoseconds ?? 0
        #expect(waited >= 20_000_000)
        #expect(waited < 5_000_000_000)
    }
}

/// PIDs filled in while the relays that read them are already running.
final class PIDBox: @unchecked Sendable {  // guarded by `lock`
    private let lock = NSLock()
    private var pids: [PID] = []
    func append(_ pid: PID) { lock.withLock { pids.append(pid) } }
    func at(_ index: Int) -> PID? { lock.withLock { index < pids.count ? pids[index] : nil } }
}
