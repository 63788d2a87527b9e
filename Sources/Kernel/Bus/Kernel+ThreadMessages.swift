import Language

/// A running thread's messaging calls: what ``ThreadHandle`` and the VM's host (which skips
/// building a handle on the message path) both call.
///
/// The common path takes no lock: a send to the receiver the thread sent to last pushes onto
/// its ``Inbox``; a thread whose slice owns its process's mailbox (``KThread/ownsMailbox``: the
/// process has one thread) scans and takes without the lock. The kernel lock is taken only to
/// wake a receiver parked in `receive`, to look up a new receiver, when a mailbox is full, or
/// when several threads share the mailbox.
extension Kernel {
    /// ``ThreadHandle/trySend(_:to:)`` for `thread`, running a slice.
    @inline(__always)
    func trySend(_ value: Value, to address: Address, from thread: KThread) -> Bool {
        let fast =
            thread.withSendTarget { target -> FastSend in
                guard target.matches(address), target.hasInbox else { return .notCached }
                let process = thread.process
                let signer = (process.pid, thread.tid == process.pid ? nil : thread.tid)
                switch push(
                    value, to: target, address: address, from: thread.senderAddress, signedBy: signer,
                    at: thread.sliceClock, force: false, cache: thread.nodeCache, locked: false)
                {
                case .delivered:
                    if target.process.receiveWaiters.load(ordering: .sequentiallyConsistent) > 0 {
                        if configuration.deterministic {  // woken now: the run queue's order stays
                            lock.withLock {
                                counters.wakeupsLocked &+= 1
                                wakeReceivers(of: target)
                            }
                        } else {
                            thread.wakesTargetAtSliceEnd = true
                        }
                    }
                    return .delivered
                case .dead: return .dead
                case .full: return .full
                }
            } ?? .notCached
        switch fast {
        case .delivered:
            thread.messagesOut.bumpBySoleWriter()
            return true
        case .dead:
            thread.wakesTargetAtSliceEnd = false  // nobody left to wake
            thread.sendTarget = nil  // after `withSendTarget`, which lends it
            thread.messagesOut.bumpBySoleWriter()
            return true
        case .full, .notCached:
            break  // the lock decides: block, or room after all; or a new receiver
        }
        return lock.withLock {
            wakeDeferred(by: thread)  // before its target changes
            let target = receiver(at: address)
            switch deliver(
                value, to: target, address: address, from: thread.senderAddress, force: false,
                cache: thread.nodeCache)
            {
            case .delivered:
                if let target, !target.process.isExternal { thread.sendTarget = target }
                thread.messagesOut.bumpBySoleWriter()
                return true
            case .dead:
                thread.messagesOut.bumpBySoleWriter()
                return true
            case .full:
                return false
            }
        }
    }

    /// The message at `index` of this thread's queue: its own mailbox first, then its
    /// process's. nil past the end — and then a later `receive` wait only wakes for newer mail.
    @inline(__always)
    func peekMessage(of thread: KThread, at index: Int) -> Message? {
        if thread.ownsMailbox { return peekOwnedMessage(of: thread, at: index) }
        return lock.withLock {
            if thread.process.mailboxOwned {  // another thread's slice owns the process's queue
                guard let box = thread.ownMailbox else { return nil }
                if index == 0 { _ = box.inbox.drain(into: &box.queue, cache: thread.nodeCache) }
                guard index < box.queue.count else { return nil }  // the owner's slice end wakes it
                thread.peekedMessage = box.queue.messages[index].id
                return box.queue.messages[index]
            }
            return peekOwnedMessage(of: thread, at: index)
        }
    }

    /// ``peekMessage(of:at:)`` by a thread that may touch the queues (it owns them, or holds
    /// the lock). Messages pushed meanwhile move in when the scan reaches the end: the
    /// process's join its queue's end (indices stay put); the thread's own go first, so they
    /// move in only at the start of a scan, or when a waiting `receive` wakes to rescan.
    @inline(__always)
    private func peekOwnedMessage(of thread: KThread, at index: Int) -> Message? {
        let process = thread.process
        let box = thread.ownMailbox
        if index == 0, let box, box.inbox.hasMessages {
            _ = box.inbox.drain(into: &box.queue, cache: thread.nodeCache)
        }
        let own = box?.queue.count ?? 0
        let message: Message
        if index < own, let box {
            message = box.queue.messages[index]
        } else if index - own < process.mailbox.count {
            message = process.mailbox.messages[index - own]
        } else if process.inbox.drain(into: &process.mailbox, cache: thread.nodeCache) > 0,
            index - own < process.mailbox.count
        {
            message = process.mailbox.messages[index - own]
        } else {
            thread.receiveMark = currentMark(of: thread)
            return nil
        }
        thread.peekedMessage = message.id
        return message
    }

    /// Removes the message at `index` (as numbered by ``peekMessage(of:at:)``) and returns it.
    @discardableResult @inline(__always)
    func removeMessage(of thread: KThread, at index: Int) -> Message? {
        if thread.ownsMailbox { return removeOwnedMessage(of: thread, at: index, locked: false) }
        return lock.withLock {
            if thread.process.mailboxOwned && index >= (thread.ownMailbox?.queue.count ?? 0) {
                // Another thread's slice owns the process's queue: only the own one is ours.
                let wanted = thread.peekedMessage
                guard let moved = thread.ownMailbox?.queue.messages.firstIndex(where: { $0.id == wanted })
                else { return nil }
                return removeOwnedMessage(of: thread, at: moved, locked: true)
            }
            return removeOwnedMessage(of: thread, at: index, locked: true)
        }
    }

    /// Takes the message ``peekMessage(of:at:)`` returned last: at `index`, or wherever it
    /// moved when another thread took an earlier one; nil if another thread took it.
    @inline(__always)
    private func removeOwnedMessage(of thread: KThread, at index: Int, locked: Bool) -> Message? {
        let process = thread.process
        let box = thread.ownMailbox
        let own = box?.queue.count ?? 0
        let wanted = thread.peekedMessage
        let message: Message
        if index < own, let box, box.queue.messages[index].id == wanted {
            message = box.queue.take(at: index)
            noteTaken(from: .thread(thread), locked: locked)
        } else if index >= own, index - own < process.mailbox.count,
            process.mailbox.messages[index - own].id == wanted
        {
            message = process.mailbox.take(at: index - own)
            noteTaken(from: .process(process), locked: locked)
        } else if let box, let moved = box.queue.messages.firstIndex(where: { $0.id == wanted }) {
            message = box.queue.take(at: moved)
            noteTaken(from: .thread(thread), locked: locked)
        } else if !process.mailboxOwned || thread.ownsMailbox,
            let moved = process.mailbox.messages.firstIndex(where: { $0.id == wanted })
        {
            message = process.mailbox.take(at: moved)
            noteTaken(from: .process(process), locked: locked)
        } else {
            return nil
        }
        noteReceived(message, by: thread, locked: locked)
        return message
    }

    /// Books a message `thread` took: counters and the receive event.
    @inline(__always)
    private func noteReceived(_ message: borrowing Message, by thread: KThread, locked: Bool) {
        let process = thread.process
        if locked { counters.receivesLocked &+= 1 }
        let time = locked ? recentNow : thread.sliceClock
        thread.messagesIn.bumpBySoleWriter()
        process.lastReceive.store(time, ordering: .relaxed)
        messageCounters.received.wrappingAdd(1, ordering: .relaxed)
        if configuration.recordEvents {
            eventLog.appendMessage(
                time: time, .receive, pid: process.pid, tid: thread.tid, peer: message.from?.number,
                correlation: message.id)
        }
    }
}

/// The usual receive loop's calls, for a thread whose slice owns its process's queue and
/// that has no mailbox of its own (nobody sent to its TID): the queue it scans is its
/// process's alone, so no index needs translating and no other thread moves a message.
extension Kernel {
    /// Whether ``peekAlone(_:at:)`` and ``takeAlone(_:at:)`` apply to `thread` now.
    @inline(__always)
    func scansAlone(_ thread: KThread) -> Bool { thread.ownsMailbox && thread.ownMailbox == nil }

    /// ``peekMessage(of:at:)``'s value, for a thread that ``scansAlone(_:)``.
    @inline(__always)
    func peekAlone(_ thread: KThread, at index: Int) -> Value? {
        let process = thread.process
        if index >= process.mailbox.count {
            guard process.inbox.hasMessages,
                process.inbox.drain(into: &process.mailbox, cache: thread.nodeCache) > 0,
                index < process.mailbox.count
            else {
                thread.receiveMark = ReceiveMark(
                    process: process.mailbox.arrivals, processRemovals: process.mailbox.removals)
                return nil
            }
        }
        thread.peekedMessage = process.mailbox.messages[index].id
        return process.mailbox.messages[index].value
    }

    /// Takes the first message, for a thread that ``scansAlone(_:)`` in a `receive` that
    /// takes any message; nil (and the mark a later wait checks, as ``peekAlone(_:at:)``'s)
    /// when there is none.
    @inline(__always)
    func takeFirstAlone(_ thread: KThread) -> Value? {
        let process = thread.process
        let message: Message
        if process.mailbox.count > 0 {
            message = process.mailbox.take(at: 0)
        } else if let first = process.inbox.drainFirst(into: &process.mailbox, cache: thread.nodeCache) {
            message = first
        } else {
            thread.receiveMark = ReceiveMark(
                process: process.mailbox.arrivals, processRemovals: process.mailbox.removals)
            return nil
        }
        noteTaken(from: .process(process), locked: false)
        noteReceived(message, by: thread, locked: false)
        return message.value
    }

    /// ``removeMessage(of:at:)`` for a thread that ``scansAlone(_:)``: whether it took the
    /// message its last peek returned.
    @inline(__always)
    func takeAlone(_ thread: KThread, at index: Int) -> Bool {
        let process = thread.process
        guard index < process.mailbox.count, process.mailbox.messages[index].id == thread.peekedMessage else {
            return removeMessage(of: thread, at: index) != nil
        }
        let message = process.mailbox.take(at: index)
        noteTaken(from: .process(process), locked: false)
        noteReceived(message, by: thread, locked: false)
        return true
    }
}

/// What became of a send to the thread's last receiver, without the lock.
private enum FastSend {
    case delivered, dead, full
    /// The address is not the last receiver's (or it has no inbox yet).
    case notCached
}
