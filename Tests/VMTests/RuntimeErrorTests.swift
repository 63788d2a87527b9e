import Language
import Testing
import VM

@Suite struct RuntimeErrorTests {
    @Test func kindsAndMessages() throws {
        let cases: [(String, String, String)] = [
            ("let x = 1 + \"a\"", "type", "cannot apply '+' to int and string"),
            ("let x = 1 / 0", "arith", "division by zero"),
            ("let x = 1 % 0", "arith", "division by zero (modulo)"),
            ("let x = 9223372036854775807 + 1", "arith", "integer overflow"),
            ("let x = 9223372036854775807 * 2", "arith", "integer overflow"),
            ("let x = -9223372036854775807 - 2", "arith", "integer overflow"),
            ("let x = [1, 2][2]", "index", "index 2 is out of range (list has 2 elements)"),
            ("let x = 1 < \"a\"", "type", "cannot compare int with string"),
            ("let x = nil.f", "type", "cannot read field 'f' of nil"),
            ("let x = 5\nlet y = x(1)", "type", "cannot call int"),
            ("let f = fn(a) { return a }\nlet y = f()", "type", "takes 1 argument, but 0 given"),
            ("var s = \"abc\"\ns[0] = \"x\"", "type", "cannot set an element of string"),
            ("for x in 5 { }", "type", "cannot iterate over int"),
            ("for x in 0..<\"a\" { }", "type", "a range needs ints"),
            ("throw {kind: \"mine\", message: \"custom\"}", "mine", "custom"),
            ("throw 42", "error", "42"),
        ]
        for (body, kind, message) in cases {
            let f = try failure(body)
            #expect(f?.kind == kind, "\(body)")
            #expect(f?.message.contains(message) == true, "\(body): \(f?.message ?? "no failure")")
        }
    }

    @Test func failureNamesFileAndLine() throws {
        let (outcome, _) = try runProgram(
            """
            orchestrator crash version "1.0.0"
            fn main() {
              let xs = []
              return xs[3]
            }
            """)
        guard case .failed(let f) = outcome else {
            Issue.record("expected failure, got \(outcome)")
            return
        }
        #expect(f.reason == "test.orch:4: index 3 is out of range (list has 0 elements)")
        #expect(f.line == 4)
        #expect(f.file == "test.orch")
    }

    @Test func caughtErrorIsAMap() throws {
        #expect(
            try result("try { let x = 1 / 0 } catch e { return e }")
                == ["kind": "arith", "message": "division by zero", "file": "test.orch", "line": 3])
    }

    @Test func missingKeysReadNil() throws {
        #expect(try result("let m = {}\nreturn [m.a, m[\"b\"], m[1]]") == [.nil, .nil, .nil])
    }

    @Test func deepRecursionIsAStackError() throws {
        let (outcome, _) = try runProgram(
            "fn f(n) { return f(n + 1) + 1 }\nfn main() { return f(0) }", budget: 50_000_000)
        guard case .failed(let f) = outcome else {
            Issue.record("expected failure, got \(outcome)")
            return
        }
        #expect(f.kind == "stack")
    }

    @Test func stackErrorIsCatchable() throws {
        let (outcome, _) = try runProgram(
            "fn f(n) { return f(n + 1) }\nfn main() { try { f(0) } catch e { return e.kind } }",
            budget: 50_000_000)
        #expect(outcome == .finished("stack"))
    }

    @Test func outOfMemoryTerminates() throws {
        let host = TestHost()
        host.memoryLimit = 100_000
        let (outcome, _) = try runProgram(
            "fn main() { var xs = []\nloop { xs.append(\"some text here\") } }", host: host,
            budget: 50_000_000)
        #expect(outcome == .terminated)
        #expect(host.allocated > 100_000)
    }
}

@Suite struct NestingLimitTests {
    @Test func deeplyNestedValuesAreRefused() throws {
        for body in [
            "var x = []\nloop { x = [x] }",
            "var x = {}\nloop { x = {a: x} }",
            "var x = []\nloop { var y = []\ny.append(x)\nx = y }",
            "var x = []\nloop { var m = {}\nm.k = x\nx = m }",
            "var f = fn() { return 1 }\nloop { let g = f\nf = fn() { return g } }",
        ] {
            let f = try failure(body)
            #expect(f?.kind == "quota", "\(body)")
            #expect(f?.message.contains("nested too deeply") == true, "\(body)")
        }
    }

    @Test func reasonableNestingIsFine() throws {
        #expect(try result("var x = []\nfor i in 0..<150 { x = [x] }\nreturn len(x)") == 1)
    }
}
