import DequeModule
import Language

/// A process or thread, as the owner of a mailbox.
enum MailboxOwner {
    case process(KProcess)
    case thread(KThread)

    /// The process it is or belongs to.
    var process: KProcess {
        switch self {
        case .process(let process): process
        case .thread(let thread): thread.process
        }
    }

    /// Whether it is the owner of `address`.
    @inline(__always)
    func matches(_ address: Address) -> Bool {
        switch (self, address) {
        case (.process(let process), .process(let pid)): process.pid == pid
        case (.thread(let thread), .thread(let tid)): thread.tid == tid
        default: false
        }
    }

    /// Whether its inbox exists, so that a sender without the lock may push (a thread gets
    /// its own mailbox from its first sender, who holds the lock).
    @inline(__always)
    var hasInbox: Bool {
        switch self {
        case .process: true
        case .thread(let thread): thread.ownMailbox != nil
        }
    }

    /// Whether a running slice owns its ordered queue (so that a sender, even with the lock,
    /// must push onto its inbox). Lock held.
    var queueIsOwned: Bool {
        switch self {
        case .process(let process): process.mailboxOwned
        case .thread(let thread): thread.ownsMailbox
        }
    }

    /// Appends to its ordered queue directly (see ``Inbox/append(_:limit:to:)``). Lock held,
    /// queue not owned.
    func appendDirectly(_ message: consuming Message, limit: Int?) -> Inbox.Push {
        switch self {
        case .process(let process):
            return process.inbox.append(message, limit: limit, to: &process.mailbox)
        case .thread(let thread):
            let box = thread.makeOwnMailbox()
            return box.inbox.append(message, limit: limit, to: &box.queue)
        }
    }

    /// Runs `body` with its inbox (a thread's is made if need be: lock held, or the thread
    /// has its own mailbox already).
    @inline(__always)
    func withInbox<R>(_ body: (borrowing Inbox) -> R) -> R {
        switch self {
        case .process(let process): body(process.inbox)
        case .thread(let thread): body(thread.makeOwnMailbox().inbox)
        }
    }
}

/// What became of a message.
enum Delivery {
    case delivered
    /// The mailbox is at its limit.
    case full(MailboxOwner)
    /// No live process or thread has that address: counted as a dead letter.
    case dead
}

extension Kernel {
    /// Queues a message and wakes a receiver. Lock held. Never blocks.
    func deliver(_ value: Value, to address: Address, from sender: Address?, force: Bool = false)
        -> Delivery
    {
        deliver(value, to: receiver(at: address), address: address, from: sender, force: force)
    }

    /// ``deliver(_:to:from:force:)`` to a receiver already looked up, its node from `cache`
    /// (the sending slot's, if a thread on a slot sends). Lock held.
    func deliver(
        _ value: Value, to target: MailboxOwner?, address: Address, from sender: Address?, force: Bool,
        cache: UnsafeMutablePointer<NodeCache>? = nil
    ) -> Delivery {
        let time = recentNow
        guard let target else {
            counters.sendsLocked &+= 1
            countDeadLetter(to: address, at: time)
            return .dead
        }
        let result = push(
            value, to: target, address: address, from: sender, signedBy: sender.map { owner(of: $0) },
            at: time, force: force, cache: cache, locked: true)
        if case .full = result {} else { counters.sendsLocked &+= 1 }  // counted once, when it goes
        if case .delivered = result {
            if target.process.receiveWaiters.load(ordering: .sequentiallyConsistent) > 0 {
                wakeReceivers(of: target)
            }
            if target.process.isExternal { lock.broadcastChange() }
        }
        return result
    }

    /// The live process or thread at `address`. Lock held.
    func receiver(at address: Address) -> MailboxOwner? {
        switch address {
        case .process(let pid):
            guard let process = processes[pid], !process.isExited else { return nil }
            return .process(process)
        case .thread(let tid):
            guard let thread = threads[tid], !thread.isFinished else { return nil }
            return .thread(thread)
        }
    }

    /// Queues a message in `target`'s inbox and records its send (or its death), with the
    /// lock (`locked`: then straight into its queue, unless a slice owns that) or without: the
    /// message path of a running thread calls it without. Waking a
    /// waiting receiver is the caller's part. `signer` is the sending process and thread the
    /// event names (nil: the kernel sent it, and no send event is recorded).
    @inline(__always)
    func push(
        _ value: Value, to target: MailboxOwner, address: Address, from sender: Address?,
        signedBy signer: (PID, TID?)?, at time: UInt64, force: Bool, cache: UnsafeMutablePointer<NodeCache>?,
        locked: Bool
    ) -> Delivery {
        let limit = force ? nil : target.process.limits.mailboxLimit
        if let limit, target.withInbox({ $0.queued }) >= limit { return .full(target) }
        let id = messageCounters.lastID.wrappingAdd(1, ordering: .relaxed).newValue
        let message = Message(from: sender, value: value, id: id, queuedAt: time)
        let recording = configuration.recordEvents
        if recording { eventLog.lock() }
        let pushed =
            locked && !target.queueIsOwned
            ? target.appendDirectly(message, limit: limit)
            : target.withInbox { $0.push(message, limit: limit, cache: cache) }
        if recording {
            switch pushed {
            case .pushed:
                if let signer {
                    eventLog.appendMessageLocked(
                        time: time, .send, pid: signer.0, tid: signer.1, peer: address.number,
                        correlation: id, message: value)
                }
            case .closed:
                eventLog.appendLocked(time: time, .deadLetter, pid: address.number)
            case .full:
                break
            }
            eventLog.unlock()
        }
        switch pushed {  // counted as sent by its id (see `MessageCounters.sent`)
        case .pushed:
            return .delivered
        case .closed:
            messageCounters.deadLetters.wrappingAdd(1, ordering: .relaxed)
            return .dead
        case .full:
            messageCounters.abandonedIDs.wrappingAdd(1, ordering: .relaxed)
            return .full(target)
        }
    }

    /// Wakes the threads of `target` that wait in `receive` (all of a process's, or the one
    /// thread). Lock held. While a slice owns the process's mailbox, its end wakes them.
    func wakeReceivers(of target: MailboxOwner) {
        switch target {
        case .process(let process):
            guard !process.mailboxOwned else { return }
            if let only = process.threads.unmanagedOnly {  // borrowed: a retain and release per hop
                only._withUnsafeGuaranteedRef { if $0.waitsForMail { wakeForMail($0, of: process) } }
                return
            }
            for thread in process.threads where thread.waitsForMail { wakeForMail(thread, of: process) }
        case .thread(let thread):
            guard !thread.process.mailboxOwned, thread.waitsForMail else { return }
            wake(thread, receiveWake(thread))
        }
    }

    /// Wakes the receiver that `thread`'s slice sent mail to without the lock, if it waits
    /// in `receive` (``KThread/wakesTargetAtSliceEnd``). Lock held: at the slice's end, or
    /// before the thread's send target changes. A sender so takes the lock once per slice,
    /// not once per message to a waiting receiver (a message ring took it twice per hop);
    /// the receiver becomes ready a little later (when the sender's slice ends, at most a
    /// quantum later). Deterministic mode wakes at once, so that the run queue keeps the order
    /// of the kernel calls.
    @inline(__always)
    func wakeDeferred(by thread: KThread) {
        guard thread.wakesTargetAtSliceEnd else { return }
        thread.wakesTargetAtSliceEnd = false
        thread.withSendTarget { target in
            counters.wakeupsLocked &+= 1
            wakeReceivers(of: target)
        }
    }

    /// Wakes `thread`, parked in `receive`, for mail to its process. A thread without a
    /// mailbox of its own (the usual case) is told to scan on unless another thread took a
    /// message meanwhile, without the general ``receiveWake(_:)``. Lock held.
    @inline(__always)
    private func wakeForMail(_ thread: KThread, of process: KProcess) {
        guard thread.ownMailbox == nil else {
            wake(thread, receiveWake(thread))
            return
        }
        let moved = process.mailbox.removals != thread.receiveMark.processRemovals
        wake(thread, .value(moved ? .int(0) : .bool(true)), in: process)
    }

    /// The process and thread an address belongs to. Lock held.
    func owner(of address: Address) -> (PID, TID?) {
        switch address {
        case .process(let pid): (pid, nil)
        case .thread(let tid): (threads[tid]?.process.pid ?? tid, tid)
        }
    }

    private func countDeadLetter(to address: Address, at time: UInt64) {
        messageCounters.sentWithoutID.wrappingAdd(1, ordering: .relaxed)
        messageCounters.deadLetters.wrappingAdd(1, ordering: .relaxed)
        record(.deadLetter, pid: address.number, at: time)
    }

    /// Adds a sender to those waiting for room in `owner`'s mailbox. If a message left
    /// meanwhile (the receiver takes without the lock), lets the oldest in at once. Lock held.
    func addBlockedSender(_ thread: KThread, to owner: MailboxOwner) {
        switch owner {
        case .process(let process):
            if process.blockedSenders == nil { process.blockedSenders = [] }
            process.blockedSenders?.append(thread)
        case .thread(let receiver):
            let box = receiver.makeOwnMailbox()
            if box.blockedSenders == nil { box.blockedSenders = [] }
            box.blockedSenders?.append(thread)
        }
        let room = owner.withInbox { inbox in
            inbox.blockedSenders.wrappingAdd(1, ordering: .sequentiallyConsistent)
            return Int(inbox.count.load(ordering: .sequentiallyConsistent))
                < owner.process.limits.mailboxLimit
        }
        if room { admitBlockedSender(of: owner) }
    }

    /// After a message left a mailbox: lets the oldest blocked sender deliver. Lock held.
    func admitBlockedSender(of owner: MailboxOwner) {
        while true {
            let sender: KThread?
            switch owner {
            case .process(let process): sender = process.blockedSenders?.popFirst()
            case .thread(let receiver): sender = receiver.ownMailbox?.blockedSenders?.popFirst()
            }
            guard let sender else { return }
            _ = owner.withInbox { $0.blockedSenders.wrappingSubtract(1, ordering: .sequentiallyConsistent) }
            guard sender.state == .waiting, case .send(let address, let message) = sender.request else {
                continue
            }
            _ = deliver(message, to: address, from: .thread(sender.tid), force: true)
            wake(sender, .value(.bool(true)))
            return
        }
    }

    /// A message left `owner`'s mailbox: counts it out and, if senders wait for room, lets
    /// one in (taking the lock, unless `locked`). No lock needed otherwise.
    @inline(__always)
    func noteTaken(from owner: MailboxOwner, locked: Bool) {
        let blocked = owner.withInbox { inbox in
            inbox.count.wrappingSubtract(1, ordering: .sequentiallyConsistent)
            return inbox.blockedSenders.load(ordering: .sequentiallyConsistent) > 0
        }
        guard blocked else { return }
        if locked { admitBlockedSender(of: owner) } else { lock.withLock { admitBlockedSender(of: owner) } }
    }

    /// Every message still queued for a process becomes a dead letter and later sends fail;
    /// blocked senders go on (their messages are dead letters too). While a slice owns the
    /// mailbox, its ordered queue is emptied when the slice ends. Lock held.
    func discardMailbox(of process: KProcess) {
        messageCounters.deadLetters.wrappingAdd(UInt64(process.inbox.close()), ordering: .relaxed)
        if !process.mailboxOwned { discardQueue(&process.mailbox, of: process.inbox) }
        releaseBlockedSenders(&process.blockedSenders, of: process.inbox)
    }

    /// A finished thread's own mailbox: as ``discardMailbox(of:)``. Lock held.
    func discardMailbox(of thread: KThread) {
        guard let box = thread.ownMailbox else { return }  // none is made once it has finished
        messageCounters.deadLetters.wrappingAdd(UInt64(box.inbox.close()), ordering: .relaxed)
        if !thread.ownsMailbox { discardQueue(&box.queue, of: box.inbox) }
        releaseBlockedSenders(&box.blockedSenders, of: box.inbox)
    }

    /// Counts an ordered queue's messages as dead letters and empties it.
    func discardQueue(_ queue: inout Mailbox, of inbox: borrowing Inbox) {
        guard queue.count > 0 else { return }
        messageCounters.deadLetters.wrappingAdd(UInt64(queue.count), ordering: .relaxed)
        inbox.count.wrappingSubtract(Int32(truncatingIfNeeded: queue.count), ordering: .relaxed)
        queue.messages.removeAll()
    }

    private func releaseBlockedSenders(_ senders: inout Deque<KThread>?, of inbox: borrowing Inbox) {
        while let sender = senders?.popFirst() {
            inbox.blockedSenders.wrappingSubtract(1, ordering: .relaxed)
            guard sender.state == .waiting, case .send = sender.request else { continue }
            messageCounters.sentWithoutID.wrappingAdd(1, ordering: .relaxed)
            messageCounters.deadLetters.wrappingAdd(1, ordering: .relaxed)
            wake(sender, .value(.bool(true)))
        }
    }
}
