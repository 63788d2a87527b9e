import Language

/// An event's message as its record in the log keeps it: absent, a scalar (its kind and its
/// 64 bits), or kept elsewhere (a value that holds a reference: see ``EventExtra``).
///
/// A `Value?` in the record would make it hold a reference the ring must destroy when it
/// overwrites the record, and take 16 bytes; the messages of a message ring are scalars.
struct InlineValue {
    enum Tag: UInt8 {
        case absent, `nil`, bool, int, float, pid, tid
        /// The value is the event's ``EventExtra/message``.
        case elsewhere
    }

    // Bits first: in a record, the tag then shares a word with the record's other bytes.
    var bits: UInt64
    var tag: Tag

    static let absent = InlineValue(tag: .absent, bits: 0)
    static let elsewhere = InlineValue(tag: .elsewhere, bits: 0)

    private init(tag: Tag, bits: UInt64) {
        self.bits = bits
        self.tag = tag
    }

    /// `value` if it is absent or a scalar; nil if it holds a reference.
    @inline(__always)
    init?(_ value: Value?) {
        guard let value else {
            self = .absent
            return
        }
        switch value {
        case .nil: self.init(tag: .nil, bits: 0)
        case .bool(let flag): self.init(tag: .bool, bits: flag ? 1 : 0)
        case .int(let number): self.init(tag: .int, bits: UInt64(bitPattern: number))
        case .float(let number): self.init(tag: .float, bits: number.bitPattern)
        case .pid(let number): self.init(tag: .pid, bits: UInt64(bitPattern: number))
        case .tid(let number): self.init(tag: .tid, bits: UInt64(bitPattern: number))
        case .string, .list, .map, .function: return nil
        }
    }

    /// The value; `kept` is the one kept beside the record, when ``tag`` says so.
    func value(kept: @autoclosure () -> Value?) -> Value? {
        switch tag {
        case .absent: nil
        case .nil: .nil
        case .bool: .bool(bits != 0)
        case .int: .int(Int64(bitPattern: bits))
        case .float: .float(Double(bitPattern: bits))
        case .pid: .pid(Int64(bitPattern: bits))
        case .tid: .tid(Int64(bitPattern: bits))
        case .elsewhere: kept()
        }
    }
}
