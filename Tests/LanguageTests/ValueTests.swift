import Language
import Testing

@Suite struct ValueTests {
    @Test func valueIsSixteenBytes() {
        #expect(MemoryLayout<Value>.stride == 16)
    }

    @Test func descriptionIsTheLiteralForm() {
        let v: Value = ["a": 1, "b": "x", "c d": [1, 2.5, .nil, true], "e": .pid(3), "f": .tid(4)]
        #expect(v.description == "{a: 1, b: \"x\", \"c d\": [1, 2.5, nil, true], e: pid(3), f: tid(4)}")
        #expect(Value.str("line\n\"q\"").repr == "\"line\\n\\\"q\\\"\"")
        #expect(Value.str("raw").printString == "raw")
        #expect(Value.list(["raw"]).printString == "[\"raw\"]")
        #expect(Value.float(1).description == "1.0")
        #expect(Value.float(.infinity).description == "inf")
        let m: Value = [1: "one", "if": 2]
        #expect(m.description == "{1: \"one\", \"if\": 2}")
    }

    @Test func mapsKeepInsertionOrder() {
        var m = OrderedMap()
        for k in ["z", "a", "m", "b", "y", "c", "x", "d", "w", "e", "v"] { m[k] = .str(k) }
        #expect(m.keys.map(\.printString) == ["z", "a", "m", "b", "y", "c", "x", "d", "w", "e", "v"])
        m.remove(.str("m"))
        m["a"] = 5
        #expect(m.keys.map(\.printString) == ["z", "a", "b", "y", "c", "x", "d", "w", "e", "v"])
        #expect(m["a"] == 5)
        #expect(m["m"] == nil)
        #expect(m.count == 10)
    }

    @Test func mapsAreCopyOnWrite() {
        var a = OrderedMap()
        a["k"] = 1
        var b = a
        b["k"] = 2
        b["new"] = 3
        #expect(a["k"] == 1)
        #expect(a.count == 1)
        #expect(b["k"] == 2)
    }

    @Test func equalityAndHashing() {
        #expect(Value.int(1) == Value.float(1.0))
        #expect(Value.int(1) != Value.str("1"))
        #expect(Value.pid(1) != Value.int(1))
        let m1: Value = ["a": 1, "b": [1, 2]]
        let m2: Value = ["b": [1, 2], "a": 1]
        #expect(m1 == m2)
        #expect(Set([Value.int(1), Value.float(1.0), Value.str("1")]).count == 2)
        #expect(Value.compare(1, 2.5) == -1)
        #expect(Value.compare("b", "a") == 1)
        #expect(Value.compare(1, "a") == nil)
    }

    @Test func json() {
        let v: Value = [
            "a": 1, "s": "q\"\n", "l": [true, .nil, 1.5], "p": .pid(4), "n": .float(.nan), 1: "k",
        ]
        #expect(v.json == "{\"a\":1,\"s\":\"q\\\"\\n\",\"l\":[true,null,1.5],\"p\":4,\"n\":null,\"1\":\"k\"}")
        #expect(Value.str("\u{1}").json == "\"\\u0001\"")
    }

    @Test func parseLiteral() throws {
        #expect(try Value.parseLiteral("{op: \"add\", a: 1, b: 2}") == ["op": "add", "a": 1, "b": 2])
        #expect(
            try Value.parseLiteral("  [1, -2, 3.5, \"x\", nil, true, pid(12), tid(3), {}]  ")
                == [1, -2, 3.5, "x", .nil, true, .pid(12), .tid(3), [:]])
        #expect(try Value.parseLiteral("\"b c\"") == "b c")
        #expect(try Value.parseLiteral("{\"b c\": {x: [1]}}") == ["b c": ["x": [1]]])
        let v: Value = ["a": [1, 2.5, "s\n"], "b c": .pid(4), "d": .nil]
        #expect(try Value.parseLiteral(v.description) == v)
    }

    @Test func parseLiteralErrors() {
        let cases: [(String, String)] = [
            ("", "expected a value, found nothing"),
            ("{op: }", "expected an expression, found '}'"),
            ("hello", "unknown name 'hello' (quote strings: \"hello\")"),
            ("1 2", "unexpected '2' after the value"),
            ("[1, x]", "not a literal value"),
            ("\"open", "unterminated string literal"),
            ("{a: 1", "expected '}' to close the map"),
            ("1 + 2", "not a literal value"),
        ]
        for (text, message) in cases {
            do {
                let v = try Value.parseLiteral(text)
                Issue.record("\(text) parsed as \(v)")
            } catch {
                #expect(error.message.contains(message), "\(text): \(error)")
            }
        }
        #expect(throws: LiteralError.self) { try Value.parseLiteral(String(repeating: "[", count: 5000)) }
    }

    @Test func approximateBytesGrowWithContent() {
        #expect(Value.int(1).approximateBytes == 0)
        #expect(Value.str(String(repeating: "x", count: 100)).approximateBytes > 100)
        #expect(Value.list(Array(repeating: 1, count: 100)).approximateBytes >= 1600)
    }
}
