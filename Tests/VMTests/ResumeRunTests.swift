import Language
import Testing
import VM

/// `run(budget:resumingWith:)`: a resumption and a slice in one call, as the kernel runs every
/// slice of a VM thread. Each test pins a case the one call must keep as the two calls had it.
@Suite struct ResumeRunTests {
    /// A thread that sleeps (the host parks it) and returns what the sleep answered.
    func sleeper(_ host: TestHost = TestHost()) throws -> VMThread {
        host.answer = { call, _ in call == .sleep ? .block : .value(.nil) }
        let program = try compile("fn main() { let r = sleep(10)\nreturn [r, 1] }")
        return try #require(VMThread(main: program, args: [], host: host))
    }

    @Test func onlyABlockedThreadTakesTheValue() throws {
        let thread = try sleeper()
        #expect(thread.run(budget: 100, resumingWith: "early") == .blocked)  // ready: runs, value ignored
        #expect(thread.run(budget: 100, resumingWith: nil) == .blocked)  // no answer: stays parked
        #expect(thread.isBlocked)
        #expect(thread.run(budget: 100, resumingWith: "woke") == .finished(["woke", 1]))
        #expect(thread.run(budget: 100, resumingWith: "late") == .terminated)
    }

    @Test func theAnswerTakesTheRegisterOfAStringMessage() throws {
        let thread = try sleeper()
        #expect(thread.run(budget: 100) == .blocked)
        let message = Value.string(StringBox(String(repeating: "x", count: 40)))
        #expect(thread.run(budget: 100, resumingWith: message) == .finished([message, 1]))
    }

    @Test func aPendingErrorIsRaisedAndTheValueIgnored() throws {
        let host = TestHost()
        host.answer = { _, _ in .block }
        let program = try compile(
            "fn main() { try { request(pid(2), \"q\", 100) } catch e { return e.kind } }")
        let thread = try #require(VMThread(main: program, args: [], host: host))
        #expect(thread.run(budget: 100) == .blocked)
        thread.resume(throwing: "timeout", message: "no reply")
        #expect(thread.run(budget: 100, resumingWith: "reply") == .finished("timeout"))
    }

    @Test func anUncaughtPendingErrorFailsTheThread() throws {
        let thread = try sleeper()
        #expect(thread.run(budget: 100) == .blocked)
        thread.resume(throwing: "noproc", message: "gone")
        guard case .failed(let failure) = thread.run(budget: 100, resumingWith: nil) else {
            Issue.record("expected a failure")
            return
        }
        #expect(failure.kind == "noproc")
        #expect(thread.isDone)
    }

    @Test func aThreadEndedWhileParkedIsNotResumed() throws {
        let thread = try sleeper()
        #expect(thread.run(budget: 100) == .blocked)
        thread.terminate()
        #expect(thread.run(budget: 100, resumingWith: "woke") == .terminated)
        #expect(thread.isDone)
    }

    @Test func aThreadEndedDuringItsSliceStopsAtTheSliceEnd() throws {
        let host = TestHost()
        let box = ThreadBox()
        host.answer = { call, _ in
            if call == .now { box.thread?.terminate() }
            return .value(.int(1))
        }
        let program = try compile("fn main() { now()\nvar n = 0\nwhile true { n += 1 } }")
        let thread = try #require(VMThread(main: program, args: [], host: host))
        box.thread = thread
        #expect(thread.run(budget: 1000, resumingWith: nil) == .terminated)
        #expect(thread.isDone)
        #expect(thread.reductions >= 1000)  // it ran its slice out
    }

    @Test func aParkedThreadEndedDuringItsSliceIsTerminated() throws {
        let host = TestHost()
        let box = ThreadBox()
        host.answer = { call, _ in
            guard call == .sleep else { return .value(.nil) }
            box.thread?.terminate()
            return .block
        }
        let program = try compile("fn main() { sleep(10)\nreturn 1 }")
        let thread = try #require(VMThread(main: program, args: [], host: host))
        box.thread = thread
        #expect(thread.run(budget: 100, resumingWith: nil) == .terminated)
    }

    @Test func aReturnedListIsTheOutcomeAndStaysForIntrospection() throws {
        let (outcome, _) = try runProgram("fn main() { return [\"a\", [1, 2]] }")
        #expect(outcome == .finished(["a", [1, 2]]))
        let (none, _) = try runProgram("fn main() { var x = 1 }")
        #expect(none == .finished(.nil))
    }
}

/// Lets a host's answer reach the thread it answers.
final class ThreadBox: @unchecked Sendable {
    var thread: VMThread?
}
