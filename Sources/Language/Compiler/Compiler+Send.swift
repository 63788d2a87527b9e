/// Code generation for `send(to, msg)`, the most frequent kernel call.
extension Compiler {
    /// Emits one `send` instruction that reads its arguments where they are: a variable in its
    /// own register, anything else in a new temporary (evaluated in order, target first).
    mutating func send(_ args: [Expr], into dst: Int, at loc: SourceLocation) {
        // A variable target is read in place only if evaluating the message cannot change it:
        // `send(xs, xs.pop())` must send the list as it was before the pop.
        let target = isPlain(args[1]) ? operand(args[0]) : temporary(args[0])
        let message = operand(args[1])
        current.location = loc
        current.emit(Instruction(.send, dst, target, message))
    }

    /// Whether evaluating `e` has no effect: a literal or a name.
    private func isPlain(_ e: Expr) -> Bool {
        switch e {
        case .literal, .name: return true
        default: return false
        }
    }

    /// `e` evaluated into a new temporary register.
    private mutating func temporary(_ e: Expr) -> Int {
        let r = current.allocate()
        expr(e, into: r)
        return r
    }
}
