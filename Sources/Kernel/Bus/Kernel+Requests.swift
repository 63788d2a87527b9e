import Language

/// A request waiting for its reply.
struct PendingRequest {
    /// The thread blocked in `request`/`call`, or nil when an outside caller (the shell) asked.
    let requester: KThread?
    /// The outside caller's PID, when there is no requester thread.
    let outsider: PID?
    /// Who was asked.
    let target: PID
    /// When (kernel nanoseconds).
    let started: UInt64
}

extension Kernel {
    /// Sends `{request: ID, from: SENDER, message: VALUE}` to `target` and registers the
    /// request. Lock held. Returns the id, or nil when the target is not alive.
    func openRequest(
        _ value: Value, to target: PID, from sender: Address, requester: KThread?, outsider: PID?
    )
        -> UInt64?
    {
        guard let process = processes[target], !process.isExited else { return nil }
        lastRequestID &+= 1
        let id = lastRequestID
        let message = Value.record([
            "request": .int(Int64(id)), "from": senderValue(sender), "message": value,
        ])
        _ = deliver(message, to: .process(target), from: sender, force: true)
        pendingRequests[id] = PendingRequest(
            requester: requester, outsider: outsider, target: target, started: now)
        process.openRequestsTo += 1
        record(
            .request, pid: owner(of: sender).0, tid: requester?.tid, peer: target, correlation: id,
            message: value)
        return id
    }

    /// Answers request `id`. Returns false when nobody waits for it any more (it timed out, or
    /// the requester ended): the reply is then counted as a dead letter.
    @discardableResult
    func answerRequest(_ id: UInt64, with value: Value, by pid: PID) -> Bool {
        messageCounters.sentWithoutID.wrappingAdd(1, ordering: .relaxed)
        counters.sendsLocked &+= 1
        guard let pending = pendingRequests.removeValue(forKey: id) else {
            messageCounters.deadLetters.wrappingAdd(1, ordering: .relaxed)
            record(.deadLetter, pid: pid, detail: "reply (nobody waits)", correlation: id)
            return false
        }
        processes[pending.target]?.openRequestsTo -= 1
        record(
            .reply, pid: pid, peer: pending.requester?.process.pid ?? pending.outsider, correlation: id,
            message: value)
        if let requester = pending.requester {
            if requester.state == .waiting, case .request(let waited, _) = requester.request, waited == id {
                wake(requester, .value(value))
            } else if !requester.isFinished {
                earlyReplies[id] = value  // answered before the requester parked (another slot)
            } else {
                messageCounters.deadLetters.wrappingAdd(1, ordering: .relaxed)
                return false
            }
        } else {
            externalReplies[id] = value
            lock.broadcastChange()
        }
        messageCounters.received.wrappingAdd(1, ordering: .relaxed)
        counters.receivesLocked &+= 1
        return true
    }

    /// Fails the requests open to an exiting process with `noproc`. Lock held.
    func failRequests(to process: KProcess) {
        guard process.openRequestsTo > 0 else { return }
        for (id, pending) in pendingRequests where pending.target == process.pid {
            pendingRequests[id] = nil
            if let requester = pending.requester, requester.state == .waiting,
                case .request(let waited, _) = requester.request, waited == id
            {
                wake(requester, .failure(kind: "noproc", message: "\(process.pid) exited before replying"))
            }
        }
        process.openRequestsTo = 0
        lock.broadcastChange()
    }

    /// Replies to a request from outside (the shell).
    public func reply(to id: UInt64, with value: Value, from pid: PID) -> Bool {
        lock.withLock { answerRequest(id, with: value, by: pid) }
    }

    /// Asks `target` and waits for the answer, from outside the kernel (the shell):
    /// deterministic mode drives the kernel meanwhile. nil when the time runs out.
    public func request(_ value: Value, to target: PID, from pid: PID, timeoutMilliseconds: Double)
        throws(KernelError)
        -> Value?
    {
        try lock.withLock { () throws(KernelError) -> Value? in
            guard let id = openRequest(value, to: target, from: .process(pid), requester: nil, outsider: pid)
            else {
                throw .noSuchProcess(target)
            }
            let nanoseconds = UInt64(max(0, timeoutMilliseconds) * 1_000_000)
            if configuration.deterministic {
                drive(until: virtualNow &+ nanoseconds) {
                    externalReplies[id] != nil || pendingRequests[id] == nil
                }
            } else {
                let deadline = monotonicNanoseconds() &+ nanoseconds
                while externalReplies[id] == nil && pendingRequests[id] != nil && !stopping {
                    let current = monotonicNanoseconds()
                    guard current < deadline else { break }
                    lock.waitForChange(nanoseconds: deadline - current)
                }
            }
            pendingRequests[id] = nil
            guard let answer = externalReplies.removeValue(forKey: id) else {
                if processes[target]?.isExited ?? true { throw .noSuchProcess(target) }
                return nil
            }
            return answer
        }
    }
}

extension Kernel {
    /// Asks for `{down: pid, code, reason}` when process `target` ends (at once if it has).
    public func monitor(_ target: PID, by watcher: Address) {
        lock.withLock { monitorLocked(target, by: watcher) }
    }

    /// Lock held.
    func monitorLocked(_ target: PID, by watcher: Address) {
        guard let process = processes[target], !process.isExited else {
            let status = processes[target]?.exitStatus
            let down = Value.record([
                "down": .pid(Int64(target)), "code": status.map { .int(Int64($0.code)) } ?? .nil,
                "reason": .str(status?.reason ?? "noproc"),
            ])
            _ = deliver(down, to: watcher, from: nil, force: true)
            return
        }
        process.monitors = (process.monitors ?? []) + [watcher]
    }

    /// Stops monitoring `target`.
    public func demonitor(_ target: PID, by watcher: Address) {
        lock.withLock { processes[target]?.monitors?.removeAll { $0 == watcher } }
    }

    /// Tells the watchers of an exiting process. Lock held.
    func notifyMonitors(of process: KProcess, _ status: ExitStatus) {
        guard let watchers = process.monitors else { return }
        process.monitors = nil
        let down = Value.record([
            "down": .pid(Int64(process.pid)), "code": .int(Int64(status.code)), "reason": .str(status.reason),
        ])
        for watcher in watchers { _ = deliver(down, to: watcher, from: nil, force: true) }
    }
}
