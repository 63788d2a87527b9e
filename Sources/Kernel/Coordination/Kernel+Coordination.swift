import Language

extension Kernel {
    /// The process's coordination table, created on first use. Lock held.
    func coordination(of process: KProcess) -> CoordinationTable {
        if let table = process.coordination { return table }
        let table = CoordinationTable()
        process.coordination = table
        return table
    }

    /// Grants `key` to `thread` now if it can be; otherwise queues the thread. Lock held.
    func tryAcquire(_ key: CoordinationKey, for thread: KThread) -> Bool {
        let table = coordination(of: thread.process)
        switch key.kind {
        case .lock:
            var state = table.locks[key.name] ?? CoordinationTable.LockState()
            if state.owner == nil || state.owner?.isFinished == true {
                state.owner = thread
                table.locks[key.name] = state
                thread.heldLocks.append(key.name)
                return true
            }
            state.waiters.append(thread)
            table.locks[key.name] = state
            detectDeadlock(from: thread, waitingFor: key.name)
            return false
        case .semaphore:
            guard var state = table.semaphores[key.name] else { return true }
            if state.count > 0 {
                state.count -= 1
                table.semaphores[key.name] = state
                return true
            }
            state.waiters.append(thread)
            table.semaphores[key.name] = state
            return false
        case .barrier:
            guard var state = table.barriers[key.name] else { return true }
            state.arrived.append(thread)
            let waiting = state.arrived.filter { $0 !== thread && isWaiting($0, on: key) }
            if waiting.count + 1 >= state.parties {
                state.arrived = []
                state.generation += 1
                table.barriers[key.name] = state
                for other in waiting { wake(other, .value(.nil)) }
                return true
            }
            table.barriers[key.name] = state
            return false
        case .event:
            var state = table.events[key.name] ?? CoordinationTable.EventState()
            if state.isSet {
                if state.autoReset { state.isSet = false }
                table.events[key.name] = state
                return true
            }
            state.waiters.append(thread)
            table.events[key.name] = state
            return false
        }
    }

    /// Takes a timed-out thread off the object's queue. Lock held.
    func withdraw(_ thread: KThread, from key: CoordinationKey) {
        guard let table = thread.process.coordination else { return }
        switch key.kind {
        case .lock: table.locks[key.name]?.waiters.removeAll { $0 === thread }
        case .semaphore: table.semaphores[key.name]?.waiters.removeAll { $0 === thread }
        case .barrier: table.barriers[key.name]?.arrived.removeAll { $0 === thread }
        case .event: table.events[key.name]?.waiters.removeAll { $0 === thread }
        }
        thread.deadlocked = false
    }

    /// Releases a lock held by `thread` and hands it to the next waiter. Lock held.
    func releaseLock(_ name: String, by thread: KThread) throws(KernelError) {
        let table = coordination(of: thread.process)
        guard var state = table.locks[name], state.owner === thread else {
            throw .notPermitted("unlock: thread \(thread.tid) does not hold lock '\(name)'")
        }
        thread.heldLocks.removeAll { $0 == name }
        state.owner = nil
        let key = CoordinationKey(kind: .lock, name: name)
        while let next = state.waiters.popFirst() {
            guard isWaiting(next, on: key) else { continue }
            state.owner = next
            next.heldLocks.append(name)
            table.locks[name] = state
            wake(next, .value(.nil))
            return
        }
        table.locks[name] = state
    }

    /// Releases every lock a finishing thread holds. Lock held.
    func releaseLocks(of thread: KThread) {
        for name in thread.heldLocks { try? releaseLock(name, by: thread) }
    }

    /// `sem_post`: wakes one waiter or counts up. Lock held.
    func postSemaphore(_ name: String, in process: KProcess) throws(KernelError) {
        let table = coordination(of: process)
        guard var state = table.semaphores[name] else {
            throw .invalid("no semaphore '\(name)' (sem_create it first)")
        }
        let key = CoordinationKey(kind: .semaphore, name: name)
        while let next = state.waiters.popFirst() {
            guard isWaiting(next, on: key) else { continue }
            table.semaphores[name] = state
            wake(next, .value(.nil))
            return
        }
        state.count += 1
        table.semaphores[name] = state
    }

    /// `event_set`: a manual-reset flag wakes every waiter and stays set; an auto-reset one
    /// lets one waiter through (or stays set until one comes). Lock held.
    func setEvent(_ name: String, in process: KProcess) {
        let table = coordination(of: process)
        var state = table.events[name] ?? CoordinationTable.EventState()
        let key = CoordinationKey(kind: .event, name: name)
        if state.autoReset {
            while let next = state.waiters.popFirst() {
                guard isWaiting(next, on: key) else { continue }
                table.events[name] = state
                wake(next, .value(.nil))
                return
            }
            state.isSet = true
        } else {
            state.isSet = true
            for waiter in state.waiters where isWaiting(waiter, on: key) { wake(waiter, .value(.nil)) }
            state.waiters.removeAll()
        }
        table.events[name] = state
    }

    private func isWaiting(_ thread: KThread, on key: CoordinationKey) -> Bool {
        guard thread.state == .waiting, case .coordination(let waited, _) = thread.request else {
            return false
        }
        return waited == key
    }

    /// Follows owner → waited lock → owner from a thread that just queued; a path back to it
    /// is a deadlock: every thread on the cycle is marked and the cycle is logged. Lock held.
    private func detectDeadlock(from start: KThread, waitingFor name: String) {
        var cycle: [KThread] = [start]
        var lockName = name
        var process = start.process
        while let owner = process.coordination?.locks[lockName]?.owner {
            if owner === start {
                for thread in cycle { thread.deadlocked = true }
                let path = cycle.map { "\($0.tid)" }.joined(separator: " -> ")
                record(
                    .deadlock, pid: start.process.pid, tid: start.tid, detail: "cycle \(path) -> \(start.tid)"
                )
                return
            }
            guard cycle.count < 10_000, !cycle.contains(where: { $0 === owner }), owner.state == .waiting,
                case .coordination(let next, _) = owner.request, next.kind == .lock
            else { return }
            cycle.append(owner)
            lockName = next.name
            process = owner.process
        }
    }
}
