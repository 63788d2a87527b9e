import Language

/// One subscription: who gets messages on topics matching a pattern.
struct Subscription {
    let pattern: TopicPattern
    let subscriber: Address
    /// The process the subscriber belongs to (to drop its subscriptions when it exits).
    let pid: PID
}

/// Where a broadcast goes.
public enum BroadcastScope: String, Sendable, CaseIterable {
    /// The sender's children.
    case children
    /// Its children, their children, and so on.
    case descendants
    /// Every live process but the sender and init.
    case all
}

extension Kernel {
    /// Subscribes an address to topics matching `pattern`.
    public func subscribe(_ subscriber: Address, pid: PID, to pattern: String) throws(KernelError) {
        guard let parsed = TopicPattern(pattern) else {
            throw .invalid(
                "'\(pattern)' is not a topic pattern (dot-separated; '*' one segment, '#' the rest)")
        }
        try lock.withLock { () throws(KernelError) in
            guard let process = processes[pid], !process.isExited else { throw .noSuchProcess(pid) }
            guard !subscriptions.contains(where: { $0.subscriber == subscriber && $0.pattern == parsed })
            else { return }
            subscriptions.append(Subscription(pattern: parsed, subscriber: subscriber, pid: pid))
            process.hasSubscriptions = true
        }
    }

    /// Removes a subscription; returns whether there was one.
    @discardableResult
    public func unsubscribe(_ subscriber: Address, from pattern: String) -> Bool {
        lock.withLock {
            let before = subscriptions.count
            subscriptions.removeAll { $0.subscriber == subscriber && $0.pattern.text == pattern }
            return subscriptions.count != before
        }
    }

    /// The subscriptions of a process, as `(address, pattern)`.
    public func subscriptionList(of pid: PID? = nil) -> [(Address, String)] {
        lock.withLock {
            subscriptions.filter { pid == nil || $0.pid == pid }.map { ($0.subscriber, $0.pattern.text) }
        }
    }

    /// Delivers `{topic, message, from}` to every subscriber whose pattern matches; returns
    /// how many got it. Topic messages are not held back by mailbox limits, so a publisher
    /// never blocks on a slow subscriber.
    @discardableResult
    public func publish(_ topic: String, _ value: Value, from sender: Address?) throws(KernelError) -> Int {
        guard TopicPattern.isValidTopic(topic) else {
            throw .invalid("'\(topic)' is not a topic (dot-separated words, no wildcards)")
        }
        return lock.withLock {
            let fromValue: Value = sender.map { senderValue($0) } ?? .nil
            let message = Value.record(["topic": .str(topic), "message": value, "from": fromValue])
            var delivered = 0
            for subscription in subscriptions where subscription.pattern.matches(topic) {
                if case .delivered = deliver(message, to: subscription.subscriber, from: sender, force: true)
                {
                    delivered += 1
                }
            }
            if let sender { record(.publish, pid: owner(of: sender).0, peer: delivered, detail: topic) }
            return delivered
        }
    }

    /// Sends `value` to the processes in `scope` around `pid`; returns how many got it.
    @discardableResult
    public func broadcast(_ value: Value, scope: BroadcastScope, from pid: PID, sender: Address? = nil)
        throws(KernelError)
        -> Int
    {
        try lock.withLock { () throws(KernelError) -> Int in
            guard processes[pid] != nil else { throw .noSuchProcess(pid) }
            var targets: [PID] = []
            switch scope {
            case .children:
                targets = Array(processes[pid]?.children ?? ChildList())
            case .descendants:
                var frontier = Array(processes[pid]?.children ?? ChildList())
                while let next = frontier.first {
                    frontier.removeFirst()
                    targets.append(next)
                    frontier += processes[next]?.children ?? ChildList()
                }
            case .all:
                targets = processes.values.map(\.pid).filter { $0 != pid && $0 != WellKnownPID.initProcess }
            }
            var delivered = 0
            for target in targets where processes[target]?.isExited == false {
                if case .delivered = deliver(
                    value, to: .process(target), from: sender ?? .process(pid), force: true)
                {
                    delivered += 1
                }
            }
            return delivered
        }
    }

    /// How a sender address appears inside messages: a pid or tid value. Lock held.
    func senderValue(_ address: Address) -> Value {
        switch address {
        case .process(let pid): .pid(Int64(pid))
        case .thread(let tid): .tid(Int64(tid))
        }
    }

    /// Drops the subscriptions of an exiting process. Lock held.
    func dropSubscriptions(of process: KProcess) {
        guard process.hasSubscriptions else { return }
        subscriptions.removeAll { $0.pid == process.pid }
    }
}
