import Language

/// A named region of a process's shared context: an owner, reader and writer lists (empty =
/// every thread of the process), values by key, a version bumped by every write, and when it
/// was last written. Guarded by the kernel lock.
struct ContextRegion {
    var name: String
    /// The TID that created it (the main thread, for the standard regions).
    var owner: TID
    /// Whether a thread has set its ACL with `ctx.region`, and so owns it for good. Until then
    /// (a standard region, or one created by a write) the owner is only the process's PID,
    /// standing in, and the first thread to set the ACL of a region never written takes it.
    var claimed = false
    var readers: [TID] = []
    var writers: [TID] = []
    var values = OrderedMap()
    var version: UInt64 = 0
    /// Kernel nanoseconds of the last write.
    var modified: UInt64 = 0
    /// Values older than this many nanoseconds read as nil (the `scoring` cache); nil = no TTL.
    var timeToLive: UInt64?
    /// When each key was written (for the TTL).
    var writtenAt: [String: UInt64] = [:]
    /// `knowledge`: relationships `(a, rel, b)`.
    var links: [(String, String, String)] = []

    /// Whether any thread of process `pid` may set this region's ACL and so become its owner:
    /// no thread has set it yet (see ``claimed``) and it was never written. Once the main
    /// thread has set an ACL, its TID equals the PID but the region is claimed all the same.
    func mayBeClaimed(in pid: PID) -> Bool { !claimed && version == 0 && owner == pid }

    func mayRead(_ tid: TID) -> Bool { readers.isEmpty || readers.contains(tid) || tid == owner }
    func mayWrite(_ tid: TID) -> Bool { writers.isEmpty || writers.contains(tid) || tid == owner }

    /// The value of `key` at `now`, or nil (absent or expired).
    func value(_ key: String, now: UInt64) -> Value? {
        guard let value = values[key] else { return nil }
        if let ttl = timeToLive, let written = writtenAt[key], now &- written > ttl { return nil }
        return value
    }

    mutating func set(_ key: String, _ value: Value, now: UInt64) {
        values.set(.str(key), value)
        version &+= 1
        modified = now
        if timeToLive != nil { writtenAt[key] = now }
    }
}

/// The shared context of one process: its regions by name.
final class ProcessContext {
    var regions: [String: ContextRegion] = [:]

    /// The seed's standard regions every process has.
    static let standardNames = ["decision", "knowledge", "scoring", "coordination"]

    /// Default TTL of the `scoring` region: one minute.
    static let scoringTTL: UInt64 = 60_000_000_000

    /// A standard region as it starts.
    static func standard(_ name: String, owner: TID) -> ContextRegion {
        var region = ContextRegion(name: name, owner: owner)
        switch name {
        case "decision":
            region.values.set(.str("current"), .nil)
            region.values.set(.str("steps"), .list([]))
            region.values.set(.str("pending"), .list([]))
        case "scoring":
            region.timeToLive = scoringTTL
        default:
            break
        }
        return region
    }
}
