import Language
import Testing
import VM

@Suite struct BuiltinTests {
    @Test func conversions() throws {
        #expect(try result("return [len(\"héllo\"), len([1, 2]), len({a: 1})]") == [5, 2, 1])
        #expect(
            try result("return [str(1), str(\"s\"), str([1, \"s\"]), repr(\"s\"), str(1.0), str(nil)]")
                == ["1", "s", "[1, \"s\"]", "\"s\"", "1.0", "nil"])
        #expect(
            try result("return [int(\"42\"), int(3.9), int(-3.9), int(true), int(\" 7 \"), int(pid(5))]") == [
                42, 3, -3, 1, 7, 5,
            ])
        #expect(try result("return [float(2), float(\"2.5\"), float(1.5)]") == [2.0, 2.5, 1.5])
        #expect(
            try result("return [bool(0), bool(1), bool(\"\"), bool([]), bool({a: 1}), bool(nil)]")
                == [false, true, false, false, true, false])
        #expect(
            try result(
                "return [type(1), type(1.0), type(\"\"), type([]), type({}), type(nil), type(true), type(pid(1)), type(tid(1)), type(fn() {})]"
            )
                == ["int", "float", "string", "list", "map", "nil", "bool", "pid", "tid", "function"])
    }

    @Test func collections() throws {
        #expect(try result("let m = {b: 1, a: 2}\nreturn [keys(m), values(m)]") == [["b", "a"], [1, 2]])
        #expect(
            try result("var xs = [1]\nxs.append(2)\nxs.insert(0, 0)\nlet r = xs.remove(1)\nreturn [xs, r]")
                == [[0, 2], 1])
        #expect(
            try result("var m = {a: 1, b: 2}\nlet r = m.remove(\"a\")\nm.insert(\"c\", 3)\nreturn [m, r]")
                == [["b": 2, "c": 3], 1])
        #expect(try result("var xs = [1, 2]\nxs.clear()\nreturn xs") == [])
        #expect(
            try result("return [insert([1, 3], 1, 2), remove([1, 2, 3], -1), remove({a: 1}, \"a\")]") == [
                [1, 2, 3], [1, 2], [:],
            ])
        #expect(
            try result(
                "return [contains([1, 2], 2), contains({a: 1}, \"b\"), contains(\"hello\", \"ell\"), [1].contains(3)]"
            )
                == [true, false, true, false])
        #expect(try result("return [sum([1, 2, 3]), sum([1, 0.5]), sum([])]") == [6, 1.5, 0])
        #expect(
            try result("return [min([3, 1, 2]), max(3, 9, 4), min(\"b\", \"a\"), abs(-3), abs(-2.5)]") == [
                1, 9, "a", 3, 2.5,
            ])
        #expect(
            try result("return [range(3), range(1, 4), range(10, 0, -3)]") == [
                [0, 1, 2], [1, 2, 3], [10, 7, 4, 1],
            ])
        #expect(
            try result(
                "return [slice([1, 2, 3, 4], 1, 3), slice(\"hello\", 1), slice([1, 2], -1), slice([1], 5, 9)]"
            )
                == [[2, 3], "ello", [2], []])
        #expect(
            try result(
                "return [sort([3, 1, 2]), sort([\"b\", \"a\"], true), reverse([1, 2]), reverse(\"ab\")]")
                == [[1, 2, 3], ["b", "a"], [2, 1], "ba"])
        #expect(
            try result(
                "return [get({a: 1}, \"a\"), get({}, \"x\", 5), get([1], 3, 0), index_of([5, 6], 6), index_of(\"abc\", \"c\"), index_of([1], 9)]"
            )
                == [1, 5, 0, 1, 2, -1])
    }

    @Test func strings() throws {
        #expect(
            try result(
                "return [split(\"a,b,,c\", \",\"), split(\"  a b\\tc \"), strjoin([\"a\", 1], \"-\"), strjoin([1, 2])]"
            )
                == [["a", "b", "", "c"], ["a", "b", "c"], "a-1", "12"])
        #expect(try result("return [join([\"a\", \"b\"], \", \"), join(\"+\", [1, 2])]") == ["a, b", "1+2"])
        #expect(
            try result(
                "return [upper(\"aB\"), lower(\"aB\"), trim(\"  x \\n\"), replace(\"a-b-c\", \"-\", \"+\")]")
                == ["AB", "ab", "x", "a+b+c"])
        #expect(
            try result(
                "return [starts_with(\"hello\", \"he\"), ends_with(\"hello\", \"lo\"), \"abc\".len(), \"a b\".split()]"
            )
                == [true, true, 3, ["a", "b"]])
    }

    @Test func numbers() throws {
        #expect(
            try result("return [round(2.5), round(1.234, 2), floor(-1.5), ceil(1.2), sqrt(16), round(7)]")
                == [3, 1.23, -2, 2, 4.0, 7])
        #expect(try result("return [pid(3), tid(4)]") == [.pid(3), .tid(4)])
    }

    @Test func mapAndFilterWithClosures() throws {
        #expect(try result("return map([1, 2, 3], fn(x) { return x * 10 })") == [10, 20, 30])
        #expect(try result("return filter(range(10), fn(x) { return x % 3 == 0 })") == [0, 3, 6, 9])
        #expect(try result("let k = 5\nreturn [1, 2].map(fn(x) { return x + k })") == [6, 7])
        let (outcome, _) = try runProgram(
            "fn double(x) { return 2 * x }\nfn main() { return map([1, 2], double) }")
        #expect(outcome == .finished([2, 4]))
    }

    @Test func assertFails() throws {
        #expect(try failure("assert(1 == 2, \"math is broken\")")?.message == "math is broken")
        #expect(try failure("assert(false)")?.kind == "assert")
        #expect(try result("assert(true)\nreturn 1") == 1)
    }

    @Test func builtinErrorsAreCatchableTypeErrors() throws {
        for call in [
            "len(1)", "int(\"x\")", "float([])", "keys(1)", "sum([1, \"a\"])", "min([])", "abs(\"a\")",
            "range(\"a\")",
            "slice(1)", "split(1)", "strjoin(1)", "upper(1)", "sort([1, \"a\"])", "reverse(1)", "pid(\"a\")",
            "sqrt(-1)", "range(0, 10, 0)", "[1].insert(5, 0)",
        ] {
            let r = try result("try { let x = \(call) } catch e { return e.kind }\nreturn \"no error\"")
            #expect(r != "no error", "\(call)")
            #expect(r != nil, "\(call)")
        }
    }
}
