import Language
import Testing

/// The bytecode of receive loops: threaded jumps, no needless moves or loads.
@Suite struct ReceiveCodeTests {
    /// A ring node: forward every token to `next` until "stop".
    let node = """
        orchestrator ring version "1.0.0"
        fn main(args) { return node(nil) }
        fn node(next) {
          loop {
            receive {
              "stop" => return 0
              token => send(next, token)
            }
          }
        }
        """

    private func function(_ name: String, of source: String) throws -> Function {
        let program = try Compiler.compile(source: source, file: "t.orch")
        return try #require(program.function(named: name))
    }

    @Test func noJumpLandsOnAJump() throws {
        let nested = """
            orchestrator t version "1.0.0"
            fn main(args) {
              var n = 0
              while n < 10 {
                if n % 2 == 0 { n += 1 } else { if n > 5 { n += 3 } else { n += 2 } }
                for i in 0..<3 { if i == 1 { continue } }
                loop { receive { _ => break } }
              }
              return n
            }
            """
        for source in [node, nested] {
            for f in try Compiler.compile(source: source, file: "t.orch").functions {
                let code = f.instructions
                for (pc, i) in code.enumerated() where i.op == .jmp {
                    let target = pc + 1 + i.sbx
                    #expect(code[target].op != .jmp, "\(f.name) \(pc): jumps to the jump at \(target)")
                }
            }
        }
    }

    /// A server loop whose last clause takes any message: the message is taken at once
    /// (`recvfirst`, no scan), bound without a copy, `send` reads both variables in place,
    /// and the clause's end goes straight back to the `recvfirst`.
    @Test func ringNodeForwardsWithoutMoves() throws {
        let code = try function("node", of: node).instructions
        #expect(!code.contains { $0.op == .move || $0.op == .loadnil })
        #expect(!code.contains { [.recvpeek, .recvtake, .recvwait, .recvcursor].contains($0.op) })
        let send = try #require(code.firstIndex { $0.op == .send })
        let head = try #require(code.firstIndex { $0.op == .recvfirst })
        #expect(code[send + 1].op == .jmp && send + 2 + code[send + 1].sbx == head)
        #expect(code[send].b == 0)  // `next`, the parameter
        #expect(code[send].c == code[head].a)  // the message register itself
    }

    /// Which receives take the first message, and which scan the mailbox.
    @Test func onlyAReceiveThatTakesAnyMessageSkipsTheScan() throws {
        func form(_ clauses: String) throws -> Opcode {
            let source = "orchestrator t version \"1.0.0\"\nfn main(args) { receive { \(clauses) } }"
            let code = try function("main", of: source).instructions
            return code.contains { $0.op == .recvfirst } ? .recvfirst : .recvpeek
        }
        #expect(try form("m => return m") == .recvfirst)
        #expect(try form("_ => return 1") == .recvfirst)
        let patternsFirst = "\"a\" => return 1\n [x, y] => return x\n {k} => return k\n _ => return 2"
        #expect(try form(patternsFirst) == .recvfirst)
        #expect(try form("m => return 1\n n when n > 1 => return 2") == .recvfirst)
        #expect(try form("\"a\" => return 1") == .recvpeek)
        #expect(try form("m when m > 1 => return m") == .recvpeek)
        #expect(try form("n when n > 1 => return 1\n m => return m") == .recvpeek)
        #expect(try form("m => return m\n after 10 => return 0") == .recvpeek)
    }

    /// After `recvwait`, one test decides between scanning on and the `after` branch.
    @Test func waitIsFollowedByOneTest() throws {
        let selective = """
            orchestrator t version "1.0.0"
            fn main(args) {
              loop {
                receive {
                  "stop" => return 0
                  [a, b] => send(a, b)
                }
              }
            }
            """
        let code = try function("main", of: selective).instructions
        let wait = try #require(code.firstIndex { $0.op == .recvwait })
        #expect(Int(code[wait].b) == Instruction.noRegister)  // no `after`: no timeout loaded
        #expect(code[wait + 1].op == .recvcursor)
        #expect(code[wait + 2].op == .jmp)
        #expect(code[wait + 3 + code[wait + 2].sbx].op == .recvpeek)
    }

    @Test func guardedBindingCopiesTheMessage() throws {
        let source = """
            orchestrator t version "1.0.0"
            fn main(args) { receive { m when len(m) > 1 => return m } }
            """
        #expect(try function("main", of: source).instructions.contains { $0.op == .move })
    }

    /// `send(xs, xs.remove(0))`: the target is copied before the message can change it.
    @Test func sendCopiesATargetTheMessageCouldChange() throws {
        let source = """
            orchestrator t version "1.0.0"
            fn main(args) { var xs = [1, 2]
              send(xs, xs.remove(0)) }
            """
        let code = try function("main", of: source).instructions
        let send = try #require(code.first { $0.op == .send })
        #expect(send.b != 1)  // not `xs` itself
    }

    @Test func disassemblerExplainsTheReceiveInstructions() throws {
        let program = try Compiler.compile(source: node, file: "t.orch")
        let text = Disassembler.disassemble(try #require(program.function(named: "node")), in: program)
        #expect(text.contains("; send(R0, R"))
        #expect(text.contains("; first message, or wait"))
        let selective = """
            orchestrator t version "1.0.0"
            fn main(args) { receive { "x" => return 0 } }
            """
        let scanning = Disassembler.disassemble(
            try #require(try Compiler.compile(source: selective, file: "t.orch").main), in: nil)
        #expect(scanning.contains("; forever"))
        #expect(scanning.contains("; scan on unless timed out"))
        let timed = """
            orchestrator t version "1.0.0"
            fn main(args) { receive { _ => return 1
              after 50 => return 2 } }
            """
        let main = try #require(try Compiler.compile(source: timed, file: "t.orch").main)
        #expect(Disassembler.disassemble(main, in: nil).contains("; at most R1 ms"))
    }
}
