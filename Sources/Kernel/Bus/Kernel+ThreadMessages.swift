import Language

/// A running thread's messaging calls: what ``ThreadHandle`` and the VM's host (which skips
/// building a handle on the message path) both call.
extension Kernel {
    /// ``ThreadHandle/trySend(_:to:)`` for `thread`.
    @inline(__always)
    func trySend(_ value: Value, to address: Address, from thread: KThread) -> Bool {
        lock.withLock {
            switch deliver(value, to: address, from: thread.senderAddress) {
            case .delivered, .dead:
                thread.messagesOut &+= 1
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
        lock.withLock {
            let own = thread.mailbox?.count ?? 0
            if index < own { return thread.mailbox?.messages[index] }
            let shared = thread.process.mailbox
            if index - own < shared.count { return shared.messages[index - own] }
            thread.receiveMark = currentMark(of: thread)
            return nil
        }
    }

    /// Removes the message at `index` (as numbered by ``peekMessage(of:at:)``) and returns it.
    @discardableResult @inline(__always)
    func removeMessage(of thread: KThread, at index: Int) -> Message? {
        lock.withLock {
            let own = thread.mailbox?.count ?? 0
            let message: Message
            if index < own, let taken = thread.mailbox?.take(at: index) {
                message = taken
                if thread.mailbox?.hasBlockedSenders == true {
                    admitBlockedSender(of: .thread(thread))
                }
            } else if index - own < thread.process.mailbox.count {
                let process = thread.process
                message = process.mailbox.take(at: index - own)
                if process.mailbox.hasBlockedSenders { admitBlockedSender(of: .process(process)) }
            } else {
                return nil
            }
            thread.messagesIn &+= 1
            let time = recentNow
            thread.process.lastReceive = time
            counters.messagesReceived &+= 1
            record(
                .receive, pid: thread.process.pid, tid: thread.tid, peer: message.from?.number,
                correlation: message.id, at: time)
            return message
        }
    }
}
