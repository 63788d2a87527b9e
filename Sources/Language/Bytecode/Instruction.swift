/// One bytecode instruction: an opcode and three 16-bit operands, 8 bytes in all.
public struct Instruction: Sendable, Equatable {
    /// The operation.
    public var op: Opcode
    /// First operand (usually the destination register).
    public var a: UInt16
    /// Second operand.
    public var b: UInt16
    /// Third operand.
    public var c: UInt16

    /// An operand that names no register (registers stop well below it).
    public static let noRegister = 0xFFFF

    /// An instruction with explicit operands.
    @inline(__always)
    public init(_ op: Opcode, _ a: Int = 0, _ b: Int = 0, _ c: Int = 0) {
        self.op = op
        self.a = UInt16(truncatingIfNeeded: a)
        self.b = UInt16(truncatingIfNeeded: b)
        self.c = UInt16(truncatingIfNeeded: c)
    }

    /// An instruction with a 32-bit operand `bx`/`sbx` in `b` (low) and `c` (high).
    public init(_ op: Opcode, _ a: Int, sbx: Int32) {
        let u = UInt32(bitPattern: sbx)
        self.init(op, a, Int(u & 0xFFFF), Int(u >> 16))
    }

    /// `b` and `c` as one signed 32-bit operand.
    @inline(__always)
    public var sbx: Int {
        Int(Int32(bitPattern: UInt32(b) | UInt32(c) << 16))
    }
}
