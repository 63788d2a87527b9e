/// A problem a profiler would point out, with what to do about it.
public struct KernelWarning: Sendable, Equatable {
    /// What kind of problem.
    public enum Kind: String, Sendable {
        case busy, mailboxGrowing = "mailbox", unmatched, unanswered, lockAcrossReceive = "lock-receive",
            deadlock
    }

    public var kind: Kind
    public var pid: PID
    public var tid: TID?
    /// One line: what is wrong and what to do.
    public var message: String
}

extension Kernel {
    /// How long before a condition becomes a warning.
    static let warningAfter: UInt64 = 1_000_000_000

    /// The warnings of one process, or of every process.
    public func warnings(of pid: PID? = nil) -> [KernelWarning] {
        lock.withLock {
            let targets =
                pid.map { [processes[$0]].compactMap { $0 } } ?? processes.values  // in PID order
            return targets.flatMap(warningsLocked)
        }
    }

    /// Lock held.
    func warningsLocked(_ process: KProcess) -> [KernelWarning] {
        guard !process.isExited else { return [] }
        let current = now
        var found: [KernelWarning] = []
        for thread in process.threads {
            if thread.state == .running || thread.state == .ready,
                current &- thread.unblockedSince > Kernel.warningAfter
            {
                found.append(
                    KernelWarning(
                        kind: .busy, pid: process.pid, tid: thread.tid,
                        message:
                            "thread \(thread.tid) has run \(formatMilliseconds(current &- thread.unblockedSince)) without blocking: "
                            + "an endless loop? add a receive, sleep or yield()"))
            }
            // (While a slice owns the process's queues, its threads are not stuck in receive.)
            let oldest =
                process.mailboxOwned
                ? nil
                : [
                    thread.ownMailbox?.queue.messages.first?.queuedAt,
                    process.mailbox.messages.first?.queuedAt,
                ]
                .compactMap { $0 }.min()
            if thread.state == .waiting, case .receive = thread.request, let oldest,
                current &- oldest > Kernel.warningAfter
            {
                found.append(
                    KernelWarning(
                        kind: .unmatched, pid: process.pid, tid: thread.tid,
                        message:
                            "thread \(thread.tid) waits in receive while a message has sat in its mailbox for "
                            + "\(formatMilliseconds(current &- oldest)): no pattern matches it; "
                            + "add a catch-all `_ =>` clause, or fix the sender"))
            }
            if thread.deadlocked, case .coordination(let key, _)? = thread.request {
                let owner = process.coordination?.locks[key.name]?.owner?.tid
                found.append(
                    KernelWarning(
                        kind: .deadlock, pid: process.pid, tid: thread.tid,
                        message:
                            "thread \(thread.tid) waits for lock '\(key.name)' held by thread \(owner.map(String.init) ?? "?"), "
                            + "which waits too: a deadlock; kill one of them, or take locks in one order"))
            }
            if thread.state == .waiting, case .receive = thread.request, let held = thread.heldLocks.first {
                found.append(
                    KernelWarning(
                        kind: .lockAcrossReceive, pid: process.pid, tid: thread.tid,
                        message: "thread \(thread.tid) waits in receive holding lock '\(held)': "
                            + "threads that need it are stuck; unlock before receive"))
            }
        }
        let queued = process.inbox.queued
        let lastReceive = process.lastReceive.current
        if queued >= 100, current &- max(lastReceive, process.started) > Kernel.warningAfter {
            found.append(
                KernelWarning(
                    kind: .mailboxGrowing, pid: process.pid, tid: nil,
                    message: "mailbox holds \(queued) messages and nothing has taken one for "
                        + "\(formatMilliseconds(current &- max(lastReceive, process.started))): a missing receive?"
                ))
        }
        if process.openRequestsTo > 0 {
            for (id, request) in pendingRequests.sorted(by: { $0.key < $1.key })
            where request.target == process.pid && current &- request.started > Kernel.warningAfter {
                found.append(
                    KernelWarning(
                        kind: .unanswered, pid: process.pid, tid: nil,
                        message:
                            "request \(id) has waited \(formatMilliseconds(current &- request.started)) for a reply: "
                            + "answer it with reply(req, value)"))
            }
        }
        return found
    }
}
