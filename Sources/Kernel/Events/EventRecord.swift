import Language

/// An event as the log's ring keeps it: plain data in 56 bytes, where a ``KernelEvent`` takes
/// 120 with a string, a `Value?` and four optionals.
///
/// Every event of a message ring is written and, 10,000 events later, overwritten without being
/// read: a record half the size halves the memory those writes sweep (the default log then
/// fits the core's 1 MB second-level cache), and holding no reference it is overwritten with
/// a store. Its number is not kept (it follows from its place in the ring); the optional
/// numbers are kept with a bit each in ``fields``; a detail, or a message that holds a
/// reference, is kept beside it (``EventExtra``). ``event(sequence:extra:)`` makes the public
/// event when the log is read.
struct EventRecord {
    /// Which of the optional parts the event has.
    struct Fields: OptionSet {
        let rawValue: UInt8
        static let tid = Fields(rawValue: 1 << 0)
        static let peer = Fields(rawValue: 1 << 1)
        static let correlation = Fields(rawValue: 1 << 2)
        /// It has an ``EventExtra`` (a detail, or its message).
        static let extra = Fields(rawValue: 1 << 3)
    }

    var time: UInt64
    var pid: PID
    /// Meaningful when ``fields`` has it (else 0), as are ``peer`` and ``correlation``.
    var tid: TID
    var peer: Int
    var correlation: UInt64
    var message: InlineValue
    var kind: KernelEvent.Kind
    var fields: Fields

    @inline(__always)
    init(
        time: UInt64, kind: KernelEvent.Kind, pid: PID, tid: TID?, peer: Int?, correlation: UInt64?,
        message: InlineValue, hasExtra: Bool
    ) {
        var fields: Fields = hasExtra ? .extra : []
        if tid != nil { fields.insert(.tid) }
        if peer != nil { fields.insert(.peer) }
        if correlation != nil { fields.insert(.correlation) }
        self.time = time
        self.pid = pid
        self.tid = tid ?? 0
        self.peer = peer ?? 0
        self.correlation = correlation ?? 0
        self.message = message
        self.kind = kind
        self.fields = fields
    }

    /// The public event, numbered `sequence`; `extra` is its ``EventExtra`` if ``fields`` has one.
    func event(sequence: UInt64, extra: EventExtra?) -> KernelEvent {
        KernelEvent(
            sequence: sequence, time: time, kind: kind, pid: pid, tid: fields.contains(.tid) ? tid : nil,
            peer: fields.contains(.peer) ? peer : nil, detail: extra?.detail ?? "",
            correlation: fields.contains(.correlation) ? correlation : nil,
            message: message.value(kept: extra?.message))
    }
}

/// What an event keeps beside its ``EventRecord``: its detail and a message that holds a
/// reference. Few events have one (spawns, exits, signals: not a message's send or receive).
struct EventExtra {
    let detail: String
    let message: Value?
}
