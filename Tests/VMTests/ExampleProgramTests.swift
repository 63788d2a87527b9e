import Foundation
import Language
import Testing
import VM

/// The example programs in `shell-scripts/programs/`.
enum Examples {
    static let directory: String = {
        let file = "\(#filePath)"
        let root = file.split(separator: "/", omittingEmptySubsequences: false).dropLast(3).joined(
            separator: "/")
        return root + "/shell-scripts/programs"
    }()

    static let names = ["hello", "fib", "ring", "fanout", "server", "crash"]

    static func source(_ name: String) throws -> String {
        try String(contentsOfFile: "\(directory)/\(name).orch", encoding: .utf8)
    }

    static func program(_ name: String) throws -> Program {
        try Compiler.compile(source: source(name), file: "\(name).orch")
    }
}

@Suite struct ExampleProgramTests {
    @Test(arguments: Examples.names) func compiles(name: String) throws {
        let p = try Examples.program(name)
        #expect(p.name == name)
        #expect(p.version == "1.0.0")
        #expect(p.main != nil)
    }

    @Test func helloGreets() throws {
        let host = TestHost()
        let t = try #require(VMThread(main: try Examples.program("hello"), args: ["dk"], host: host))
        #expect(t.run(budget: 10_000) == .finished(0))
        #expect(host.output == ["hello, dk! I am pid(7)"])
    }

    @Test func fibPrints() throws {
        let host = TestHost()
        host.answer = { call, _ in call == .now ? .value(0) : .value(.nil) }
        let t = try #require(VMThread(main: try Examples.program("fib"), args: ["15"], host: host))
        var outcome = VMOutcome.yielded
        while outcome == .yielded { outcome = t.run(budget: 2000) }
        #expect(outcome == .finished(0))
        #expect(host.output == ["fib(15) = 610  (0 ms)"])
    }

    @Test func crashFailsWithFileAndLine() throws {
        let host = TestHost()
        let t = try #require(VMThread(main: try Examples.program("crash"), args: [], host: host))
        let outcome = t.run(budget: 10_000)
        #expect(
            outcome
                == .failed(
                    RuntimeFailure(kind: "arith", message: "division by zero", file: "crash.orch", line: 17)))
        #expect(host.output == ["order 1: unit price 5"])
    }

    @Test func fanoutStartsThreadsAndJoins() throws {
        let host = TestHost()
        var threads: [Value] = []
        host.answer = { call, args in
            switch call {
            case .thread:
                threads.append(args[0])
                return .value(.tid(Int64(threads.count)))
            case .join: return .value(.list(Array(repeating: 3, count: threads.count)))
            case .ctxRead: return .value(.nil)
            case .ctxCas: return .value(true)
            default: return .value(.nil)
            }
        }
        let t = try #require(VMThread(main: try Examples.program("fanout"), args: ["4"], host: host))
        #expect(t.run(budget: 10_000) == .finished(0))
        #expect(threads.count == 4)
        #expect(host.output == ["fanout: 4 workers, total 12"])
    }

    @Test func serverAnswersAndStops() throws {
        let host = TestHost()
        host.mailbox = [
            ["op": "put", "key": "a", "value": 1, "from": .pid(2)],
            ["op": "get", "key": "a", "from": .pid(2)],
            "junk",
            ["op": "add", "a": 2, "b": 3, "from": .pid(2)],
            ["op": "stop"],
        ]
        let t = try #require(VMThread(main: try Examples.program("server"), args: [], host: host))
        #expect(t.run(budget: 10_000) == .finished(0))
        let sent = host.calls.filter { $0.0 == .send }.map { $0.1[1] }
        #expect(sent == [["ok": true, "key": "a"], ["key": "a", "value": 1], ["sum": 5]])
        #expect(host.output == ["server: ignoring junk", "server: stopping after 3 requests"])
    }
}
