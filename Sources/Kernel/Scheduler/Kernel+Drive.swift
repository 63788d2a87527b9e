/// The deterministic driver: with one slot and a virtual clock, the kernel runs on the
/// caller's thread, for as long as the caller asks.
extension Kernel {
    /// Deterministic mode: runs slices on the caller's thread until `done` holds or nothing
    /// can happen before `deadline` (virtual nanoseconds); the clock jumps over idle time.
    ///
    /// Each reduction costs 1 µs, and a slice that would run past the deadline gets only the
    /// reductions left until it (``sliceBudget(until:)``), so the clock stops at the deadline
    /// rather than a quantum past it. (Only an instruction that costs several reductions, the
    /// last of its slice, can carry it a few microseconds further.)
    ///
    /// While an OS tool runs, virtual time stands still: no slice runs and no timer fires until
    /// the tool ends (see ``awaitTools(pausing:)``), so that its output and exit come at the
    /// same point of every run. With `pausing`, it waits at most ``toolPauseNanoseconds`` of
    /// real time for them, then returns as if the deadline had come, so that its caller can
    /// look for Ctrl-C and call again.
    ///
    /// Lock held. Returns whether `done` held.
    @discardableResult
    func drive(until deadline: UInt64?, pausing: Bool = false, _ done: () -> Bool) -> Bool {
        while true {
            if done() { return true }
            if let deadline, virtualNow >= deadline { return false }
            if !tools.isEmpty {
                guard awaitTools(pausing: pausing) else { return done() }
                continue
            }
            if let thread = pickNext(at: virtualNow) {
                runSlice(thread, slot: 0, began: virtualNow, budget: sliceBudget(until: deadline))
                continue
            }
            guard let next = timers.nextDeadline, deadline.map({ next <= $0 }) ?? true else {
                if let deadline { virtualNow = max(virtualNow, deadline) }
                return done()
            }
            virtualNow = max(virtualNow, next)
        }
    }

    /// The reductions a deterministic slice may use: the quantum, or fewer when `deadline`
    /// (virtual nanoseconds) is less than a quantum away, at 1 µs a reduction (rounded up, and
    /// at least one: a slice always makes progress). Lock held.
    func sliceBudget(until deadline: UInt64?) -> Int {
        let quantum = configuration.quantum
        guard let deadline, deadline > virtualNow else { return quantum }
        let left = (deadline - virtualNow + 999) / 1000
        return left < UInt64(quantum) ? max(Int(left), 1) : quantum
    }

    /// Lets the kernel run for `milliseconds`: in deterministic mode, runs it until virtual
    /// time has moved that far (as fast as the machine allows); otherwise sleeps.
    ///
    /// In deterministic mode it returns early, the clock short of the time, when an OS tool
    /// has run for ``toolPauseNanoseconds`` of real time (virtual time stands still while it
    /// runs: see ``drive(until:pausing:_:)``), so that the caller can look for Ctrl-C; to let
    /// the whole time pass, call again until ``uptimeNanoseconds`` has moved that far.
    public func run(forMilliseconds milliseconds: Double) {
        let nanoseconds = UInt64(max(0, milliseconds) * 1_000_000)
        lock.withLock {
            if configuration.deterministic {
                drive(until: virtualNow &+ nanoseconds, pausing: true) { false }
            } else {
                let deadline = monotonicNanoseconds() &+ nanoseconds
                while !stopping {
                    let current = monotonicNanoseconds()
                    guard current < deadline else { break }
                    lock.pause(nanoseconds: deadline - current)
                }
            }
        }
    }

    /// Deterministic mode: runs until no thread can run, no timer is pending and no OS tool
    /// runs (or `maxMilliseconds` of virtual time pass). Returns whether the kernel went idle.
    @discardableResult
    public func runUntilIdle(maxMilliseconds: Double = 3_600_000) -> Bool {
        lock.withLock {
            let deadline = virtualNow &+ UInt64(maxMilliseconds * 1_000_000)
            return drive(until: deadline) {
                runQueue.count == 0 && handoff == nil && timers.isEmpty && tools.isEmpty
            }
        }
    }
}
