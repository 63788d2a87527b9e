import Language

/// How a process's result came about: the processes, threads, messages and context versions
/// that led to it, traced backwards through the event log from the process's end.
public struct Provenance: Sendable {
    /// A process on the causal path.
    public struct Node: Sendable, Equatable {
        public var pid: PID
        public var name: String
        public var exitCode: Int?
        /// Why it is here: `target`, `sent a message`, `spawned it`.
        public var role: String
    }

    /// A message that reached a process on the path, before the time that mattered.
    public struct Edge: Sendable {
        public var id: UInt64
        public var from: PID
        public var to: PID
        public var time: UInt64
        public var message: Value?
        /// `message`, `request`, `reply`.
        public var kind: String
    }

    /// A write to a context region by a process on the path.
    public struct ContextWrite: Sendable, Equatable {
        public var pid: PID
        public var tid: TID?
        /// `region.key`.
        public var key: String
        public var version: Int
        public var time: UInt64
    }

    public var target: PID
    public var nodes: [Node]
    public var messages: [Edge]
    public var context: [ContextWrite]
    /// Threads started by processes on the path: (pid, tid, name).
    public var threads: [(PID, TID, String)]
    /// Spawns on the path: (parent, child).
    public var spawns: [(PID, PID)]
    /// Whether older events were evicted from the log (the trace may be incomplete).
    public var incomplete: Bool
    /// Names of every process mentioned.
    public var names: [PID: String]
}

extension Kernel {
    /// Traces what led to `pid`'s result, from the event log.
    public func provenance(of pid: PID) throws(KernelError) -> Provenance {
        let (events, evicted, names, outside) = lock.withLock {
            () -> ([KernelEvent], Bool, [PID: (String, Int?)], Set<PID>) in
            var names: [PID: (String, Int?)] = [:]
            for process in processes.values { names[process.pid] = (process.name, process.exitStatus?.code) }
            return (eventLog.events(), eventLog.evicted > 0, names, externalProcesses)
        }
        guard events.contains(where: { $0.pid == pid || $0.peer == pid }) || names[pid] != nil else {
            throw .noSuchProcess(pid)
        }
        return ProvenanceTracer(events: events, names: names, outside: outside).trace(
            pid, incomplete: evicted)
    }
}

/// Walks the event log backwards from a process. The path stops at init and the shell: they
/// appear as senders and spawners, but what led up to their actions is the user.
struct ProvenanceTracer {
    let events: [KernelEvent]
    var names: [PID: (String, Int?)]
    let outside: Set<PID>

    init(events: [KernelEvent], names: [PID: (String, Int?)], outside: Set<PID>) {
        self.events = events
        self.names = names
        self.outside = outside
        for event in events where event.kind == .spawn {
            if let child = event.peer, self.names[child] == nil {
                self.names[child] = (String(event.detail.split(separator: "@").first ?? ""), nil)
            }
        }
        for event in events where event.kind == .exit {
            if let known = self.names[event.pid] { self.names[event.pid] = (known.0, event.peer) }
        }
    }

    func trace(_ target: PID, incomplete: Bool) -> Provenance {
        var sends: [UInt64: KernelEvent] = [:]
        for event in events where event.kind == .send { if let id = event.correlation { sends[id] = event } }
        var requests: [UInt64: KernelEvent] = [:]
        for event in events where event.kind == .request {
            if let id = event.correlation { requests[id] = event }
        }

        var bound: [PID: UInt64] = [target: UInt64.max]
        var roles: [PID: String] = [target: "target"]
        var order: [PID] = [target]
        var queue: [PID] = [target]
        var edges: [Provenance.Edge] = []
        var spawns: [(PID, PID)] = []
        var seenEdges: Set<String> = []

        func visit(_ pid: PID, until time: UInt64, role: String) {
            if outside.contains(pid) && pid != target { return }
            if let known = bound[pid], known >= time { return }
            if bound[pid] == nil {
                order.append(pid)
                roles[pid] = role
            }
            bound[pid] = time
            queue.append(pid)
        }

        while !queue.isEmpty {
            let pid = queue.removeFirst()
            let limit = bound[pid] ?? 0
            for event in events where event.time <= limit {
                switch event.kind {
                case .receive where event.pid == pid:
                    guard let id = event.correlation, let send = sends[id] else { continue }
                    if seenEdges.insert("m\(id)").inserted {
                        edges.append(
                            Provenance.Edge(
                                id: id, from: send.pid, to: pid, time: send.time, message: send.message,
                                kind: "message"))
                    }
                    if send.pid != pid { visit(send.pid, until: send.time, role: "sent a message") }
                case .reply where event.peer == pid:
                    guard let id = event.correlation else { continue }
                    if seenEdges.insert("r\(id)").inserted {
                        edges.append(
                            Provenance.Edge(
                                id: id, from: event.pid, to: pid, time: event.time, message: event.message,
                                kind: "reply"))
                        if let request = requests[id] {
                            edges.append(
                                Provenance.Edge(
                                    id: id, from: pid, to: event.pid, time: request.time,
                                    message: request.message, kind: "request"))
                        }
                    }
                    visit(event.pid, until: event.time, role: "answered a request")
                case .spawn where event.peer == pid:
                    if event.pid != pid && !spawns.contains(where: { $0 == (event.pid, pid) }) {
                        spawns.append((event.pid, pid))
                        visit(event.pid, until: event.time, role: "spawned \(pid)")
                    }
                default:
                    continue
                }
            }
        }

        let included = Set(order)
        let context = events.filter {
            $0.kind == .contextWrite && included.contains($0.pid) && $0.time <= (bound[$0.pid] ?? 0)
        }
        .map {
            Provenance.ContextWrite(
                pid: $0.pid, tid: $0.tid, key: $0.detail, version: $0.peer ?? 0, time: $0.time)
        }
        let threads = events.filter {
            $0.kind == .threadStart && included.contains($0.pid) && $0.time <= (bound[$0.pid] ?? 0)
        }
        .compactMap { event in event.tid.map { (event.pid, $0, event.detail) } }
        let nodes = order.map { pid in
            Provenance.Node(
                pid: pid, name: names[pid]?.0 ?? "?", exitCode: names[pid]?.1, role: roles[pid] ?? "")
        }
        return Provenance(
            target: target, nodes: nodes, messages: edges.sorted { ($0.time, $0.id) < ($1.time, $1.id) },
            context: context, threads: threads, spawns: spawns, incomplete: incomplete,
            names: names.mapValues(\.0))
    }
}
