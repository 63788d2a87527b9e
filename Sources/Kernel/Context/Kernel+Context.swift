import Language

/// A copy of one context region, for `ctx PID`.
public struct RegionSnapshot: Sendable {
    public var name: String
    public var owner: TID
    public var readers: [TID]
    public var writers: [TID]
    public var version: UInt64
    /// Kernel nanoseconds of the last write.
    public var modified: UInt64
    /// Live values in key order (expired TTL values left out).
    public var values: [(key: String, value: Value)]
    /// Knowledge-graph links `(a, rel, b)`.
    public var links: [(String, String, String)]
}

extension Kernel {
    /// Runs `body` on region `name` of the thread's process, creating it (open ACL) when
    /// `create` is set or it is a standard region. Lock held.
    func withRegion<T>(
        _ name: String, of process: KProcess, create: Bool,
        _ body: (inout ContextRegion) throws(KernelError) -> T
    ) throws(KernelError) -> T {
        let context = process.context ?? ProcessContext()
        process.context = context
        if context.regions[name] == nil {
            if ProcessContext.standardNames.contains(name) {
                context.regions[name] = ProcessContext.standard(name, owner: process.pid)
            } else if create {
                context.regions[name] = ContextRegion(name: name, owner: process.pid)
            } else {
                throw .invalid("no context region '\(name)'")
            }
        }
        guard var region = context.regions[name] else { throw .invalid("no context region '\(name)'") }
        defer { context.regions[name] = region }
        return try body(&region)
    }

    func contextRead(_ thread: KThread, _ name: String, _ key: String) throws(KernelError) -> Value {
        let current = now
        return try withRegion(name, of: thread.process, create: false) {
            (region) throws(KernelError) -> Value in
            guard region.mayRead(thread.tid) else { throw Kernel.denied("read", region, thread) }
            return region.value(key, now: current) ?? .nil
        }
    }

    func contextReadAll(_ thread: KThread, _ name: String) throws(KernelError) -> Value {
        let current = now
        return try withRegion(name, of: thread.process, create: false) {
            (region) throws(KernelError) -> Value in
            guard region.mayRead(thread.tid) else { throw Kernel.denied("read", region, thread) }
            var map = OrderedMap()
            for (key, _) in region.values {
                guard let name = key.stringValue, let value = region.value(name, now: current) else {
                    continue
                }
                map.set(key, value)
            }
            return .map(map)
        }
    }

    /// Writes, compares-and-swaps or increments under one lock hold; returns the result
    /// value and records the new version.
    func contextUpdate(
        _ thread: KThread, _ name: String, _ key: String,
        _ operation: (Value?) throws(KernelError) -> (Value?, Value)
    ) throws(KernelError) -> Value {
        let current = now
        let (result, version) = try withRegion(name, of: thread.process, create: true) {
            (region) throws(KernelError) -> (Value, UInt64) in
            guard region.mayWrite(thread.tid) else { throw Kernel.denied("write", region, thread) }
            let (newValue, result) = try operation(region.value(key, now: current))
            if let newValue { region.set(key, newValue, now: current) }
            return (result, region.version)
        }
        record(
            .contextWrite, pid: thread.process.pid, tid: thread.tid, peer: Int(version),
            detail: "\(name).\(key)")
        return result
    }

    func contextSetACL(_ thread: KThread, _ name: String, readers: [TID]?, writers: [TID]?, ttl: UInt64?)
        throws(KernelError)
    {
        try withRegion(name, of: thread.process, create: true) { (region) throws(KernelError) in
            guard region.owner == thread.tid || region.mayBeClaimed(in: thread.process.pid) else {
                throw .notPermitted(
                    "permission denied: only the owner (\(region.owner)) may change region '\(name)'")
            }
            region.owner = thread.tid
            region.claimed = true
            if let readers { region.readers = readers }
            if let writers { region.writers = writers }
            if let ttl { region.timeToLive = ttl }
        }
    }

    func contextLink(_ thread: KThread, _ a: String, _ relation: String, _ b: String) throws(KernelError) {
        let current = now
        try withRegion("knowledge", of: thread.process, create: true) { (region) throws(KernelError) in
            guard region.mayWrite(thread.tid) else { throw Kernel.denied("write", region, thread) }
            if !region.links.contains(where: { $0 == (a, relation, b) }) {
                region.links.append((a, relation, b))
            }
            region.version &+= 1
            region.modified = current
        }
    }

    func contextNeighbors(_ thread: KThread, _ a: String, _ relation: String?) throws(KernelError) -> Value {
        try withRegion("knowledge", of: thread.process, create: true) {
            (region) throws(KernelError) -> Value in
            guard region.mayRead(thread.tid) else { throw Kernel.denied("read", region, thread) }
            let found = region.links.filter { $0.0 == a && (relation == nil || $0.1 == relation) }.map {
                Value.str($0.2)
            }
            return .list(found)
        }
    }

    private static func denied(_ what: String, _ region: ContextRegion, _ thread: KThread) -> KernelError {
        .notPermitted("permission denied: thread \(thread.tid) may not \(what) region '\(region.name)'")
    }

    /// The regions of a process (the four standard ones always listed), for `ctx PID`.
    public func contextRegions(of pid: PID) throws(KernelError) -> [RegionSnapshot] {
        try lock.withLock { () throws(KernelError) -> [RegionSnapshot] in
            guard let process = processes[pid] else { throw .noSuchProcess(pid) }
            let current = now
            var regions = process.context?.regions ?? [:]
            for name in ProcessContext.standardNames where regions[name] == nil {
                regions[name] = ProcessContext.standard(name, owner: pid)
            }
            let order =
                ProcessContext.standardNames
                + regions.keys.filter { !ProcessContext.standardNames.contains($0) }.sorted()
            return order.compactMap { name in
                guard let region = regions[name] else { return nil }
                let values = region.values.compactMap { key, _ -> (key: String, value: Value)? in
                    guard let text = key.stringValue, let value = region.value(text, now: current) else {
                        return nil
                    }
                    return (text, value)
                }
                return RegionSnapshot(
                    name: name, owner: region.owner, readers: region.readers, writers: region.writers,
                    version: region.version, modified: region.modified, values: values, links: region.links)
            }
        }
    }
}
