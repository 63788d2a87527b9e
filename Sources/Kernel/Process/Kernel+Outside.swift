import Language

/// Calls made by code outside the kernel (the shell, tests): they block the calling OS
/// thread, or in deterministic mode drive the kernel until they can answer.
extension Kernel {
    /// Waits for process `pid` to end, reaps it and returns how it ended; nil when
    /// `timeoutMilliseconds` passes first, or (deterministic mode) when nothing left in the
    /// kernel could ever end it. In deterministic mode, with a timeout, it also returns nil
    /// early while an OS tool runs (virtual time stands still meanwhile), after at most 100 ms
    /// of real time, so that a caller waiting in steps can look for Ctrl-C (see
    /// ``drive(until:pausing:_:)``).
    public func wait(_ pid: PID, timeoutMilliseconds: Double? = nil) throws(KernelError) -> ExitStatus? {
        try lock.withLock { () throws(KernelError) -> ExitStatus? in
            guard let process = processes[pid] else { throw .noSuchProcess(pid) }
            if process.isExternal {
                throw .notPermitted("\(pid) is the shell; it cannot be waited for")
            }
            externalWaitInterest.insert(pid)
            defer { externalWaitInterest.remove(pid) }
            let nanoseconds = timeoutMilliseconds.map { UInt64(max(0, $0) * 1_000_000) }
            if configuration.deterministic {
                drive(until: nanoseconds.map { virtualNow &+ $0 }, pausing: nanoseconds != nil) {
                    process.isExited
                }
            } else {
                let deadline = nanoseconds.map { monotonicNanoseconds() &+ $0 }
                while !process.isExited && !stopping {
                    let current = monotonicNanoseconds()
                    if let deadline, current >= deadline { break }
                    lock.waitForChange(nanoseconds: deadline.map { $0 - current })
                }
            }
            guard let status = process.exitStatus else { return nil }
            reap(process)
            return status
        }
    }

    /// Sends a message from outside (the shell, PID `from`). Never blocks: a full mailbox is
    /// an error, and so is a dead address (the message is counted as a dead letter).
    public func send(_ value: Value, to address: Address, from: PID? = nil) throws(KernelError) {
        try lock.withLock { () throws(KernelError) in
            switch deliver(value, to: address, from: from.map { .process($0) }) {
            case .delivered:
                break
            case .full(.process(let process)):
                throw .mailboxFull(process.pid, limit: process.limits.mailboxLimit)
            case .full(.thread(let thread)):
                throw .mailboxFull(thread.tid, limit: thread.process.limits.mailboxLimit)
            case .dead:
                guard address.number <= lastID else {
                    if case .thread(let tid) = address { throw .noSuchThread(tid) }
                    throw .noSuchProcess(address.number)
                }
                throw .deadLetter(address)
            }
        }
    }

    /// Takes the oldest message from the mailbox of an outside process (the shell), waiting
    /// up to `timeoutMilliseconds` (deterministic mode: running the kernel meanwhile; with a
    /// timeout, it may return nil early while an OS tool runs, as ``wait(_:timeoutMilliseconds:)`` does).
    public func receive(for pid: PID, timeoutMilliseconds: Double?) throws(KernelError) -> Message? {
        try lock.withLock { () throws(KernelError) -> Message? in
            guard let process = processes[pid], !process.isExited else { throw .noSuchProcess(pid) }
            let nanoseconds = timeoutMilliseconds.map { UInt64(max(0, $0) * 1_000_000) }
            if configuration.deterministic {
                drive(until: nanoseconds.map { virtualNow &+ $0 }, pausing: nanoseconds != nil) {
                    process.inbox.queued > 0
                }
            } else {
                let deadline = nanoseconds.map { monotonicNanoseconds() &+ $0 }
                while process.inbox.queued == 0 && !stopping {
                    let current = monotonicNanoseconds()
                    if let deadline, current >= deadline { break }
                    lock.waitForChange(nanoseconds: deadline.map { $0 - current })
                }
            }
            _ = process.inbox.drain(into: &process.mailbox)  // an outside process has no slices
            guard process.mailbox.count > 0 else { return nil }
            let message = process.mailbox.take(at: 0)
            messageCounters.received.wrappingAdd(1, ordering: .relaxed)
            counters.receivesLocked &+= 1
            record(.receive, pid: pid, peer: message.from?.number, correlation: message.id)
            noteTaken(from: .process(process), locked: true)
            return message
        }
    }

    /// Changes the scheduling policy while the kernel runs.
    public func setPolicy(_ policy: SchedulingPolicy) {
        lock.withLock {
            guard policy != runQueue.policy else { return }
            runQueue.switchPolicy(to: policy)
            record(.policy, pid: WellKnownPID.initProcess, detail: policy.rawValue)
        }
    }

    /// The scheduling policy in force.
    public var policy: SchedulingPolicy { lock.withLock { runQueue.policy } }

    /// Sets the function that receives every line a process prints (called outside the lock,
    /// on the thread that ran the process).
    public func setOutputHandler(_ handler: (@Sendable (PID, String) -> Void)?) {
        lock.withLock { outputHandler = handler }
    }
}
