/// Prints bytecode: the "machine code" view of a program.
///
/// One line per instruction: pc, opcode, operands, a comment (constant, jump target, callee)
/// and the source line, e.g. `   3  call      1 1 0      ; fib  [line 4]`.
public enum Disassembler {
    /// The whole program: a header, then every function.
    public static func disassemble(_ program: Program) -> String {
        var out = "; \(program.kind.rawValue) \(program.name) version \(program.version) (\(program.file))\n"
        for f in program.functions {
            out += "\n" + disassemble(f, in: program)
        }
        return out
    }

    /// One function: a header line, then its instructions.
    public static func disassemble(_ function: Function, in program: Program?) -> String {
        var out = "fn \(function.name) (index \(function.index), \(function.arity) params, "
        out += "\(function.captureCount) captures, \(function.registerCount) registers, "
        out += "\(function.instructions.count) instructions, \(function.constants.count) constants)\n"
        for pc in function.instructions.indices {
            out += line(function, pc: pc, program: program) + "\n"
        }
        return out
    }

    /// One instruction, formatted.
    public static func line(_ f: Function, pc: Int, program: Program?) -> String {
        guard f.instructions.indices.contains(pc) else { return "\(pc): <out of range>" }
        let i = f.instructions[pc]
        let name = String(describing: i.op)
        var operands: String
        var comment = ""
        func k(_ n: UInt16) -> String {
            Int(n) < f.constants.count ? f.constants[Int(n)].repr : "?"
        }
        switch i.op {
        case .loadk:
            operands = "\(i.a) \(i.sbx)"
            comment = i.sbx >= 0 && i.sbx < f.constants.count ? f.constants[i.sbx].repr : "?"
        case .loadi:
            operands = "\(i.a) \(i.sbx)"
        case .jmp, .forloop, .tryenter:
            operands = "\(i.a) \(i.sbx)"
            comment = "to \(pc + 1 + i.sbx)"
        case .addk, .subk, .mulk, .divk, .modk, .field, .jltk, .jlek, .jgtk, .jgek, .jeqk, .matchkey:
            operands = "\(i.a) \(i.b) \(i.c)"
            comment = k(i.c)
        case .setfield:
            operands = "\(i.a) \(i.b) \(i.c)"
            comment = k(i.b)
        case .call, .function, .closure:
            operands = "\(i.a) \(i.b) \(i.c)"
            let target = i.op == .call ? Int(i.c) : Int(i.b)
            if let p = program, p.functions.indices.contains(target) { comment = p.functions[target].name }
        case .builtin, .mutate:
            operands = "\(i.a) \(i.b) \(i.c)"
            comment = Builtin(rawValue: i.c)?.name ?? "?"
        case .mutpath:
            operands = "\(i.a) \(i.b) \(i.c)"
            comment = (Builtin(rawValue: i.c & 0xFF)?.name ?? "?") + " via \(i.c >> 8) keys"
        case .syscall:
            operands = "\(i.a) \(i.b) \(i.c)"
            comment = KernelCall(rawValue: i.c)?.name ?? "?"
        case .send:
            operands = "\(i.a) \(i.b) \(i.c)"
            comment = "send(R\(i.b), R\(i.c))"
        case .recvwait:
            operands = "\(i.a) \(i.b) \(i.c)"
            comment = Int(i.b) == Instruction.noRegister ? "forever" : "at most R\(i.b) ms"
        case .recvcursor:
            operands = "\(i.a) \(i.b) \(i.c)"
            comment = "scan on unless timed out"
        case .recvfirst:
            operands = "\(i.a) \(i.b) \(i.c)"
            comment = "first message, or wait"
        case .recvtake:
            operands = "\(i.a) \(i.b) \(i.c)"
            comment = "if gone, rescan at \(pc - (Int(i.a) << 16 | Int(i.c)))"
        default:
            operands = "\(i.a) \(i.b) \(i.c)"
        }
        var text = pad(String(pc), 5, right: true) + "  " + pad(name, 10) + pad(operands, 14)
        if !comment.isEmpty {
            text += "; " + (comment.count > 40 ? String(comment.prefix(37)) + "..." : comment)
        }
        return pad(text, 64) + "[line \(f.line(at: pc))]"
    }

    private static func pad(_ s: String, _ n: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, n - s.count))
        return right ? fill + s : s + fill
    }
}
