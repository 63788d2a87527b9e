import Language
import Testing
import VM

/// Errors raised by every kind of instruction that can fail, deep in nested calls after the
/// frames and registers have grown: `try`/`catch` gets the right kind and line, and the
/// catching frame's registers are intact. (The dispatch loop keeps the frame stack in the
/// thread and writes the pc back only when an error leaves it: this checks that every throw
/// site leaves the thread consistent.)
@Suite struct ErrorLineTests {
    /// The failing statement (line 4), the opcode it must compile to, its arguments, the kind.
    static let cases: [(statement: String, opcode: String, x: String, y: String, kind: String)] = [
        ("let z = x + y", "add", "9223372036854775807", "1", "arith"),
        ("let z = x + y", "add", "1", "\"a\"", "type"),
        ("let z = x - y", "sub", "-9223372036854775807", "2", "arith"),
        ("let z = x + 1", "addk", "9223372036854775807", "0", "arith"),
        ("let z = x + 1", "addk", "nil", "0", "type"),
        ("let z = x - 2", "subk", "-9223372036854775807", "0", "arith"),
        ("let z = x * y", "mul", "9223372036854775807", "2", "arith"),
        ("let z = x * 2", "mulk", "9223372036854775807", "0", "arith"),
        ("let z = x * 2", "mulk", "nil", "0", "type"),
        ("let z = x / y", "div", "1", "0", "arith"),
        ("let z = x % y", "mod", "1", "0", "arith"),
        ("let z = x / 2", "divk", "\"a\"", "0", "type"),
        ("let z = x % 2", "modk", "\"a\"", "0", "type"),
        ("let z = x < y", "lt", "1", "\"a\"", "type"),
        ("let z = x <= y", "le", "1", "\"a\"", "type"),
        ("if x < y { pad = 1 }", "jlt", "1", "\"a\"", "type"),
        ("if x <= y { pad = 1 }", "jle", "1", "\"a\"", "type"),
        ("if x < 5 { pad = 1 }", "jltk", "\"a\"", "0", "type"),
        ("if x <= 5 { pad = 1 }", "jlek", "\"a\"", "0", "type"),
        ("if x > 5 { pad = 1 }", "jgtk", "\"a\"", "0", "type"),
        ("if x >= 5 { pad = 1 }", "jgek", "\"a\"", "0", "type"),
        ("for i in x..<y { pad = i }", "forprep", "\"a\"", "1", "type"),
        ("for i in x...y { pad = i }", "forprep", "0", "9223372036854775807", "arith"),
        ("let z = x(1)", "callv", "5", "0", "type"),
        ("let z = -x", "neg", "\"a\"", "0", "type"),
        ("let z = x.f", "field", "nil", "0", "type"),
        ("let z = x[y]", "index", "[]", "3", "index"),
        ("throw y", "throwvalue", "0", "{kind: \"mine\", message: \"m\"}", "mine"),
        ("let z = send(x, y)", "send", "0", "1", "refused"),
        ("let z = spawn(x)", "syscall", "\"p\"", "0", "refused"),
    ]

    static func source(_ statement: String, x: String, y: String) -> String {
        """
        orchestrator errors version "1.0.0"
        fn bad(x, y) {
          var pad = 0
          \(statement)
          return pad
        }
        fn deep(n, x, y) {
          if n == 0 { return bad(x, y) }
          let keep = [n, n]
          let got = deep(n - 1, x, y)
          return [got, keep]
        }
        fn main() {
          let before = "kept"
          try { deep(12, \(x), \(y)) } catch e { return [e.kind, e.line, before] }
          return "no error"
        }
        """
    }

    static func refusingHost() -> TestHost {
        let host = TestHost()
        host.answer = { _, _ in .fail(kind: "refused", message: "not here") }
        return host
    }

    @Test(arguments: cases)
    func caughtWithItsLine(statement: String, opcode: String, x: String, y: String, kind: String) throws {
        let source = Self.source(statement, x: x, y: y)
        let program = try compile(source)
        let bad = program.functions.first { $0.name == "bad" }!
        #expect(
            bad.instructions.contains { String(describing: $0.op) == opcode },
            "\(statement) compiles to \(opcode)")
        let (outcome, _) = try runProgram(source, host: Self.refusingHost())
        #expect(outcome == .finished([.str(kind), .int(4), "kept"]), "\(statement) with \(x), \(y)")
    }

    @Test(arguments: cases)
    func uncaughtWithItsLine(statement: String, opcode: String, x: String, y: String, kind: String) throws {
        let source = Self.source(statement, x: x, y: y).replacingOccurrences(
            of: "try { deep(12, \(x), \(y)) } catch e { return [e.kind, e.line, before] }",
            with: "deep(12, \(x), \(y))")
        let (outcome, _) = try runProgram(source, host: Self.refusingHost())
        guard case .failed(let f) = outcome else {
            Issue.record("\(statement): expected failure, got \(outcome)")
            return
        }
        #expect(f.kind == kind && f.line == 4 && f.file == "test.orch", "\(statement): \(f)")
    }

    /// A handler in a middle frame catches, and the calls and returns after it work on.
    @Test func caughtInAMiddleFrameThenRunsOn() throws {
        let (outcome, _) = try runProgram(
            """
            fn bad(n) { return n / 0 }
            fn middle(n) {
              try { return bad(n) } catch e { return e.line * 100 + n }
            }
            fn deep(n) {
              if n == 0 { return middle(7) }
              return deep(n - 1) + 1
            }
            fn main() {
              var total = 0
              for i in 0..<3 { total = total + deep(10) }
              return total
            }
            """)
        #expect(outcome == .finished(.int(3 * (200 + 7 + 10))))
    }
}
