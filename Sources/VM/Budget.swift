import Language

/// Runs `body` with a copy of the reduction budget `remaining` and writes the copy back, also
/// when `body` throws.
///
/// The dispatch loop passes its budget to out-of-line work (arithmetic on strings and lists,
/// the slow instructions) through this copy: were the loop's own variable passed `inout`, its
/// address would escape and the compiler would keep it in memory, loading and storing it on
/// every instruction.
@inline(__always)
func spending<T>(_ remaining: inout Int, _ body: (inout Int) throws(VMError) -> T) throws(VMError) -> T {
    var copy = remaining
    defer { remaining = copy }
    return try body(&copy)
}

extension VMThread {
    /// `arithmetic`, charged to a copy of the dispatch loop's budget (see `spending`).
    @inline(__always)
    func arithmetic(_ op: Opcode, _ x: Value, _ y: Value, budget remaining: inout Int) throws(VMError)
        -> Value
    {
        try spending(&remaining) { (cost) throws(VMError) in try arithmetic(op, x, y, &cost) }
    }

    /// `slowOp`, charged to a copy of the dispatch loop's budget (see `spending`).
    @inline(__always)
    func slowOp(_ i: Instruction, base: Int, budget remaining: inout Int) throws(VMError) -> SlowResult {
        try spending(&remaining) { (cost) throws(VMError) in try slowOp(i, base: base, remaining: &cost) }
    }
}
