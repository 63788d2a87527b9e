extension Kernel {
    /// Starts the execution slots on their own OS threads. Does nothing in deterministic mode,
    /// where the caller drives the kernel with ``run(forMilliseconds:)`` and the waits.
    public func start() {
        guard !configuration.deterministic else { return }
        lock.withLock {
            guard slotThreads.isEmpty else { return }
            stopping = false
            for index in 0..<configuration.slots {
                slotThreads.append(SlotThread { [self] in slotLoop(index) })
            }
        }
    }

    /// Stops the execution slots and waits for them. Processes stay in the table.
    public func shutdown() {
        let running = lock.withLock {
            stopping = true
            lock.broadcastSlots()
            lock.broadcastChange()
            lock.broadcastPause()
            return slotThreads
        }
        for thread in running { thread.join() }
        lock.withLock { slotThreads.removeAll() }
    }

    private func slotLoop(_ index: Int) {
        lock.lock()
        var clock = now  // the slot's last clock reading: a slice ends where the next begins
        while !stopping {
            if let thread = pickNext(at: clock) {
                clock = runSlice(thread, slot: index, began: clock)
                if slotStates[index].pointee.contention > Kernel.backOffContention && busySlots > 0 {
                    queueHandoff()  // for the other slot to take while this one steps aside
                    backOff(index)
                }
                continue
            }
            defer { clock = now }
            if spinForWork() || stopping { continue }  // a shutdown while it spun: see `stopping`
            idleSlots += 1
            sleep()
            idleSlots -= 1
        }
        queueHandoff()
        lock.unlock()
    }

    /// An idle slot sleeps until it is signalled or the next timer is due. A single queued
    /// thread, or any while slices are short (see ``slicesAreLong``), signals no idle slot:
    /// the busy slot takes it when its slice ends. So while a slot is busy, one idle slot
    /// watches: it looks every ``watchNanoseconds``, and if the busy slot has taken no thread
    /// since the last look (it is stuck in one long slice) while work waits, it wakes to take
    /// it. ``enqueue(_:)`` rouses a sleeping slot to watch when none does.
    /// Lock held on entry and exit.
    private func sleep() {
        while !stopping {
            let current = now  // read once: the clock moves between two reads
            let timerWait = timers.nextDeadline.map { $0 > current ? $0 - current : 0 }
            let watching = busySlots > 0 && (timerWait ?? .max) > Kernel.watchNanoseconds
            let timedOut: Bool
            let picks = runQueue.picks
            if watching {
                watchingSlots += 1
                watchRequested = false
                timedOut = lock.waitForWork(nanoseconds: Kernel.watchNanoseconds)
                watchingSlots -= 1
            } else {
                guard timerWait != 0 else { return }
                timedOut = lock.waitForWork(nanoseconds: timerWait)
                if timedOut { return }  // a timer is due
            }
            if watchRequested && !timedOut {  // roused to watch, unless nothing runs to watch
                watchRequested = false
                if busySlots > 0 { continue }
            }
            if !timedOut || (runQueue.picks == picks && runQueue.count > 0) { return }
        }
    }

    /// A slot that keeps finding the lock taken while another slot runs steps aside for a
    /// moment: when slices are short, everything they do is kernel work under the one lock,
    /// and two slots only trade it (perf: a third of a spawn benchmark in futex wake-ups; one
    /// slot alone was faster). It does not count as idle, so new work does not wake it; the
    /// other slot carries on. Lock held on entry and exit.
    private func backOff(_ index: Int) {
        lock.pause(nanoseconds: Kernel.backOffNanoseconds)  // not woken by signals for work
        slotStates[index].pointee.contention /= 2
    }

    /// Before an idle slot sleeps, it watches the run queue for a few microseconds: a thread
    /// that spawns or messages others in a burst then finds a free slot awake, instead of
    /// paying a futex wake-up (tens of microseconds) per item. Lock held on entry and exit.
    /// Returns whether work appeared.
    ///
    /// It takes only work that stays queued for ``persistChecks`` looks (a microsecond or
    /// two): a thread woken by the thread running on a busy slot is usually picked up by that
    /// slot as soon as the waker blocks (a message ring, a request and its reply). Taking it
    /// at once made the two slots trade the kernel lock, and the kernel's data between their
    /// caches, on every message. Nor does it spin while another slot runs short slices
    /// (``slicesAreLong``): it would only trade the lock with that slot.
    private func spinForWork() -> Bool {
        guard busySlots == 0 || slicesAreLong else { return false }
        spinningSlots += 1
        lock.unlock()
        var found = false
        var sightings = 0
        for _ in 0..<Kernel.spinChecks where !found {
            sightings = queuedHint.load(ordering: .relaxed) > 0 ? sightings + 1 : 0
            found = sightings >= Kernel.persistChecks
        }
        lock.lock()
        spinningSlots -= 1
        return found || runQueue.count > 0  // work queued after the last look: nobody woke us for it
    }
}

extension Kernel {
    /// Whether nothing can happen without outside help: no thread is ready, no timer is
    /// pending and no OS tool runs (every live thread waits for a message, a lock, or another
    /// thread). A running tool counts as pending: its end wakes the thread that waits for it.
    public var isIdle: Bool {
        lock.withLock {
            runQueue.count == 0 && handoff == nil && timers.isEmpty && tools.isEmpty
                && slotStates.current.allSatisfy { $0 == nil }
        }
    }
}
