import Foundation
import Kernel
import Language
import Synchronization
import Testing

@Suite struct SchedulerTests {
    private func kernel(_ policy: SchedulingPolicy, quantum: Int = 100) -> Kernel {
        Kernel(configuration: KernelConfiguration(policy: policy, quantum: quantum, deterministic: true))
    }

    /// Spawns spinners with the given nice values, runs `ms` of virtual time, and returns each
    /// one's reductions.
    private func shares(_ kernel: Kernel, nices: [Int], milliseconds: Double = 200) throws -> [UInt64] {
        let pids = try nices.map { nice in
            try kernel.spawn(program("spin") { Runnables.spinner() }, options: SpawnOptions(nice: nice))
        }
        kernel.run(forMilliseconds: milliseconds)
        return pids.map { kernel.process($0)?.reductions ?? 0 }
    }

    @Test(arguments: SchedulingPolicy.allCases)
    func spinnerCannotStarveOthers(policy: SchedulingPolicy) throws {
        let kernel = kernel(policy)
        let spinner = try kernel.spawn(program("spin") { Runnables.spinner() })
        let counter = Box<Int>(0)
        let worker = try kernel.spawn(
            program("worker") {
                ClosureRunnable { slice in
                    slice.used = 10
                    counter.value = (counter.value ?? 0) + 1
                    return counter.value == 100 ? .finished(.int(0)) : .yielded
                }
            })
        kernel.run(forMilliseconds: 100)
        #expect(kernel.process(worker) == nil, "the worker finished (init reaped it)")
        #expect(counter.value == 100)
        #expect((kernel.process(spinner)?.reductions ?? 0) > 0)
    }

    @Test func roundRobinSharesEqually() throws {
        let reductions = try shares(kernel(.rr), nices: [0, 10, -5])
        let total = reductions.reduce(0, +)
        for value in reductions {
            #expect(abs(Double(value) / Double(total) - 1.0 / 3.0) < 0.02)
        }
    }

    /// `fair` promises shares proportional to weight (nice 0: 1024, nice 5: 335): within 5 %.
    @Test func fairGivesWeightedShares() throws {
        let reductions = try shares(kernel(.fair), nices: [0, 5, 0])
        let total = Double(reductions.reduce(0, +))
        let weights = [1024.0, 335.0, 1024.0]
        let weightTotal = weights.reduce(0, +)
        for (value, weight) in zip(reductions, weights) {
            let expected = weight / weightTotal
            #expect(abs(Double(value) / total - expected) / expected < 0.05, "\(reductions)")
        }
    }

    /// `priority` runs the lower nice first, but with aging (one level per 4 picks) a thread
    /// `d` levels worse still gets about one slice in 4·d + 1.
    @Test func priorityFavoursLowNiceWithoutStarving() throws {
        let reductions = try shares(kernel(.priority), nices: [0, 10])
        let share = Double(reductions[1]) / Double(reductions.reduce(0, +))
        #expect(reductions[0] > reductions[1] * 20)
        #expect(share > 1.0 / 60 && share < 1.0 / 30, "\(reductions)")
    }

    @Test func policySwitchKeepsEveryThread() throws {
        let kernel = kernel(.rr)
        let pids = try (0..<5).map { _ in try kernel.spawn(program("spin") { Runnables.spinner() }) }
        kernel.run(forMilliseconds: 10)
        kernel.setPolicy(.fair)
        kernel.run(forMilliseconds: 10)
        kernel.setPolicy(.priority)
        let before = pids.map { kernel.process($0)?.reductions ?? 0 }
        kernel.run(forMilliseconds: 10)
        let after = pids.map { kernel.process($0)?.reductions ?? 0 }
        #expect(zip(before, after).allSatisfy { $1 > $0 }, "every spinner still runs")
        #expect(kernel.policy == .priority)
        #expect(kernel.events().contains { $0.kind == .policy && $0.detail == "fair" })
    }

    /// Real concurrency: 2 slots, 4 busy threads in a process capped at 1 slot; the threads
    /// themselves count how many of them run at once.
    @Test func parallelCapLimitsRunningThreads() throws {
        let kernel = Kernel(configuration: KernelConfiguration(slots: 2, quantum: 50))
        let gauge = ConcurrencyGauge()
        let busy: @Sendable () -> Runnable = {
            ClosureRunnable { slice in
                gauge.enter()
                var spin = 0
                for step in 0..<2000 { spin &+= step }  // keep the slot a little while
                gauge.leave()
                slice.used = slice.budget
                return spin == 0 ? .finished(.int(0)) : .yielded
            }
        }
        let pid = try kernel.spawn(
            program("capped") {
                Runnables.script([
                    { slice in
                        for _ in 0..<3 { _ = try? slice.thread.spawnThread(name: "busy", runnable: busy()) }
                        return .blocked(.sleep(milliseconds: 1000))
                    }
                ])
            }, options: SpawnOptions(parallel: 1))
        kernel.start()
        defer { kernel.shutdown() }
        kernel.run(forMilliseconds: 200)
        #expect(gauge.maximum == 1)
        #expect(gauge.entries > 100)
        #expect(kernel.process(pid)?.threads == 4)
    }

    /// Real concurrency: threads whose slices last long (0.1 ms of computing each) run on both
    /// slots at once; a second slot is woken for them.
    @Test func longSlicesUseEverySlot() throws {
        let kernel = Kernel(configuration: KernelConfiguration(slots: 2))
        let gauge = ConcurrencyGauge()
        let busy = program("busy") {
            ClosureRunnable { slice in
                gauge.enter()
                let until = Date().addingTimeInterval(0.000_1)
                while Date() < until {}
                gauge.leave()
                slice.used = slice.budget
                return .yielded
            }
        }
        let pids = try (0..<4).map { _ in try kernel.spawn(busy) }
        kernel.start()
        defer { kernel.shutdown() }
        for _ in 0..<100 where gauge.maximum < 2 { kernel.run(forMilliseconds: 20) }
        #expect(gauge.maximum == 2, "two slots ran the busy threads at once")
        for pid in pids { try kernel.kill(pid, .kill) }
    }

    /// Real concurrency: short-lived children of a spawner (slices far under a microsecond,
    /// which keep a second slot asleep) all run and are reaped, on two slots, from the kernel
    /// and from outside at once: no ready thread is left queued with no slot to run it.
    @Test func shortSlicesLeaveNothingQueued() throws {
        let kernel = Kernel(configuration: KernelConfiguration(slots: 2))
        let blip = program("blip") { ClosureRunnable { _ in .finished(.int(0)) } }
        let spawner = program("spawner") {
            var spawned = 0
            return ClosureRunnable { slice in
                for _ in 0..<16 { _ = try? slice.thread.spawn(blip, arguments: [], options: SpawnOptions()) }
                spawned += 16
                return spawned < 2_000 ? .yielded : .finished(.int(0))
            }
        }
        kernel.start()
        defer { kernel.shutdown() }
        _ = try kernel.spawn(spawner)
        for _ in 0..<2_000 { _ = try kernel.spawn(blip) }
        var reaped: UInt64 = 0
        for _ in 0..<500 where reaped < 4_001 {
            kernel.run(forMilliseconds: 10)
            reaped = kernel.stats(scanningProcesses: false).reaped
        }
        #expect(reaped == 4_001, "the spawner and its 2,000 children, and 2,000 spawned from outside")
    }

    /// Real concurrency: after many short slices (which keep a second slot asleep), one slot
    /// gets stuck in a slice of half a second; a thread made ready meanwhile still runs, on
    /// the other slot, before that slice ends.
    @Test func workQueuedBehindOneLongSliceRuns() throws {
        let kernel = Kernel(configuration: KernelConfiguration(slots: 2))
        let hogDone = Atomic<Bool>(false)
        let ranBeforeHogEnded = Atomic<Int>(-1)
        let slices = Atomic<Int>(0)
        let hog = program("hog") {
            ClosureRunnable { _ in
                let count = slices.add(1, ordering: .sequentiallyConsistent).newValue
                guard count > 2_000 else { return .yielded }  // short slices first
                let until = Date().addingTimeInterval(0.5)
                while Date() < until {}
                hogDone.store(true, ordering: .sequentiallyConsistent)
                return .finished(.int(0))
            }
        }
        let quick = program("quick") {
            ClosureRunnable { _ in
                ranBeforeHogEnded.store(
                    hogDone.load(ordering: .sequentiallyConsistent) ? 0 : 1, ordering: .sequentiallyConsistent
                )
                return .finished(.int(0))
            }
        }
        kernel.start()
        defer { kernel.shutdown() }
        _ = try kernel.spawn(hog)
        while slices.load(ordering: .sequentiallyConsistent) <= 2_000 { kernel.run(forMilliseconds: 1) }
        kernel.run(forMilliseconds: 20)  // well into the long slice
        _ = try kernel.spawn(quick)
        for _ in 0..<200 where ranBeforeHogEnded.load(ordering: .sequentiallyConsistent) < 0 {
            kernel.run(forMilliseconds: 10)
        }
        #expect(
            ranBeforeHogEnded.load(ordering: .sequentiallyConsistent) == 1,
            "quick ran while the hog's slice went on")
    }

    /// Real concurrency: idle slots sleep until the earliest timer, and a timer that comes
    /// due sooner than that one still fires on time (a 20 ms sleep armed while both slots
    /// sleep towards a 5 s one ends in about 20 ms).
    @Test func anEarlierTimerFiresOnTime() throws {
        let kernel = Kernel(configuration: KernelConfiguration(slots: 2))
        kernel.start()
        defer { kernel.shutdown() }
        let sleeper = { (milliseconds: Int) in
            program("sleep") {
                Runnables.script([
                    { _ in .blocked(.sleep(milliseconds: milliseconds)) }, { _ in .finished(.int(0)) },
                ])
            }
        }
        let long = try kernel.spawn(sleeper(5_000))
        while kernel.process(long)?.wait != "sleep" { kernel.run(forMilliseconds: 1) }
        kernel.run(forMilliseconds: 20)  // both slots asleep until the 5 s deadline
        let started = ContinuousClock.now
        let short = try kernel.spawn(sleeper(20))
        #expect(try kernel.wait(short, timeoutMilliseconds: 10_000)?.code == 0)
        #expect(ContinuousClock.now - started < .seconds(2), "the short sleep ended on time")
        try kernel.kill(long, .kill)
    }
}

/// Counts how many callers are between enter() and leave() at once.
final class ConcurrencyGauge: Sendable {
    private let current = Atomic<Int>(0)
    private let peak = Atomic<Int>(0)
    private let total = Atomic<Int>(0)

    func enter() {
        let now = current.add(1, ordering: .sequentiallyConsistent).newValue
        total.add(1, ordering: .relaxed)
        var seen = peak.load(ordering: .relaxed)
        while now > seen {
            let (exchanged, original) = peak.compareExchange(
                expected: seen, desired: now, ordering: .sequentiallyConsistent)
            if exchanged { break }
            seen = original
        }
    }

    func leave() { current.subtract(1, ordering: .sequentiallyConsistent) }
    var maximum: Int { peak.load(ordering: .sequentiallyConsistent) }
    var entries: Int { total.load(ordering: .relaxed) }
}
