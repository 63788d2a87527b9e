import Language

extension Kernel {
    /// Ends a process: its threads stop, its children go to init, its waiters wake, its
    /// queued messages become dead letters; init restarts it if its policy says so. It stays
    /// as a zombie until waited for, unless init is its parent (init reaps at once). Lock held.
    func exitProcess(_ process: KProcess, _ status: ExitStatus) {
        guard !process.isExited else { return }
        process.exitStatus = status
        process.ended = recentNow  // at a slice's end: the clock reading just taken
        counters.exited &+= 1
        // A lone thread is borrowed from the list, which holds it until it is emptied below
        // (`retire` leaves the list alone): iterating the list retained the thread and the
        // list's array, and released them again.
        if let only = process.threads.unmanagedOnly {
            only._withUnsafeGuaranteedRef { retire($0) }
        } else {
            for thread in process.threads { retire(thread) }
        }
        process.threads = ThreadList()
        // Tested through `rare`: the empty value that a process without it reads is a literal to build.
        if process.rare?.finishedResults.isEmpty == false { process.finishedResults = [:] }
        process.deferred = nil
        process.rare?.stopped = nil  // parked threads live there
        discardMailbox(of: process)
        if process.rare?.registeredNames.isEmpty == false { releaseNames(of: process) }
        // Each cleanup is called only when there is something to clean: the calls that found
        // nothing to do cost an exit about 60 instructions.
        if process.hasSubscriptions { dropSubscriptions(of: process) }
        if !tools.isEmpty { killTools(of: process) }
        if process.openRequestsTo > 0 { failRequests(to: process) }
        if process.rare?.monitors != nil { notifyMonitors(of: process, status) }
        record(.exit, pid: process.pid, peer: status.code, detail: status.reason, at: process.ended)
        bookOutcome(of: process, status)
        adoptChildren(of: process)
        if let restart = process.restart, restart.applies(to: status) {
            scheduleRestart(of: process, policy: restart)
        }
        var reaped = false
        if let waiters = process.waiters {
            process.waiters = nil
            for waiter in waiters where isWaiting(waiter, onExitOf: process.pid) {
                if !reaped {
                    reap(process)
                    reaped = true
                }
                wake(waiter, .value(.int(Int64(status.code))))
            }
        }
        let awaitedOutside = !externalWaitInterest.isEmpty && externalWaitInterest.contains(process.pid)
        if !reaped && process.parent == WellKnownPID.initProcess && !awaitedOutside {
            reap(process)
        }
        // Only an outside `wait` for this process waits for an exit: waking every outside
        // waiter at every exit woke a caller waiting for a message once per spawned child.
        if awaitedOutside { lock.broadcastChange() }
    }

    private func releaseNames(of process: KProcess) {
        for name in process.registeredNames where names[name] == process.pid { names[name] = nil }
        process.registeredNames = []
    }

    /// Removes an exited process from the table. Lock held.
    func reap(_ process: KProcess) {
        guard processes[process.pid] != nil else { return }
        processes[process.pid] = nil
        process.isReaped = true
        reapedInOrder += 1
        if reapedInOrder > 1024 && reapedInOrder * 2 > processOrder.count {  // amortised O(1)
            dropReapedFromOrder()
            reapedInOrder = 0
        }
        if process.parent != WellKnownPID.initProcess {  // init keeps no child set: see `spawnLocked`
            processes[process.parent]?.children?.remove(process.pid)
        }
        counters.reaped &+= 1
    }

    /// Removes the reaped processes from ``processOrder``, keeping the others in order. The
    /// references move within the array's buffer: `removeAll(where:)` swaps elements through
    /// the array, which retained and released both of every pair it swapped (about one pair
    /// per spawned child, on processes long out of the cache: 2 % of `bench spawn-program`'s
    /// time). The reaped ones end up last and are released by the removal.
    private func dropReapedFromOrder() {
        let kept = processOrder.withUnsafeMutableBufferPointer { order -> Int in
            var kept = 0
            for index in order.indices where !order[index].isReaped {
                order.swapAt(kept, index)  // moves, without reference counting
                kept += 1
            }
            return kept
        }
        processOrder.removeLast(processOrder.count - kept)
    }

    private func adoptChildren(of process: KProcess) {
        guard let children = process.children, !children.isEmpty else { return }
        process.children = nil
        for pid in children {
            guard let child = processes[pid] else { continue }
            child.parent = WellKnownPID.initProcess
            if child.isExited { reap(child) }
        }
    }

    private func isWaiting(_ thread: KThread, onExitOf pid: PID) -> Bool {
        guard thread.state == .waiting, case .wait(let target, _) = thread.request else { return false }
        return target == pid
    }
}
