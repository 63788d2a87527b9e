import Language
import Testing

/// The compile errors of `source`, as printed.
private func errors(_ source: String, header: Bool = true) -> [String] {
    let text = header ? "orchestrator t version \"1.0.0\"\n" + source : source
    do {
        _ = try Compiler.compile(source: text, file: "t.orch")
        return []
    } catch {
        return error.errors.map(\.description)
    }
}

@Suite struct CompileErrorTests {
    @Test func formatIsFileLineColumnMessage() {
        #expect(
            errors("fn main() {\n  let = 3\n}") == ["t.orch:3:7: error: expected a variable name, found '='"])
    }

    @Test func headerIsRequiredAndChecked() {
        #expect(
            errors("fn main() {}", header: false).first?.contains(
                "expected a header 'orchestrator NAME version") == true)
        #expect(
            errors("orchestrator x version \"1.0\"\nfn main() {}", header: false)
                == [
                    "t.orch:1:24: error: version \"1.0\" is not a semantic version (expected \"MAJOR.MINOR.PATCH\")"
                ])
        #expect(
            errors("service x \"1.0.0\"\nfn main() {}", header: false).first?.contains("expected 'version")
                == true)
        var options = CompileOptions()
        options.requireHeader = false
        options.requireMain = false
        #expect((try? Compiler.compile(source: "fn f() { return 1 }", file: "x", options: options)) != nil)
    }

    @Test func programMetadata() throws {
        let p = try Compiler.compile(
            source: "service payments.api version \"2.1.0-beta\"\nfn main(args) { }\nfn other() {}",
            file: "p.orch")
        #expect(p.name == "payments.api")
        #expect(p.version == "2.1.0-beta")
        #expect(p.kind == .service)
        #expect(p.file == "p.orch")
        #expect(p.main?.arity == 1)
        #expect(p.functionIndex(named: "other") == 1)
        #expect(p.function(named: "nope") == nil)
        #expect(p.mainArguments(["a"]) == [["a"]])
    }

    @Test func recoversAndReportsSeveralErrors() {
        let e = errors(
            "fn main() {\n  let = 1\n  var x = )\n  return 1 +\n}\nfn g( {\n}\nfn h() { return 2 }")
        #expect(e.count >= 3)
        #expect(e[0].hasPrefix("t.orch:3:"))
        #expect(e[1].hasPrefix("t.orch:4:"))
    }

    @Test func manyErrorsAreSummarised() {
        let body = (0..<30).map { _ in "  let = 1" }.joined(separator: "\n")
        let text = "orchestrator t version \"1.0.0\"\nfn main() {\n\(body)\n}"
        do {
            _ = try Compiler.compile(source: text, file: "t.orch")
            Issue.record("expected errors")
        } catch {
            #expect(error.errors.count == 30)
            let lines = error.description.split(separator: "\n")
            #expect(lines.count == 21)
            #expect(lines.last == "and 10 more")
        }
    }

    @Test func semanticErrors() {
        let cases: [(String, String)] = [
            ("fn main() { foo(1) }", "unknown function 'foo'"),
            ("fn main() { return x }", "unknown name 'x'"),
            ("fn main() { let x = 1\n x = 2 }", "cannot assign to 'x': it is a constant"),
            ("fn main() { let xs = []\n xs.append(1) }", "cannot modify 'xs': it is a constant"),
            ("fn main() { break }", "'break' outside of a loop"),
            ("fn main() { continue }", "'continue' outside of a loop"),
            ("fn f() {}\nfn f() {}\nfn main() {}", "function 'f' is declared twice"),
            ("fn f(a) {}\nfn main() { f(1, 2) }", "'f' takes 1 argument, but 2 given"),
            ("fn main() { len(1, 2) }", "'len' takes 1 argument, but 2 given"),
            ("fn main() { send(1) }", "'send' takes 2 arguments, but 1 given"),
            ("fn main() { ctx.frobnicate(1) }", "unknown context operation 'ctx.frobnicate'"),
            ("fn main() { ctx.update(1, 2) }", "'ctx.update' takes 3 arguments"),
            ("fn main() { let f = len }", "'len' is a builtin and cannot be used as a value"),
            ("fn main() { let a = 1\n let a = 2 }", "'a' is already declared in this scope"),
            ("fn main() { 1 + 2 }", "this expression does nothing"),
            ("fn other() {}", "the program has no 'fn main(args)'"),
            ("fn main(a, b) {}", "'main' takes at most one parameter"),
            ("fn main() { receive { {a, a} => 1 } }", "'a' is bound twice in this pattern"),
            ("fn main() { 1 < 2 < 3 }", "comparisons cannot be chained"),
            ("fn main() { fn inner() {} }", "named functions must be declared at top level"),
            ("fn main() { receive { after 1 => 1\n 2 => 3 } }", "the 'after' clause must come last"),
            ("fn main() { receive { } }", "a receive needs at least one clause"),
            ("fn main() { 1 = 2 }", "cannot assign to this expression"),
            ("let x = 1", "expected 'fn' at top level, found 'let'"),
            (
                "fn main() { let x = 1 let y = 2 }",
                "expected a line break or ';' after the statement, found 'let'"
            ),
            ("fn main() { thread 5 }", "expected '(' with arguments after 'thread"),
            ("fn main() { let s = \"abc }", "unterminated string literal"),
            ("fn main() { /* never closed }", "unterminated comment"),
            ("fn main() { let x = 99999999999999999999 }", "integer literal is too large"),
            ("fn main() { let x = 1 @ 2 }", "unexpected character '@'"),
            ("fn main() { let x = \"\\q\" }", "unknown escape '\\q'"),
            ("fn main() { let x = \"\\()\" }", "empty interpolation"),
            ("fn main() { let x = 12abc }", "malformed number literal"),
            ("fn main() { try { } }", "expected 'catch' after the try block"),
        ]
        for (source, message) in cases {
            let e = errors(source)
            #expect(e.contains { $0.contains(message) }, "\(source) → \(e)")
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        for open in ["(", "[", "{a: ", "-", "!", "fn() { return "] {
            let deep = String(repeating: open, count: 10_000)
            let e = errors("fn main() { let x = \(deep)1 }")
            #expect(e.contains { $0.contains("nesting is too deep") }, "\(open)")
        }
        let blocks = String(repeating: "if true { ", count: 10_000)
        #expect(errors("fn main() { \(blocks) }").contains { $0.contains("nesting is too deep") })
        let chain = (0..<10_000).map(String.init).joined(separator: " + ")
        #expect(errors("fn main() { let x = \(chain) }").contains { $0.contains("nesting is too deep") })
        let elses = String(repeating: "if false { } else ", count: 5_000) + "{ }"
        #expect(errors("fn main() { \(elses) }").contains { $0.contains("nesting is too deep") })
    }

    @Test func garbageGivesErrors() {
        var bytes: [UInt8] = []
        var seed: UInt64 = 42
        for _ in 0..<5000 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes.append(UInt8(truncatingIfNeeded: seed >> 33))
        }
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(!errors(text, header: false).isEmpty)
        #expect(!errors("fn main() { \(text) }").isEmpty)
    }

    @Test func hugeLiteralsCompile() throws {
        let list = "[" + (0..<20_000).map(String.init).joined(separator: ", ") + "]"
        let p = try Compiler.compile(
            source: "orchestrator t version \"1.0.0\"\nfn main() { let x = \(list) }", file: "t")
        #expect(p.main != nil)
        let longString = String(repeating: "x", count: 1_000_000)
        #expect(errors("fn main() { let s = \"\(longString)\" }").isEmpty)
    }
}
