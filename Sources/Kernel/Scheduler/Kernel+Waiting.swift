import Language

extension Kernel {
    /// Parks a thread on a request, or wakes it at once if the request is already satisfied;
    /// returns how its slice ended, for the slice history. Lock held.
    func park(_ thread: KThread, on request: consuming WaitRequest) -> SliceEnd {
        if case .receive(let timeout) = request {
            parkInReceive(thread, timeout: timeout)
            return .blockedInReceive
        }
        return parkOnOther(thread, request)
    }

    /// Parks `thread` on a wait other than `receive`; keeps the wait's label in
    /// ``lastOtherWaitLabel`` when it is not `sleep` either. Lock held.
    private func parkOnOther(_ thread: KThread, _ request: consuming WaitRequest) -> SliceEnd {
        let end: SliceEnd
        if case .sleep = request {
            end = .blockedInSleep
        } else {
            end = .blockedOther
            lastOtherWaitLabel = request.label
        }
        thread.epoch &+= 1
        thread.request = request
        thread.state = .waiting
        thread.waitStarted = recentNow
        let process = thread.process
        switch request {
        case .sleep, .receive:
            break
        case .join(let tids, _):
            var collected: [TID: Value] = [:]
            for tid in tids {
                if let result = process.finishedResults.removeValue(forKey: tid) {
                    collected[tid] = result
                } else if let target = threads[tid], target.process === process, target !== thread {
                    target.joiners = (target.joiners ?? []) + [thread]
                } else {
                    wake(
                        thread,
                        .failure(
                            kind: "noproc", message: "no thread \(tid) to join in process \(process.pid)"))
                    return end
                }
            }
            thread.joinResults = collected
            if collected.count == Set(tids).count {
                completeJoin(thread, tids)
                return end
            }
        case .wait(let pid, _):
            guard let target = processes[pid] else {
                wake(thread, .failure(kind: "noproc", message: "no such process: \(pid)"))
                return end
            }
            if let status = target.exitStatus {
                reap(target)
                wake(thread, .value(.int(Int64(status.code))))
                return end
            }
            target.waiters = (target.waiters ?? []) + [thread]
        case .request(let id, _):
            if let reply = earlyReplies.removeValue(forKey: id) {
                wake(thread, .value(reply))
                return end
            }
        case .tool(let id):
            if let result = finishedTools.removeValue(forKey: id) {
                wake(thread, .value(result))
                return end
            }
        case .coordination(let key, _):
            if tryAcquire(key, for: thread) {
                wake(thread, .value(.nil))
                return end
            }
        case .send(let address, let message):
            switch deliver(message, to: address, from: .thread(thread.tid)) {
            case .delivered, .dead:
                wake(thread, .value(.bool(true)))
                return end
            case .full(let box):
                addBlockedSender(thread, to: box)
            }
        }
        armTimeout(of: thread, milliseconds: request.timeoutMilliseconds)
        return end
    }

    /// ``park(_:on:)`` for `receive` (the message path's wait, kept lean): woken at once if
    /// mail came since the thread last looked. Lock held.
    func parkInReceive(_ thread: KThread, timeout: Int?) {
        thread.epoch &+= 1
        thread.request = .receive(timeoutMilliseconds: timeout)
        thread.state = .waiting
        thread.waitStarted = recentNow
        let process = thread.process
        // Announce the wait before looking for mail: a sender pushes before it looks for
        // waiters (both sequentially consistent), so one of the two sees the other.
        thread.waitsForMail = true
        process.receiveWaiters.wrappingAdd(1, ordering: .sequentiallyConsistent)
        if !process.mailboxOwned  // else the owner's slice end wakes it to look
            && (thread.ownMailbox?.inbox.hasMessages == true || process.inbox.hasMessages
                || currentMark(of: thread) != thread.receiveMark)
        {
            wake(thread, receiveWake(thread))
            return
        }
        guard let timeout else { return }  // the usual receive: no timer (nor a call to arm none)
        if timeout == 0 {
            wake(thread, .value(.bool(false)))
            return
        }
        armTimeout(of: thread, milliseconds: timeout)
    }

    /// Arms the timer that ends a wait of `milliseconds` (none when nil or negative).
    private func armTimeout(of thread: KThread, milliseconds: Int?) {
        guard let milliseconds, milliseconds >= 0 else { return }
        let deadline = now &+ UInt64(milliseconds) &* 1_000_000
        scheduleTimer(at: deadline, .timeout(thread, epoch: thread.epoch))
    }

    /// The arrival and removal counts of a thread's mailboxes now. Lock held.
    func currentMark(of thread: KThread) -> ReceiveMark {
        let own = thread.ownMailbox
        return ReceiveMark(
            thread: own?.queue.arrivals ?? 0, process: thread.process.mailbox.arrivals,
            threadRemovals: own?.queue.removals ?? 0, processRemovals: thread.process.mailbox.removals)
    }

    /// What a thread waiting in `receive` is told when mail comes: scan on from where it
    /// stopped (`true`), or from the start (`0`) when the indices it remembers have moved:
    /// another thread took a message meanwhile, or mail came to its own mailbox, which is
    /// numbered first. (Mail to the process stays in its inbox: the scan takes it in when it
    /// reaches the end, on the receiver's slot.) Lock held, mailbox not owned.
    func receiveWake(_ thread: KThread) -> Wake {
        if let box = thread.ownMailbox, box.inbox.hasMessages { _ = box.inbox.drain(into: &box.queue) }
        let mark = currentMark(of: thread)
        let moved =
            mark.thread != thread.receiveMark.thread
            || mark.threadRemovals != thread.receiveMark.threadRemovals
            || mark.processRemovals != thread.receiveMark.processRemovals
        return .value(moved ? .int(0) : .bool(true))
    }

    /// Wakes a joining thread with the results in order. Lock held.
    func completeJoin(_ thread: KThread, _ tids: [TID]) {
        let results = thread.joinResults ?? [:]
        thread.joinResults = nil
        wake(thread, .value(.list(tids.map { results[$0] ?? .nil })))
    }

    /// Wakes a waiting thread with an answer. Lock held.
    func wake(_ thread: KThread, _ answer: consuming Wake) {
        wake(thread, answer, in: thread.process)
    }

    /// ``wake(_:_:)`` of a thread of `process`.
    @inline(__always)
    func wake(_ thread: KThread, _ answer: consuming Wake, in process: KProcess) {
        guard thread.state == .waiting else { return }
        if thread.waitsForMail {
            thread.waitsForMail = false
            process.receiveWaiterLeft()
        }
        thread.request = nil
        thread.deadlocked = false
        thread.wake = consume answer
        let current = recentNow
        thread.waitNanoseconds &+= current &- thread.waitStarted
        thread.unblockedSince = current
        makeReady(thread, in: process)
    }

    /// Arms a timer. An idle slot sleeps until the earliest timer at the latest, so one is
    /// woken to re-arm only when this timer is the new earliest (a request with a timeout used
    /// to wake one every time). Lock held.
    func scheduleTimer(at deadline: UInt64, _ action: TimerAction) {
        let earliest = timers.nextDeadline.map { deadline < $0 } ?? true
        timers.schedule(at: deadline, action)
        if earliest && idleSlots > 0 { lock.signalSlot() }
    }

    /// Fires every timer due at `current` (kernel nanoseconds). Lock held.
    func fireDueTimers(at current: UInt64) {
        guard let next = timers.nextDeadline, next <= current else { return }
        while let action = timers.popDue(now: current) {
            switch action {
            case .timeout(let thread, let epoch):
                guard thread.epoch == epoch, thread.state == .waiting, let request = thread.request else {
                    continue
                }
                switch request {
                case .sleep: wake(thread, .value(.nil))
                case .receive: wake(thread, .value(.bool(false)))
                case .join(let tids, let ms):
                    thread.joinResults = nil
                    wake(
                        thread,
                        .failure(kind: "timeout", message: "join \(tids) timed out after \(ms ?? 0) ms"))
                case .wait(let pid, let ms):
                    wake(
                        thread,
                        .failure(kind: "timeout", message: "wait \(pid) timed out after \(ms ?? 0) ms"))
                case .request(let id, let ms):
                    pendingRequests[id] = nil
                    wake(
                        thread,
                        .failure(kind: "timeout", message: "no reply to request \(id) within \(ms ?? 0) ms"))
                case .coordination(let key, let ms):
                    withdraw(thread, from: key)
                    wake(
                        thread,
                        .failure(kind: "timeout", message: "\(key.label) not granted within \(ms ?? 0) ms"))
                case .send, .tool: break
                }
            case .escalate(let pid):
                if let process = processes[pid], !process.isExited {
                    record(.signal, pid: pid, detail: "KILL (TERM grace period over)")
                    exitProcess(process, .signalled(.kill))
                }
            case .restart(let ticket):
                performRestart(ticket)
            case .toolDeadline(let id, let milliseconds):
                expireTool(id, milliseconds: milliseconds)
            }
        }
    }
}

extension KProcess {
    /// Counts one thread fewer parked in `receive`. Lock held: every change to
    /// ``receiveWaiters`` is made with the kernel lock held (senders only read it), so a load
    /// and a store do, without a locked read-modify-write on every wake-up.
    @inline(__always)
    func receiveWaiterLeft() {
        receiveWaiters.store(receiveWaiters.load(ordering: .relaxed) &- 1, ordering: .relaxed)
    }
}
