import Language
import Testing
import VM

@Suite struct KernelCallTests {
    @Test func argumentsReachTheHostAsWritten() throws {
        let host = TestHost()
        let (outcome, _) = try runProgram(
            """
            fn main() {
              send(pid(3), {op: "x"})
              publish("a.b", 1)
              ctx.write("decision", "total", 5)
              spawn("worker", ["1"], {priority: 2})
              sem_create("s", 2)
              event_set("ready")
              return [self(), tid()]
            }
            """, host: host)
        #expect(outcome == .finished([.pid(7), .tid(70)]))
        let names = host.calls.map(\.0.name)
        #expect(names == ["send", "publish", "ctx.write", "spawn", "sem_create", "event_set", "self", "tid"])
        #expect(host.calls[0].1 == [.pid(3), ["op": "x"]])
        #expect(host.calls[2].1 == ["decision", "total", 5])
    }

    @Test func blockThenResumeWithValue() throws {
        let host = TestHost()
        host.answer = { call, _ in call == .sleep ? .block : .value(.nil) }
        let program = try compile("fn main() { let r = sleep(10)\nreturn [r, 1] }")
        let thread = try #require(VMThread(main: program, args: [], host: host))
        #expect(thread.run(budget: 100) == .blocked)
        #expect(thread.isBlocked)
        #expect(thread.run(budget: 100) == .blocked)  // still parked until resumed
        thread.resume(with: "woke")
        #expect(thread.run(budget: 100) == .finished(["woke", 1]))
    }

    @Test func resumeThrowingRaisesACatchableError() throws {
        let host = TestHost()
        host.answer = { _, _ in .block }
        let program = try compile(
            "fn main() { try { request(pid(2), \"q\", 100) } catch e { return [e.kind, e.message, e.line] } }"
        )
        let thread = try #require(VMThread(main: program, args: [], host: host))
        #expect(thread.run(budget: 100) == .blocked)
        thread.resume(throwing: "timeout", message: "no reply within 100 ms")
        #expect(thread.run(budget: 100) == .finished(["timeout", "no reply within 100 ms", 2]))
    }

    @Test func failRaisesAndTerminateEnds() throws {
        let host = TestHost()
        host.answer = { call, _ in
            call == .kill ? .fail(kind: "noproc", message: "no process 99") : .value(.nil)
        }
        #expect(
            try runProgram("fn main() { try { kill(pid(99)) } catch e { return e.kind } }", host: host).0
                == .finished("noproc"))
        let (outcome, _) = try runProgram("fn main() { exit(3)\nreturn 1 }")
        #expect(outcome == .terminated)
    }

    @Test func uncaughtHostFailureFailsTheThread() throws {
        let host = TestHost()
        host.answer = { _, _ in .fail(kind: "permission", message: "permission denied") }
        let (outcome, _) = try runProgram("fn main() {\n ctx.write(\"r\", \"k\", 1)\n}", host: host)
        #expect(
            outcome
                == .failed(
                    RuntimeFailure(
                        kind: "permission", message: "permission denied", file: "test.orch", line: 3)))
    }

    @Test func printAndLogGetOneString() throws {
        let host = TestHost()
        _ = try runProgram("fn main() { print(\"a\", 1, {k: \"v\"}, nil)\nlog(\"x\") }", host: host)
        #expect(host.output == ["a 1 {k: \"v\"} nil", "x"])
    }

    @Test func threadCallPassesFunctionAndArgumentList() throws {
        let host = TestHost()
        var started: [Value] = []
        host.answer = { call, args in
            if call == .thread { started = args }
            return .value(.tid(5))
        }
        let src = "fn worker(a, b) { return a * b }\nfn main() { let t = thread worker(6, 7)\nreturn t }"
        let program = try compile(src)
        let thread = try #require(VMThread(main: program, args: [], host: host))
        #expect(thread.run(budget: 1000) == .finished(.tid(5)))
        #expect(started.count == 2)
        #expect(started[1] == [6, 7])
        // The host starts the new thread from the function value it was given.
        guard case .list(let args) = started[1] else { return }
        let child = try VMThread(program: program, callable: started[0], args: args, host: host)
        #expect(child.run(budget: 1000) == .finished(42))
    }

    @Test func threadsOfClosuresCarryTheirCaptures() throws {
        let host = TestHost()
        var started: [Value] = []
        host.answer = { call, args in
            if call == .thread { started = args }
            return .value(.tid(1))
        }
        let program = try compile("fn main() { let base = 100\nthread fn(x) { return base + x }(5) }")
        let thread = try #require(VMThread(main: program, args: [], host: host))
        _ = thread.run(budget: 1000)
        let child = try VMThread(program: program, callable: started[0], args: [5], host: host)
        #expect(child.run(budget: 1000) == .finished(105))
        #expect(throws: RuntimeFailure.self) {
            try VMThread(program: program, callable: 5, args: [], host: host)
        }
    }

    @Test func joinWithAStringIsStringJoin() throws {
        let host = TestHost()
        let (outcome, _) = try runProgram("fn main() { return [join([1, 2], \"-\"), join([])] }", host: host)
        #expect(outcome == .finished(["1-2", .nil]))
        #expect(host.calls.map(\.0) == [.join])
    }

    @Test func contextUpdateIsAReadCasLoop() throws {
        let host = TestHost()
        var stored: Value = 1
        var casCalls = 0
        host.answer = { call, args in
            switch call {
            case .ctxRead: return .value(stored)
            case .ctxCas:
                casCalls += 1
                if casCalls == 1 {  // someone else wrote meanwhile: the VM must retry
                    stored = 10
                    return .value(false)
                }
                guard args[2] == stored else { return .value(false) }
                stored = args[3]
                return .value(true)
            default: return .value(.nil)
            }
        }
        let (outcome, _) = try runProgram(
            "fn main() { return ctx.update(\"scoring\", \"n\", fn(old) { return old + 1 }) }", host: host)
        #expect(outcome == .finished(11))
        #expect(stored == 11)
        #expect(casCalls == 2)
    }
}
