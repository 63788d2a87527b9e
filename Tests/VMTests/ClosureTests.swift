import Language
import Testing
import VM

@Suite struct ClosureTests {
    @Test func closuresCaptureValuesAtCreation() throws {
        let body = """
            var fns = []
            for i in 0..<3 { fns.append(fn() { return i * 10 }) }
            var out = []
            for f in fns { out.append(f()) }
            return out
            """
        #expect(try result(body) == [0, 10, 20])
        #expect(try result("var n = 1\nlet f = fn() { return n }\nn = 2\nreturn [f(), n]") == [1, 2])
        #expect(try result("var n = 1\nlet f = fn() { n = 5\nreturn n }\nreturn [f(), n]") == [5, 1])
    }

    @Test func nestedClosuresCaptureThroughTheirParents() throws {
        let body = """
            let a = 1
            let outer = fn(b) {
              let inner = fn(c) { return a + b + c }
              return inner(100)
            }
            return outer(10)
            """
        #expect(try result(body) == 111)
    }

    @Test func closuresInMapsAndAsArguments() throws {
        let (outcome, _) = try runProgram(
            """
            fn apply(f, x) { return f(x) }
            fn main() {
              let ops = {double: fn(x) { return 2 * x }, neg: fn(x) { return -x }}
              return [ops.double(4), ops["neg"](3), apply(fn(v) { return v + 1 }, 1), apply(ops.neg, 9)]
            }
            """)
        #expect(outcome == .finished([8, -3, 2, -9]))
    }

    @Test func topLevelFunctionsAreValues() throws {
        let (outcome, _) = try runProgram(
            "fn inc(x) { return x + 1 }\nfn main() { let f = inc\nreturn [f(1), f == inc, type(f)] }")
        #expect(outcome == .finished([2, true, "function"]))
    }

    @Test func registerReuseInAssignments() throws {
        #expect(try result("var x = 3\nlet g = fn(v) { return v * 2 }\nx = g(x)\nreturn x") == 6)
        #expect(try result("var s = \"ab\"\ns = s.upper()\nreturn s") == "AB")
        #expect(try result("var xs = [1]\nxs = xs + [len(xs)]\nreturn xs") == [1, 1])
        #expect(try result("var a = 2\na = a * a + a\nreturn a") == 6)
        #expect(try result("var n = [5]\nn = n[0]\nreturn n") == 5)
        let (outcome, _) = try runProgram(
            "fn f(x) { return x + 1 }\nfn main() { var x = 1\nx = f(f(x))\nreturn x }")
        #expect(outcome == .finished(3))
    }

    @Test func closureValuesPrint() throws {
        #expect(
            try result("let f = fn(x) { return x }\nreturn str(f)")?.stringValue?.hasPrefix("<fn fn@") == true
        )
    }
}
