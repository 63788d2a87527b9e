import Dispatch
import Language
import Testing

@testable import Kernel

/// The lock-free inbox under real concurrency: OS threads push while another drains.
@Suite struct InboxTests {
    /// Holds an inbox for several OS threads (the inbox is its own synchronisation).
    final class Shared: @unchecked Sendable {
        let inbox = Inbox()
        var queue = Mailbox()  // only the draining thread touches it
        var received: [Message] = []  // taken out of `queue` (or handed back) by that thread
    }

    private static func message(_ sender: Int, _ sequence: Int) -> Message {
        Message(from: .process(sender), value: .int(Int64(sequence)))
    }

    /// Four senders push 20,000 messages each while a receiver drains (or takes the first of
    /// each batch with `drainFirst`): every message arrives once, and each sender's arrive in
    /// the order it sent them.
    @Test(arguments: [false, true])
    func manySendersLoseNothingAndKeepEachSendersOrder(handingBackTheFirst: Bool) {
        let shared = Shared()
        let senders = 4
        let perSender = 20_000
        let group = DispatchGroup()
        let done = DispatchSemaphore(value: 0)
        for sender in 0..<senders {
            DispatchQueue.global().async(group: group) {
                for sequence in 0..<perSender {
                    let result = shared.inbox.push(
                        InboxTests.message(sender, sequence), limit: nil, cache: nil)
                    #expect(result == .pushed)
                }
            }
        }
        DispatchQueue.global().async {
            while shared.received.count + shared.queue.count < senders * perSender {
                if !handingBackTheFirst {
                    _ = shared.inbox.drain(into: &shared.queue)
                } else if let first = shared.inbox.drainFirst(into: &shared.queue, cache: nil) {
                    shared.received.append(first)
                    while shared.queue.count > 0 { shared.received.append(shared.queue.take(at: 0)) }
                }
            }
            done.signal()
        }
        group.wait()
        done.wait()
        let leftOver = shared.inbox.drain(into: &shared.queue)
        #expect(leftOver == 0)
        var next = Array(repeating: 0, count: senders)
        var outOfOrder = 0
        for message in shared.received + shared.queue.messages {
            guard case .process(let sender)? = message.from, case .int(let sequence) = message.value else {
                Issue.record("unexpected message \(message)")
                return
            }
            if Int(sequence) != next[sender] { outOfOrder += 1 }
            next[sender] = Int(sequence) + 1
        }
        #expect(outOfOrder == 0)
        #expect(next == Array(repeating: perSender, count: senders))
        let queued = shared.inbox.queued  // taking messages out is the mailbox's part
        #expect(queued == senders * perSender)
    }

    /// Concurrent pushes against a limit of 100: exactly 100 get in, the rest are told `full`.
    @Test func aLimitIsNeverOvershot() {
        let shared = Shared()
        let accepted = SharedCount()
        DispatchQueue.concurrentPerform(iterations: 4) { sender in
            for sequence in 0..<1_000
            where shared.inbox.push(InboxTests.message(sender, sequence), limit: 100, cache: nil) == .pushed {
                accepted.add()
            }
        }
        #expect(accepted.value == 100)
        let queued = shared.inbox.queued
        #expect(queued == 100)
        let drained = shared.inbox.drain(into: &shared.queue)
        #expect(drained == 100)
    }

    /// Closing drops what was pushed and not taken, reports how many, and refuses later pushes.
    @Test func aClosedInboxRefusesAndReportsWhatItDropped() {
        let shared = Shared()
        for sequence in 0..<3 {
            _ = shared.inbox.push(InboxTests.message(1, sequence), limit: nil, cache: nil)
        }
        let dropped = shared.inbox.close()
        #expect(dropped == 3)
        let closed = shared.inbox.isClosed
        #expect(closed)
        let queuedAfter = shared.inbox.queued
        #expect(queuedAfter == 0)
        let late = shared.inbox.push(InboxTests.message(1, 9), limit: nil, cache: nil)
        #expect(late == .closed)
        let drainedAfter = shared.inbox.drain(into: &shared.queue)
        #expect(drainedAfter == 0)
        let droppedAgain = shared.inbox.close()
        #expect(droppedAgain == 0)
    }

    /// `drainFirst` hands back the oldest pushed message and queues the rest in order; the
    /// handed-back one counts as arrived and taken.
    @Test func drainFirstHandsBackTheOldest() {
        let inbox = Inbox()
        var queue = Mailbox()
        #expect(inbox.drainFirst(into: &queue, cache: nil) == nil)
        _ = inbox.push(InboxTests.message(1, 0), limit: nil, cache: nil)
        #expect(inbox.drainFirst(into: &queue, cache: nil)?.value == .int(0))
        #expect(queue.count == 0 && queue.arrivals == 1 && queue.removals == 1)
        for sequence in 1...3 { _ = inbox.push(InboxTests.message(1, sequence), limit: nil, cache: nil) }
        #expect(inbox.drainFirst(into: &queue, cache: nil)?.value == .int(1))
        #expect(queue.messages.map(\.value) == [.int(2), .int(3)])
        #expect(queue.arrivals == 4 && queue.removals == 2)
        _ = inbox.close()
        #expect(inbox.drainFirst(into: &queue, cache: nil) == nil)
    }

    /// Closing while senders push and a receiver drains: every push that succeeded was either
    /// taken before the close or reported dropped by it; none is counted twice or lost.
    @Test func closingWhileSendersPushAccountsForEveryMessage() {
        for _ in 0..<20 {
            let shared = Shared()
            let pushed = SharedCount()
            let dropped = SharedCount()
            let group = DispatchGroup()
            for sender in 0..<3 {
                DispatchQueue.global().async(group: group) {
                    for sequence in 0..<2_000 {
                        switch shared.inbox.push(InboxTests.message(sender, sequence), limit: nil, cache: nil)
                        {
                        case .pushed: pushed.add()
                        case .closed: return
                        case .full: Issue.record("no limit was set")
                        }
                    }
                }
            }
            DispatchQueue.global().async(group: group) {
                while !shared.inbox.isClosed { _ = shared.inbox.drain(into: &shared.queue) }
            }
            DispatchQueue.global().async(group: group) {
                while shared.inbox.queued < 500 {}
                dropped.add(shared.inbox.close())
            }
            group.wait()
            #expect(pushed.value == shared.queue.count + dropped.value)
        }
    }
}

/// A counter several threads add to.
final class SharedCount: @unchecked Sendable {
    private let lock = SpinLock()
    private var total = 0

    func add(_ amount: Int = 1) { lock.withLock { total += amount } }
    var value: Int { lock.withLock { total } }
}
