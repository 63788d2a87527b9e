#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
extension Kernel {
    /// Processes copied per lock hold: `ps` over 100,000 processes lets the slots run in between.
    static let snapshotChunk = 4096

    /// Every process, sorted by PID. Copied a chunk at a time, so a large table does not
    /// stop the kernel for long (a process may end between chunks: it is then left out).
    public func processList() -> [ProcessSnapshot] {
        var rows: [ProcessSnapshot] = []
        forEachChunkOfProcesses { order, chunk in
            if rows.isEmpty { rows.reserveCapacity(order.count) }
            for index in chunk where !order[index].isReaped { rows.append(snapshot(of: order[index])) }
        }
        return rows
    }

    /// Calls `visit` with chunks of ``processOrder`` in PID order (a chunk is a range of
    /// indices, reaped processes included), taking the lock once per ``snapshotChunk``
    /// processes, so the slots run in between. `order` is a local copy of ``processOrder``:
    /// it keeps every process alive, so reading one retains nothing (an atomic retain per
    /// process would serialise the cache misses of a walk over 100,000 of them).
    @inline(__always)
    func forEachChunkOfProcesses(_ visit: (_ order: [KProcess], _ chunk: Range<Int>) -> Void) {
        var nextPID = 0
        var finished = false
        while !finished {
            lock.withLock {
                let order = processOrder
                let start = firstIndex(inOrderFrom: nextPID)
                let end = min(start + Kernel.snapshotChunk, order.count)
                visit(order, start..<end)
                finished = end >= order.count
                if !finished { nextPID = order[end].pid }
            }
        }
    }

    /// The index of the first process in ``processOrder`` with a PID of at least `pid`
    /// (binary search: the array is in PID order). Lock held.
    func firstIndex(inOrderFrom pid: PID) -> Int {
        processOrder.partitioningIndex { $0.pid >= pid }
    }

    /// One process, or nil.
    public func process(_ pid: PID) -> ProcessSnapshot? {
        lock.withLock { processes[pid].map(snapshot(of:)) }
    }

    /// The threads of one process, or of every process when `pid` is nil, sorted by TID.
    public func threadList(of pid: PID? = nil) throws(KernelError) -> [ThreadSnapshot] {
        try lock.withLock { () throws(KernelError) -> [ThreadSnapshot] in
            if let pid {
                guard let process = processes[pid] else { throw .noSuchProcess(pid) }
                return process.threads.map(snapshot(of:))
            }
            return threads.values.sorted { $0.tid < $1.tid }.map(snapshot(of:))
        }
    }

    /// Whether `id` names a live thread (not a process).
    public func isThread(_ id: Int) -> Bool {
        lock.withLock { threads[id] != nil && processes[id] == nil }
    }

    /// The last lines a process printed.
    public func logs(of pid: PID) throws(KernelError) -> [String] {
        try lock.withLock { () throws(KernelError) -> [String] in
            guard let process = processes[pid] else { throw .noSuchProcess(pid) }
            return process.logLines
        }
    }

    /// Events after sequence number `after`, oldest first.
    public func events(after: UInt64 = 0) -> [KernelEvent] {
        lock.withLock { eventLog.events(after: after) }
    }

    /// Kernel-wide figures. With `scanningProcesses: false` the per-process sums
    /// (`processesByState`, `memory`, `messagesQueued`) are left empty, so the call does not
    /// walk the table: for callers that already hold a process list (the monitor).
    public func stats(scanningProcesses: Bool = true) -> KernelStats {
        lock.withLock {
            var byState: [ProcessState: Int] = [:]
            var memory = 0
            var queued = 0
            if scanningProcesses {
                processes.forEach { process in
                    byState[displayState(of: process).0, default: 0] += 1
                    memory += self.memory(of: process)
                    queued += process.inbox.queued
                    for thread in process.threads { queued += thread.ownMailbox?.inbox.queued ?? 0 }
                }
            }
            return KernelStats(
                uptimeNanoseconds: now, processes: processes.count, processesByState: byState,
                threads: threads.count, policy: runQueue.policy, slots: configuration.slots,
                quantum: configuration.quantum, deterministic: configuration.deterministic,
                spawned: counters.spawned, exited: counters.exited, reaped: counters.reaped,
                restarts: counters.restarts, messagesSent: messageCounters.sent,
                messagesReceived: messageCounters.received.current, messagesQueued: queued,
                deadLetters: messageCounters.deadLetters.current, sendsLocked: counters.sendsLocked,
                wakeupsLocked: counters.wakeupsLocked, receivesLocked: counters.receivesLocked,
                contextSwitches: counters.contextSwitches,
                reductions: counters.reductions, memory: memory, runQueueLength: runQueue.count,
                eventsRecorded: eventLog.total, eventsEvicted: eventLog.evicted,
                slotBusyNanoseconds: slotStates.busyNanoseconds, slotCurrent: slotStates.current,
                maxProcesses: configuration.maxProcesses, limits: configuration.limits)
        }
    }

    /// Lock held.
    func snapshot(of process: KProcess) -> ProcessSnapshot {
        let (state, wait) = displayState(of: process)
        return ProcessSnapshot(
            pid: process.pid, ppid: process.parent, name: process.name, version: process.executable.version,
            type: process.executable.type,
            state: state, wait: wait, priority: process.nice,
            threads: process.threads.count, reductions: process.totalReductions,
            cpuNanoseconds: process.totalCPUNanoseconds, memory: memory(of: process),
            mailbox: process.inbox.queued, exitCode: process.exitStatus?.code,
            reason: process.exitStatus?.reason, restarts: process.lineage?.restarts ?? process.restartCount,
            contextSwitches: process.totalSwitches, started: process.started, arguments: process.arguments,
            warnings: warningsLocked(process).count)
    }

    /// The state and wait reason shown for a process: init waits for children; an outside
    /// process (the shell) is running while it asks. Lock held.
    func displayState(of process: KProcess) -> (ProcessState, String?) {
        if process.pid == WellKnownPID.initProcess { return (.waiting, "children") }
        if process.isExternal { return (process.isExited ? .exited : .running, nil) }
        return (process.state, process.waitLabel)
    }

    /// Lock held.
    private func snapshot(of thread: KThread) -> ThreadSnapshot {
        ThreadSnapshot(
            tid: thread.tid, pid: thread.process.pid, name: thread.name, state: thread.state,
            wait: thread.waitLabel, priority: thread.nice, reductions: thread.reductions,
            cpuNanoseconds: thread.cpuNanoseconds, contextSwitches: thread.contextSwitches,
            waitNanoseconds: thread.waitNanoseconds, mailbox: thread.ownMailbox?.inbox.queued ?? 0,
            messagesIn: thread.messagesIn.current, messagesOut: thread.messagesOut.current,
            calls: thread.calls,
            memory: thread.memory,
            wallNanoseconds: now &- thread.started)
    }
}

extension Kernel {
    /// The messages queued for a process (its shared mailbox) or a thread (its own), oldest first.
    /// While a slice of the process owns its mailbox (a few microseconds), waits for it to end.
    public func mailbox(of id: Int) throws(KernelError) -> [Message] {
        try lock.withLock { () throws(KernelError) -> [Message] in
            while true {
                let process = processes[id] ?? threads[id]?.process
                guard let process else { throw .noSuchID(id) }
                if process.mailboxOwned && !stopping {
                    lock.unlock()
                    sched_yield()
                    lock.lock()
                    continue
                }
                if process.pid == id {
                    _ = process.inbox.drain(into: &process.mailbox)
                    return Array(process.mailbox.messages)
                }
                guard let thread = threads[id] else { throw .noSuchID(id) }
                guard let box = thread.ownMailbox else { return [] }
                _ = box.inbox.drain(into: &box.queue)
                return Array(box.queue.messages)
            }
        }
    }
}

extension Kernel {
    /// The limits of a process, or nil.
    public func limits(of pid: PID) -> ProcessLimits? {
        lock.withLock { processes[pid]?.limits }
    }
}
