import Language

extension Kernel {
    /// Takes the next thread that may run now, honouring suspension and `parallel` caps.
    /// Lock held. Fires the timers due at `current` (kernel nanoseconds) first.
    func pickNext(at current: UInt64) -> KThread? {
        fireDueTimers(at: current)
        if let thread = handoff.take(), mayRun(thread) { return thread }
        while let thread = runQueue.pop() {
            guard mayRun(thread) else { continue }
            queuedHint.store(runQueue.count, ordering: .relaxed)
            // Work left over: share it with a sleeping slot, if a second slot pays.
            if runQueue.count > 0 && idleSlots > 0 && spinningSlots == 0 && slicesAreLong {
                lock.signalSlot()
            }
            return thread
        }
        queuedHint.store(0, ordering: .relaxed)
        return nil
    }

    /// Whether a thread taken from the run queue (or handed off) may run now: it is still
    /// ready, its process is not suspended (else it is set aside as stopped) and not at its
    /// `parallel` cap (else it is deferred). Lock held.
    @inline(__always)
    private func mayRun(_ thread: KThread) -> Bool {
        guard thread.state == .ready else { return false }  // killed or moved while queued
        // Unretained: the thread holds its process (a retain and release per slice).
        unowned(unsafe) let process = thread.process
        if process.suspended {
            thread.state = .suspended
            process.stopped = (process.stopped ?? []) + [thread]
            return false
        }
        if let cap = process.limits.parallel, process.runningThreads >= cap {
            if process.deferred == nil { process.deferred = [] }
            process.deferred?.append(thread)
            return false
        }
        return true
    }

    /// Puts a handed-off thread back in the run queue, for a slot that does not pick its next
    /// thread at once (it backs off or stops). Lock held.
    func queueHandoff() {
        if let thread = handoff.take(), thread.state == .ready { enqueue(thread) }
    }

    /// Runs one slice of `thread` on slot `slot`, starting at `began` (kernel nanoseconds, as
    /// the slot last read the clock). Called with the lock held; releases it while the runnable
    /// runs and holds it again on return. Returns the time the slice ended: the slot's next
    /// slice starts there, so a slice costs one clock reading. `budget` is the most reductions
    /// it may use: the quantum, unless a deterministic deadline comes sooner (see
    /// ``drive(until:_:)``).
    @discardableResult
    func runSlice(_ thread: KThread, slot: Int, began: UInt64, budget: Int? = nil) -> UInt64 {
        let process = thread.process
        let state = slotStates[slot]
        thread.state = .running
        thread.onSlot = true
        thread.contextSwitches &+= 1
        counters.contextSwitches &+= 1
        process.runningThreads += 1
        busySlots += 1
        state.pointee.current = thread.tid
        thread.sliceClock = recentNow
        thread.nodeCache = nodeCaches[slot]
        if process.threads.count == 1 {  // alone: its slice may take its mail without the lock
            thread.ownsMailbox = true
            process.mailboxOwned = true
        }
        let contendedBefore = lock.contended
        var slice = Slice(
            budget: budget ?? configuration.quantum, wake: thread.wake.take(), kernel: self, thread: thread)
        lock.unlock()

        let outcome = thread.runnable.run(&slice)
        let ended =
            configuration.deterministic
            ? began &+ UInt64(max(slice.used, 1)) &* 1000
            : max(slotStates.clock(slot).pointee.read(boot: bootInstant), began)  // never backwards
        let elapsed = ended &- began

        lock.lock()
        // A moving average, in 256ths, of how many of this slot's slices met a taken lock
        // (in their kernel calls or at their end; this slot's or another's waits: either way
        // the two slots traded it).
        let contended = lock.contended != contendedBefore
        state.pointee.contention += (contended ? 32 : 0) - state.pointee.contention / 8
        state.pointee.current = nil
        state.pointee.busyNanoseconds &+= elapsed
        longSliceShare += (elapsed >= Kernel.longSliceNanoseconds ? 32 : 0) - longSliceShare / 8
        if configuration.deterministic { virtualNow = ended } else { noteClock(ended) }
        let end = complete(thread, consume outcome, reductions: slice.used, elapsed: elapsed)
        if recordsSlices {
            recordSlice(thread, slot: slot, start: began, duration: elapsed, reductions: slice.used, end: end)
        }
        busySlots -= 1  // only now: until here, bookkeeping stamps with the clock just read
        return ended
    }

    /// Books a finished slice and moves the thread to its next state; returns how the slice
    /// ended, for the slice history (see ``park(_:on:)``). Lock held.
    @discardableResult
    func complete(_ thread: KThread, _ outcome: consuming RunOutcome, reductions: Int, elapsed: UInt64)
        -> SliceEnd
    {
        // First: the receiver was ready before this thread parks or queues. It runs next on
        // this slot if nothing else is ready (see ``enqueue(_:)``).
        handingOff = true
        wakeDeferred(by: thread)
        handingOff = false
        let process = thread.process
        thread.onSlot = false
        process.runningThreads -= 1
        if thread.ownsMailbox { releaseMailbox(of: thread) }
        if thread.state == .finished {  // ended while it ran: what retire left for the slice's end
            thread.sendTarget = nil
            thread.runnable.end()
        }
        let used = UInt64(max(reductions, 0))
        counters.reductions &+= used
        if runQueue.policy == .fair {
            RunQueue.charge(thread, reductions: max(reductions, 1))
        }
        if let next = process.deferred?.popFirst() { enqueue(next) }
        if thread.state == .finished {  // its process ended while it ran
            process.finishedReductions &+= used
            process.finishedCPUNanoseconds &+= elapsed
            return sliceEnd(of: outcome)
        }
        thread.reductions &+= used
        thread.cpuNanoseconds &+= elapsed
        switch consume outcome {
        case .yielded:
            makeReady(thread)
            return .yielded
        case .blocked(let request):
            return park(thread, on: request)
        case .finished(let value):
            if thread.tid == process.pid {
                let code = exitCode(of: value)
                let reason = process.executable.type == .tool ? OSProcess.describe(code) : "normal"
                exitProcess(process, ExitStatus(code: code, reason: reason))
            } else {
                finishThread(thread, result: value)
            }
            return .finished
        case .failed(let reason):
            exitProcess(process, ExitStatus(code: ExitStatus.runtimeErrorCode, reason: reason))
            return .failed
        case .exited:
            return .exited
        }
    }

    /// Ends a slice's ownership of its process's mailbox: empties the queues of an ended
    /// process or thread, and lets threads started during the slice look at their mail (they
    /// could not while the slice owned it). Lock held.
    private func releaseMailbox(of thread: KThread) {
        let process = thread.process
        thread.ownsMailbox = false
        process.mailboxOwned = false
        if thread.state == .finished, let box = thread.ownMailbox { discardQueue(&box.queue, of: box.inbox) }
        if process.isExited {
            discardQueue(&process.mailbox, of: process.inbox)
        } else if process.threads.count > 1 {
            for other in process.threads where other.waitsForMail { wake(other, .value(.int(0))) }
        }
    }

    /// The exit code a main thread's return value stands for.
    private func exitCode(of value: Value) -> Int {
        if case .int(let code) = value { return Int(truncatingIfNeeded: code) }
        return 0
    }

    /// Puts a thread in the run queue (or aside, if its process is suspended). Lock held.
    func makeReady(_ thread: KThread) { makeReady(thread, in: thread.process) }

    /// ``makeReady(_:)`` of a thread of `process`.
    @inline(__always)
    func makeReady(_ thread: KThread, in process: KProcess) {
        if process.suspended {
            thread.state = .suspended
            process.stopped = (process.stopped ?? []) + [thread]
            return
        }
        enqueue(thread)
    }

    /// Queues a ready thread. An idle slot is woken only when the busy ones cannot take the
    /// work soon: when every slot is idle, or more than one thread waits and slices are long
    /// (``slicesAreLong``). A thread that wakes another and then blocks (a message ring) so
    /// keeps running on its own slot, with no OS thread switch; ``pickNext(at:)`` wakes a
    /// helper when work is left over.
    ///
    /// A thread that a slice's end wakes (its deferred wake-up: a message ring's next hop)
    /// while nothing else is ready is handed off instead: the slot runs it next without the run
    /// queue (``handoff``; about 100 instructions of a hop). It is the queue's head all the
    /// same: ``pickNext(at:)`` takes it first, and threads queued after it run after it.
    func enqueue(_ thread: KThread) {
        thread.state = .ready
        if handingOff && handoff == nil && runQueue.count == 0 {
            handoff = thread
            return
        }
        runQueue.push(thread)
        queuedHint.store(runQueue.count, ordering: .relaxed)
        guard idleSlots > 0, spinningSlots == 0 else { return }  // a spinning slot will take it
        if idleSlots == configuration.slots || (runQueue.count > 1 && slicesAreLong) {
            lock.signalSlot()
        } else if watchingSlots == 0 && !watchRequested {
            watchRequested = true  // a sleeping slot should watch for a stuck one: see `sleep()`
            lock.signalSlot()
        }
    }

    /// Whether most slices lately were long enough for another slot to be worth waking. When
    /// they are short (spawn and exit, a message ring) most of the time goes to kernel work
    /// under the one lock, and a second slot only trades the lock and the kernel's data with
    /// the first: `bench spawn` took 1.2-3.3 µs per spawn on two slots against 0.8-1.2 on one.
    /// (A share, not an average time: one long slice of a spawner among its many short-lived
    /// children does not make the children worth a second slot.)
    var slicesAreLong: Bool { longSliceShare >= 128 }

    /// Ends one thread that is not the main thread. Lock held.
    func finishThread(_ thread: KThread, result: Value) {
        let process = thread.process
        retire(thread)
        process.threads.removeAll { $0 === thread }
        if let joiners = thread.joiners {
            for joiner in joiners where joiner.state == .waiting {
                guard case .join(let tids, _) = joiner.request, tids.contains(thread.tid) else { continue }
                joiner.joinResults?[thread.tid] = result
                if (joiner.joinResults?.count ?? 0) == Set(tids).count { completeJoin(joiner, tids) }
            }
        } else {
            process.finishedResults[thread.tid] = result
        }
        record(.threadEnd, pid: process.pid, tid: thread.tid)
    }

    /// Marks a thread finished and folds its counters into its process. Lock held.
    func retire(_ thread: KThread) {
        let process = thread.process
        if !thread.heldLocks.isEmpty { releaseLocks(of: thread) }
        if thread.waitsForMail {
            thread.waitsForMail = false
            process.receiveWaiterLeft()
        }
        thread.state = .finished
        thread.request = nil
        if !thread.onSlot {  // else its slice's end lets them go
            thread.sendTarget = nil
            thread.runnable.end()
        }
        threads[thread.tid] = nil
        sliceHistory.retire(thread)  // the history keeps its name while its slices are listed
        process.finishedReductions &+= thread.reductions
        process.finishedCPUNanoseconds &+= thread.cpuNanoseconds
        process.finishedSwitches &+= thread.contextSwitches
        thread.reductions = 0
        thread.cpuNanoseconds = 0
        thread.contextSwitches = 0
        discardMailbox(of: thread)
    }

}
