import Language

/// Where a message can be queued.
enum MailboxOwner {
    case process(KProcess)
    case thread(KThread)
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
        let time = recentNow
        let message = Message(from: sender, value: value, id: counters.messagesSent &+ 1, queuedAt: time)
        let result = queue(message, to: address, force: force)
        switch result {
        case .delivered, .dead: counters.messagesSent &+= 1
        case .full: break
        }
        if case .delivered = result, let sender {
            let (senderPID, senderTID) = owner(of: sender)
            record(
                .send, pid: senderPID, tid: senderTID, peer: address.number, correlation: message.id,
                message: value, at: time)
        }
        return result
    }

    /// The process and thread an address belongs to. Lock held.
    func owner(of address: Address) -> (PID, TID?) {
        switch address {
        case .process(let pid): (pid, nil)
        case .thread(let tid): (threads[tid]?.process.pid ?? tid, tid)
        }
    }

    private func queue(_ message: Message, to address: Address, force: Bool) -> Delivery {
        switch address {
        case .process(let pid):
            guard let process = processes[pid], !process.isExited else { return deadLetter(address) }
            if !force && process.mailbox.count >= process.limits.mailboxLimit {
                return .full(.process(process))
            }
            process.mailbox.append(message)
            for thread in process.threads where thread.state == .waiting {
                if case .receive = thread.request { wake(thread, receiveWake(thread)) }
            }
            if process.isExternal { lock.broadcastChange() }
        case .thread(let tid):
            guard let thread = threads[tid], !thread.isFinished else { return deadLetter(address) }
            if !force && (thread.mailbox?.count ?? 0) >= thread.process.limits.mailboxLimit {
                return .full(.thread(thread))
            }
            if thread.mailbox == nil { thread.mailbox = Mailbox() }
            thread.mailbox?.append(message)
            if thread.state == .waiting, case .receive = thread.request {
                wake(thread, receiveWake(thread))
            }
        }
        return .delivered
    }

    private func deadLetter(_ address: Address) -> Delivery {
        counters.deadLetters &+= 1
        record(.deadLetter, pid: address.number)
        return .dead
    }

    func addBlockedSender(_ thread: KThread, to owner: MailboxOwner) {
        switch owner {
        case .process(let process):
            if process.mailbox.blockedSenders == nil { process.mailbox.blockedSenders = [] }
            process.mailbox.blockedSenders?.append(thread)
        case .thread(let receiver):
            if receiver.mailbox?.blockedSenders == nil { receiver.mailbox?.blockedSenders = [] }
            receiver.mailbox?.blockedSenders?.append(thread)
        }
    }

    /// After a message left a mailbox: lets the oldest blocked sender deliver. Lock held.
    func admitBlockedSender(of owner: MailboxOwner) {
        while true {
            let sender: KThread?
            switch owner {
            case .process(let process): sender = process.mailbox.blockedSenders?.popFirst()
            case .thread(let receiver): sender = receiver.mailbox?.blockedSenders?.popFirst()
            }
            guard let sender else { return }
            guard sender.state == .waiting, case .send(let address, let message) = sender.request else {
                continue
            }
            _ = deliver(message, to: address, from: .thread(sender.tid), force: true)
            wake(sender, .value(.bool(true)))
            return
        }
    }

    /// Every message still queued for a process and its threads is a dead letter; blocked
    /// senders go on (their messages are dead letters too). Lock held.
    func discardMailbox(of process: KProcess) {
        counters.deadLetters &+= UInt64(process.mailbox.count)
        process.mailbox.messages.removeAll()
        while let sender = process.mailbox.blockedSenders?.popFirst() {
            guard sender.state == .waiting, case .send = sender.request else { continue }
            counters.deadLetters &+= 1
            wake(sender, .value(.bool(true)))
        }
    }
}
