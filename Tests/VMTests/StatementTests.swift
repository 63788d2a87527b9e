import Language
import Testing
import VM

@Suite struct StatementTests {
    @Test func letAndVar() throws {
        #expect(try result("let a = 1\nvar b = 2\nb = b + a\nreturn b") == 3)
        #expect(try result("var x\nreturn x") == .nil)
    }

    @Test func compoundAssignment() throws {
        #expect(try result("var x = 10\nx += 5\nx -= 3\nx *= 2\nx /= 4\nx %= 4\nreturn x") == 2)
    }

    @Test func indexAndFieldAssignment() throws {
        #expect(try result("var a = [1, 2, 3]\na[1] = 20\na[-1] += 1\nreturn a") == [1, 20, 4])
        #expect(
            try result("var m = {a: 1}\nm.b = 2\nm[\"c\"] = 3\nm.a += 10\nreturn m") == [
                "a": 11, "b": 2, "c": 3,
            ])
        #expect(
            try result("var m = {inner: {xs: [1]}}\nm.inner.xs[0] = 5\nm.inner.ys = 1\nreturn m")
                == ["inner": ["xs": [5], "ys": 1]])
    }

    @Test func valueSemantics() throws {
        #expect(try result("var a = [1]\nvar b = a\nb.append(2)\nreturn [a, b]") == [[1], [1, 2]])
        #expect(try result("var m = {x: 1}\nvar n = m\nn.x = 2\nreturn [m.x, n.x]") == [1, 2])
        #expect(try result("let xs = [1]\nlet ys = append(xs, 2)\nreturn [xs, ys]") == [[1], [1, 2]])
    }

    @Test func ifElseChains() throws {
        let body = """
            var out = []
            for x in [1, 5, 10] {
              if x < 3 { out.append("small") } else if x < 7 { out.append("mid") } else { out.append("big") }
            }
            return out
            """
        #expect(try result(body) == ["small", "mid", "big"])
    }

    @Test func whileLoopBreakContinue() throws {
        let body = """
            var i = 0
            var s = 0
            while true {
              i += 1
              if i > 10 { break }
              if i % 2 == 0 { continue }
              s += i
            }
            return s
            """
        #expect(try result(body) == 25)
    }

    @Test func loopStatement() throws {
        #expect(try result("var n = 0\nloop { n += 1\n if n == 7 { break } }\nreturn n") == 7)
    }

    @Test func forOverRanges() throws {
        #expect(try result("var s = 0\nfor i in 0..<5 { s += i }\nreturn s") == 10)
        #expect(try result("var s = 0\nfor i in 1...5 { s += i }\nreturn s") == 15)
        #expect(try result("var s = 0\nfor i in 5..<5 { s += 1 }\nreturn s") == 0)
        #expect(
            try result(
                "var s = []\nfor i in 0..<6 { if i == 2 { continue }\n if i == 4 { break }\n s.append(i) }\nreturn s"
            )
                == [0, 1, 3])
        #expect(try result("let r = 2..<5\nreturn r") == [2, 3, 4])
        #expect(try result("return 1...3") == [1, 2, 3])
    }

    @Test func forOverCollections() throws {
        #expect(try result("var s = 0\nfor x in [1, 2, 3] { s += x }\nreturn s") == 6)
        #expect(try result("var ks = []\nfor k in {b: 1, a: 2} { ks.append(k) }\nreturn ks") == ["b", "a"])
        #expect(
            try result("var out = []\nfor k, v in {b: 1, a: 2} { out.append([k, v]) }\nreturn out")
                == [["b", 1], ["a", 2]])
        #expect(
            try result("var out = []\nfor i, x in [\"p\", \"q\"] { out.append(i) }\nreturn out") == [0, 1])
        #expect(
            try result("var out = []\nfor c in \"abc\" { out.append(upper(c)) }\nreturn out") == [
                "A", "B", "C",
            ])
        #expect(
            try result(
                "var s = 0\nfor x in [1, 2, 3, 4] { if x == 2 { continue }\n if x == 4 { break }\n s += x }\nreturn s"
            )
                == 4)
    }

    @Test func loopVariableChangesDoNotAffectIteration() throws {
        #expect(try result("var n = 0\nfor i in 0..<3 { i = 100\n n += 1 }\nreturn n") == 3)
    }

    @Test func functionsAndRecursion() throws {
        let (outcome, _) = try runProgram(
            """
            fn fact(n) { if n <= 1 { return 1 }
              return n * fact(n - 1) }
            fn noReturn() { let x = 1 }
            fn main() { return [fact(10), noReturn()] }
            """)
        #expect(outcome == .finished([3_628_800, .nil]))
    }

    @Test func tryCatchThrow() throws {
        #expect(
            try result("try { throw \"boom\" } catch e { return [e.kind, e.message, e.line] }") == [
                "error", "boom", 3,
            ])
        #expect(
            try result("try { throw {kind: \"custom\", code: 4} } catch e { return [e.kind, e.code] }") == [
                "custom", 4,
            ])
        #expect(try result("try { let x = 1 / 0 } catch e { return e.kind }") == "arith")
        #expect(try result("try { let x = [1][5] } catch { return \"caught\" }") == "caught")
        #expect(try result("var n = 0\ntry { n = 1 } catch e { n = 2 }\nreturn n") == 1)
    }

    @Test func tryCatchAcrossCallsAndNesting() throws {
        let (outcome, _) = try runProgram(
            """
            fn inner(x) { if x > 1 { throw {kind: "big", message: "too big"} }
              return x }
            fn middle(x) { return inner(x) + 1 }
            fn main() {
              var log = []
              try {
                try { middle(5) } catch e { log.append(e.kind)
                  throw "again" }
              } catch e2 { log.append(e2.message) }
              log.append(middle(1))
              for i in 0..<3 { try { if i == 1 { break } } catch { } }
              try { return "from try" } catch { }
              return log
            }
            """)
        #expect(outcome == .finished("from try"))
    }

    @Test func breakOutOfTryInsideLoopPopsHandler() throws {
        let (outcome, _) = try runProgram(
            """
            fn main() {
              for i in 0..<3 { try { if i == 1 { break } } catch { } }
              try { throw "x" } catch e { return e.message }
            }
            """)
        #expect(outcome == .finished("x"))
    }

    @Test func returnInsideTryPopsHandler() throws {
        let (outcome, _) = try runProgram(
            """
            fn f() { try { return 1 } catch { return 2 } }
            fn main() { f()
              let x = [][1]
              return 0 }
            """)
        guard case .failed(let failure) = outcome else {
            Issue.record("expected a failure, got \(outcome)")
            return
        }
        #expect(failure.kind == "index")
        #expect(failure.line == 4)
    }

    @Test func blocksScopeVariables() throws {
        #expect(try result("let x = 1\n{ let x = 2 }\nreturn x") == 1)
        #expect(try result("var x = 1\nif true { var x = 5\n x = 6 }\nreturn x") == 1)
        #expect(throws: CompileFailure.self) {
            try compile("fn main() { var x = 1\nif true { let x = 5\n x = 6 } }")
        }
    }
}

@Suite struct NestedPathTests {
    @Test func nestedAssignmentsAndMethods() throws {
        #expect(
            try result("var g = [[0, 0], [0, 0]]\ng[1][0] = 5\ng[0][1] += 2\nreturn g") == [[0, 2], [5, 0]])
        #expect(
            try result("var m = {a: {b: {c: 1}}}\nm.a.b.c += 10\nm.a.b.d = 2\nreturn m") == [
                "a": ["b": ["c": 11, "d": 2]]
            ])
        #expect(
            try result(
                "var s = {xs: [1], m: {}}\ns.xs.append(2)\ns.m.insert(\"k\", 1)\nlet r = s.xs.remove(0)\nreturn [s, r]"
            )
                == [["xs": [2], "m": ["k": 1]], 1])
        #expect(try result("var s = [{q: []}]\ns[0].q.append(1)\nreturn s") == [["q": [1]]])
    }

    @Test func nestedChangesKeepValueSemantics() throws {
        #expect(
            try result("var a = {xs: [1]}\nlet b = a\na.xs.append(2)\nreturn [a, b]") == [
                ["xs": [1, 2]], ["xs": [1]],
            ])
    }

    @Test func failedNestedChangeLeavesTheValueIntact() throws {
        #expect(try result("var s = {xs: [1]}\ntry { s.xs.insert(9, 0) } catch { }\nreturn s") == ["xs": [1]])
        #expect(try result("var s = {xs: [1]}\ntry { s.xs[5] = 0 } catch { }\nreturn s") == ["xs": [1]])
        #expect(
            try result("var s = [[1]]\ntry { s[0][\"k\"] = 0 } catch e { return [s, e.kind] }") == [
                [[1]], "type",
            ])
        #expect(try failure("var s = {}\ns.missing.append(1)")?.message.contains("no such key") == true)
        #expect(try failure("var s = {}\ns.missing.x = 1")?.kind == "type")
    }
}
