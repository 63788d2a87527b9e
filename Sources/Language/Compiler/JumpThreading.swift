/// A peephole pass: every `jmp` whose target is another `jmp` is pointed at the end of the chain.
///
/// A `jmp` that control reaches by jumping to it always jumps (a test never runs the `jmp`
/// after it: it takes that jump's target or skips it), so following the chain changes no
/// behaviour and saves one dispatch per link: e.g. the end of a `receive` clause inside a
/// `loop` goes straight back to the loop head instead of through the jump after the `receive`.
/// No instruction is removed or moved, so every other offset stays valid.
enum JumpThreading {
    /// Threads every jump of `code` in place.
    static func thread(_ code: inout [Instruction]) {
        for pc in code.indices where code[pc].op == .jmp {
            let target = finalTarget(of: pc + 1 + code[pc].sbx, in: code)
            code[pc] = Instruction(.jmp, Int(code[pc].a), sbx: Int32(target - (pc + 1)))
        }
    }

    /// Where control ends up when it jumps to `target`: past every `jmp` in a row. A cycle of
    /// jumps (an empty endless loop) stops after as many links as there are instructions.
    private static func finalTarget(of target: Int, in code: [Instruction]) -> Int {
        var target = target
        var links = 0
        while code.indices.contains(target), code[target].op == .jmp, links < code.count {
            target += 1 + code[target].sbx
            links += 1
        }
        return target
    }
}
