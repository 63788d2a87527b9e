/// Tools in deterministic mode: virtual time stands still while an OS tool runs, so the driver
/// waits for it in real time, and a `tool()` timeout is measured in real time.
extension Kernel {
    /// How long the deterministic driver waits for running OS tools, when asked to pause,
    /// before it hands back to its caller (the shell looks for Ctrl-C): 100 ms of real time.
    static let toolPauseNanoseconds: UInt64 = 100_000_000

    /// Arms the timeout of a `tool()` call (`milliseconds` ≥ 0): a timer on the kernel's clock.
    ///
    /// In deterministic mode the timeout is measured in real time instead, on the machine's
    /// monotonic clock: virtual time stands still while a tool runs (see
    /// ``drive(until:pausing:_:)``), so a virtual timer could not fire before the tool ended,
    /// and the clock used to jump to it at once instead. A tool that never ends is so still
    /// killed after that long, by ``awaitTools(pausing:)``. Lock held.
    func armToolDeadline(_ id: Int, milliseconds: Int) {
        let nanoseconds = min(UInt64(milliseconds), UInt64.max / 4_000_000) * 1_000_000  // no wrap-around
        if configuration.deterministic {
            tools[id]?.realDeadline = (monotonicNanoseconds() &+ nanoseconds, milliseconds)
        } else {
            scheduleTimer(at: now &+ nanoseconds, .toolDeadline(id, milliseconds: milliseconds))
        }
    }

    /// Deterministic mode: waits, in real time, until no OS tool runs; a tool whose `tool()`
    /// timeout passes meanwhile is ended (``expireTool(_:milliseconds:)``: killed, its caller
    /// woken with `timeout`). A tool's end wakes the wait (``finishTool``). With `pausing`,
    /// gives up after ``toolPauseNanoseconds``. Returns whether no tool runs.
    /// Lock held; released while it waits.
    func awaitTools(pausing: Bool) -> Bool {
        let pauseEnd = pausing ? monotonicNanoseconds() &+ Kernel.toolPauseNanoseconds : nil
        while !tools.isEmpty {
            let current = monotonicNanoseconds()
            var wakeAt = pauseEnd ?? .max
            for id in tools.keys.sorted() {  // in order: each wakes its caller
                guard let deadline = tools[id]?.realDeadline else { continue }
                if deadline.nanoseconds <= current {
                    expireTool(id, milliseconds: deadline.milliseconds)
                } else {
                    wakeAt = min(wakeAt, deadline.nanoseconds)
                }
            }
            if let pauseEnd, current >= pauseEnd { return false }
            lock.waitForChange(nanoseconds: wakeAt == .max ? nil : wakeAt - current)
        }
        return true
    }
}
