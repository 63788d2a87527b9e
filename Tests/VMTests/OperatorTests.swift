import Language
import Testing
import VM

@Suite struct OperatorTests {
    @Test func arithmeticAndPrecedence() throws {
        #expect(try result("return 1 + 2 * 3 - 4 / 2") == 5)
        #expect(try result("return (1 + 2) * 3") == 9)
        #expect(try result("return 7 % 3 + -2") == -1)
        #expect(try result("return 7 / 2") == 3)
        #expect(try result("return 7.0 / 2") == 3.5)
        #expect(try result("return 1 + 0.5") == 1.5)
        #expect(try result("return 2 * 2.5") == 5.0)
        #expect(try result("return 5.5 % 2") == 1.5)
        #expect(try result("return -(3)") == -3)
        #expect(try result("let x = 4\nreturn -x") == -4)
        #expect(try result("return \"ab\" + \"cd\"") == "abcd")
        #expect(try result("return \"ab\" * 3") == "ababab")
        #expect(try result("return [1] + [2, 3]") == [1, 2, 3])
        #expect(try result("return {a: 1} + {b: 2, a: 3}") == ["a": 3, "b": 2])
    }

    @Test func constantOperands() throws {
        #expect(
            try result("let x = -7\nreturn [x * 3, x / 2, x % 3, x / -2, x % -3, x * 0.5, x + 1.5]") == [
                -21, -3, -1, 3, -1, -3.5, -5.5,
            ])
        #expect(try failure("let x = 5\nlet y = x / 0")?.kind == "arith")
        #expect(try failure("let x = 5\nlet y = x % 0")?.kind == "arith")
        #expect(try failure("let x = 9223372036854775807\nlet y = x * 2")?.kind == "arith")
        #expect(try failure("let x = \"s\"\nlet y = x / 2")?.kind == "type")
        #expect(try result("var i = 1\ni *= 5\ni %= 3\ni += 1.5\nreturn i") == 3.5)
    }

    @Test func comparisons() throws {
        #expect(
            try result("return [1 < 2, 2 <= 2, 3 > 4, 4 >= 4, 1 == 1, 1 != 1]") == [
                true, true, false, true, true, false,
            ])
        #expect(
            try result("return [\"a\" < \"b\", 1 < 1.5, 2.0 == 2, [1, 2] < [1, 3]]") == [
                true, true, true, true,
            ])
        #expect(
            try result("let a = 3\nlet b = 4\nreturn [a < b, a > b, a <= b, a >= b, b > a, 2 < a, 5 > a]")
                == [true, false, true, false, true, true, true])
        #expect(
            try result(
                "return [[1, {a: [2]}] == [1, {a: [2]}], {a: 1, b: 2} == {b: 2, a: 1}, nil == nil, 1 == \"1\"]"
            )
                == [true, true, true, false])
    }

    @Test func comparisonsInConditions() throws {
        let body = """
            var out = []
            let x = 5
            let s = "b"
            if x < 10 { out.append(1) }
            if x <= 5 { out.append(2) }
            if x > 4 { out.append(3) }
            if x >= 6 { out.append(99) }
            if 4 < x { out.append(4) }
            if x == 5 { out.append(5) }
            if x != 5 { out.append(99) }
            if s == "b" { out.append(6) }
            if s != "c" { out.append(7) }
            if x < 1.5 { out.append(99) }
            if [1] == [1] { out.append(8) }
            if !(x == 5) { out.append(99) }
            if x > 1 && x < 9 { out.append(9) }
            if x < 1 || x > 3 { out.append(10) }
            if !(x < 1 || x > 9) { out.append(11) }
            if nil { out.append(99) }
            if 0 { out.append(12) }
            return out
            """
        #expect(try result(body) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])
    }

    /// Every compare-and-jump opcode (register and constant forms), on ints and on values that
    /// take the general comparison: each branch taken and not taken.
    @Test func compareAndJumpOnIntsAndOtherValues() throws {
        let body = """
            var out = []
            for v in [1, 2, 3, 1.5, 2.0, 2.5] {
              let two = 2
              var row = []
              if v < 2 { row.append("lt") }
              if v <= 2 { row.append("le") }
              if v > 2 { row.append("gt") }
              if v >= 2 { row.append("ge") }
              if v < two { row.append("ltr") }
              if v <= two { row.append("ler") }
              if two < v { row.append("gtr") }
              out.append(row)
            }
            if "a" < "b" { out.append("s<") }
            if "b" >= "a" { out.append("s>=") }
            return out
            """
        let lt: Value = ["lt", "le", "ltr", "ler"]
        let eq: Value = ["le", "ge", "ler"]
        let gt: Value = ["gt", "ge", "gtr"]
        #expect(try result(body) == [lt, eq, gt, lt, eq, gt, "s<", "s>="])
    }

    @Test func logicalOperatorsShortCircuit() throws {
        #expect(
            try result("return [true && 1, false && 1, nil || 2, 3 || 4, !nil, !1]") == [
                1, false, 2, 3, true, false,
            ])
        let (outcome, host) = try runProgram(
            """
            fn side(x) { print(x)
              return x }
            fn main() { let a = false && side(1)
              let b = true || side(2)
              let c = side(nil) ?? side(3)
              return [a, b, c] }
            """)
        #expect(outcome == .finished([false, true, 3]))
        #expect(host.output == ["nil", "3"])
    }

    @Test func coalesceIsSafeOnTheLeft() throws {
        #expect(try result("return args[0] ?? \"4\"") == "4")
        #expect(try result("return args[0] ?? \"4\"", args: ["9"]) == "9")
        #expect(try result("let m = {a: 1}\nreturn [m.b ?? 2, m.a ?? 3, m[\"zz\"] ?? 4]") == [2, 1, 4])
        #expect(try result("let n = nil\nreturn n.x ?? 5") == 5)
        #expect(try result("return int(args[0] ?? \"4\") * 2") == 8)
    }

    @Test func indexingAndFields() throws {
        #expect(try result("let xs = [10, 20, 30]\nreturn [xs[0], xs[2], xs[-1]]") == [10, 30, 30])
        #expect(
            try result("let m = {a: {b: [1, 2]}}\nreturn [m.a.b[1], m[\"a\"][\"b\"][0], m.missing]") == [
                2, 1, .nil,
            ])
        #expect(try result("return \"hello\"[1]") == "e")
        #expect(try result("let m = {1: \"one\"}\nreturn m[1]") == "one")
    }

    @Test func interpolation() throws {
        #expect(
            try result("let n = 3\nlet s = \"x\"\nreturn \"n=\\(n) s=\\(s) l=\\([1, \"a\"]) e=\\(n * 2)\"")
                == "n=3 s=x l=[1, \"a\"] e=6")
        #expect(try result("return \"a\\(\"b\\(1)\")c\"") == "ab1c")
        #expect(try result("return \"tab\\tq\\\"\\\\ \\u{41}\"") == "tab\tq\"\\ A")
    }

    @Test func literals() throws {
        #expect(
            try result("return [0x1F, 1_000, 1.5e3, true, false, nil, \"s\"]") == [
                31, 1000, 1500.0, true, false, .nil, "s",
            ])
        #expect(
            try result("let k = \"key\"\nlet v = 2\nreturn {a: 1, \"b c\": 2, (k): 3, v}") == [
                "a": 1, "b c": 2, "key": 3, "v": 2,
            ])
        #expect(
            try result("return [-9223372036854775807 - 1, 9223372036854775807]") == [
                .int(Int64.min), .int(Int64.max),
            ])
    }
}
