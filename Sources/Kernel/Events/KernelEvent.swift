import Language

/// One entry of the kernel's append-only event log.
public struct KernelEvent: Sendable, Equatable {
    /// What happened.
    public enum Kind: String, Sendable, CaseIterable {
        case spawn, exit, reap
        case threadStart = "thread-start"
        case threadEnd = "thread-end"
        case signal, suspend, resume, renice
        case send, receive, publish, request, reply
        case contextWrite = "ctx-write"
        case deadlock
        case tool
        case deadLetter = "dead-letter"
        case restart
        case giveUp = "give-up"
        case policy
        case quota
    }

    /// Position in the log, from 1.
    public var sequence: UInt64
    /// Kernel time in nanoseconds since boot (virtual in deterministic mode).
    public var time: UInt64
    public var kind: Kind
    public var pid: PID
    public var tid: TID?
    /// The other party: the child of a spawn, the receiver of a send, …
    public var peer: Int?
    /// Free text: an exit reason, a signal name, an executable reference.
    public var detail: String
    /// The message id of a send or receive, or the correlation id of a request or reply.
    public var correlation: UInt64?
    /// The message of a send (kept for provenance and sequence charts).
    public var message: Value?

    /// `12.345ms spawn pid=3 peer=4 counter@1.0.0`.
    public var description: String {
        var line = "\(formatMilliseconds(time)) \(kind.rawValue) pid=\(pid)"
        if let tid { line += " tid=\(tid)" }
        if let peer { line += kind == .contextWrite ? " v=\(peer)" : " peer=\(peer)" }
        if let correlation {
            line += kind == .send || kind == .receive ? " msg=\(correlation)" : " corr=\(correlation)"
        }
        if !detail.isEmpty { line += " " + detail }
        return line
    }
}

/// `12.345ms`.
func formatMilliseconds(_ nanoseconds: UInt64) -> String {
    let micros = nanoseconds / 1000
    let fraction = String(micros % 1000)
    return "\(micros / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)ms"
}
