import Testing

@testable import Kernel

/// Pending timers come out earliest first, and the earliest deadline kept beside the heap
/// follows every insertion and removal.
@Suite struct TimerQueueTests {
    private func pid(of action: TimerAction?) -> PID? {
        if case .escalate(let pid)? = action { return pid }
        return nil
    }

    @Test func theEarliestDeadlineFollowsInsertionsAndRemovals() {
        var timers = TimerQueue()
        #expect(timers.nextDeadline == nil && timers.isEmpty)
        timers.schedule(at: 300, .escalate(3))
        timers.schedule(at: 100, .escalate(1))
        timers.schedule(at: 200, .escalate(2))
        #expect(timers.nextDeadline == 100)
        #expect(timers.popDue(now: 99) == nil)
        #expect(pid(of: timers.popDue(now: 250)) == 1)
        #expect(timers.nextDeadline == 200)
        #expect(pid(of: timers.popDue(now: 250)) == 2)
        #expect(timers.nextDeadline == 300)
        #expect(timers.popDue(now: 250) == nil)
        timers.schedule(at: 50, .escalate(4))  // earlier than what is left
        #expect(timers.nextDeadline == 50)
        #expect(pid(of: timers.popDue(now: 1000)) == 4)
        #expect(pid(of: timers.popDue(now: 1000)) == 3)
        #expect(timers.nextDeadline == nil && timers.isEmpty)
    }

    /// Timers due at the same time fire in the order they were set.
    @Test func equalDeadlinesFireInOrder() {
        var timers = TimerQueue()
        for pid in 1...5 { timers.schedule(at: 10, .escalate(pid)) }
        let fired = (0..<5).compactMap { _ in pid(of: timers.popDue(now: 10)) }
        #expect(fired == [1, 2, 3, 4, 5])
    }

    /// Against a sorted model, over random deadlines and pops.
    @Test func matchesASortedModel() {
        var timers = TimerQueue()
        var model: [(deadline: UInt64, pid: PID)] = []
        var generator = SystemRandomNumberGenerator()
        for step in 0..<2_000 {
            if Bool.random(using: &generator) {
                let deadline = UInt64.random(in: 0..<500, using: &generator)
                timers.schedule(at: deadline, .escalate(step))
                model.append((deadline, step))
                model.sort { ($0.deadline, $0.pid) < ($1.deadline, $1.pid) }
            } else {
                let now = UInt64.random(in: 0..<500, using: &generator)
                let expected = model.first.flatMap { $0.deadline <= now ? $0.pid : nil }
                if expected != nil { model.removeFirst() }
                #expect(pid(of: timers.popDue(now: now)) == expected)
            }
            #expect(timers.nextDeadline == model.first?.deadline)
        }
    }
}
