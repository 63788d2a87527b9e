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

    /// The clause's end goes straight back to the loop head, the message is bound without a copy,
    /// `send` reads both variables in place, and a receive without `after` loads no timeout.
    @Test func ringNodeForwardsWithoutMoves() throws {
        let code = try function("node", of: node).instructions
        #expect(!code.contains { $0.op == .move || $0.op == .loadnil })
        let send = try #require(code.firstIndex { $0.op == .send })
        let head = try #require(code.firstIndex { $0.op == .loadi })
        #expect(code[send - 1].op == .recvtake)
        #expect(code[send + 1].op == .jmp && send + 2 + code[send + 1].sbx == head)
        #expect(code[send].b == 0)  // `next`, the parameter
        let wait = try #require(code.first { $0.op == .recvwait })
        #expect(Int(wait.b) == Instruction.noRegister)
    }

    /// After `recvwait`, one test decides between scanning on and the `after` branch.
    @Test func waitIsFollowedByOneTest() throws {
        let code = try function("node", of: node).instructions
        let wait = try #require(code.firstIndex { $0.op == .recvwait })
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
        #expect(text.contains("; forever"))
        #expect(text.contains("; scan on unless timed out"))
        let timed = """
            orchestrator t version "1.0.0"
            fn main(args) { receive { _ => return 1
              after 50 => return 2 } }
            """
        let main = try #require(try Compiler.compile(source: timed, file: "t.orch").main)
        #expect(Disassembler.disassemble(main, in: nil).contains("; at most R1 ms"))
    }
}
