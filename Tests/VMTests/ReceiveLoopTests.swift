import Language
import Testing
import VM

/// Receive loops as the compiler shapes them (bound messages without copies, `send` reading
/// its arguments in place, threaded jumps) compute what the language says.
@Suite struct ReceiveLoopTests {
    private func run(_ source: String, mailbox: [Value]) throws -> (VMOutcome, TestHost) {
        let host = TestHost()
        host.mailbox = mailbox
        return try runProgram(source, host: host)
    }

    /// A body may change the variable bound to the message: the next round binds the next message.
    @Test func aBodyReassigningItsMessageLeavesTheNextMessageIntact() throws {
        let src = """
            fn main() {
              var seen = []
              for i in 0..<3 {
                receive {
                  "skip" => seen.append("skipped")
                  m => {
                    m = [m, "changed"]
                    seen.append(m)
                  }
                }
              }
              return seen
            }
            """
        let (outcome, host) = try run(src, mailbox: [1, "skip", 2])
        #expect(outcome == .finished([[1, "changed"], "skipped", [2, "changed"]]))
        #expect(host.mailbox.isEmpty)
    }

    /// A guard that changes its binding does not change the message the next clause sees.
    @Test func aGuardChangingItsBindingLeavesTheMessageIntact() throws {
        let src = """
            fn main() {
              receive {
                m when m.remove(0) == 99 => return "guard"
                other => return other
              }
            }
            """
        #expect(try run(src, mailbox: [[1, 2]]).0 == .finished([1, 2]))
    }

    @Test func forwardingLoopSendsEveryTokenThenStops() throws {
        let src = """
            fn main() {
              let next = self()
              var forwarded = 0
              loop {
                receive {
                  "stop" => return forwarded
                  token => {
                    send(next, token)
                    forwarded += 1
                  }
                }
              }
            }
            """
        let (outcome, host) = try run(src, mailbox: [1, [2], "three", "stop", 4])
        #expect(outcome == .finished(3))
        let sent = host.calls.filter { $0.0 == .send }.map { $0.1 }
        #expect(sent == [[.pid(7), 1], [.pid(7), [2]], [.pid(7), "three"]])
        #expect(host.mailbox == [4])
    }

    /// Arguments are evaluated in order; a target the message changes is sent as it was.
    @Test func sendEvaluatesItsArgumentsInOrder() throws {
        let src = """
            fn main() {
              var xs = [1, 2]
              let r = send(xs, xs.remove(0))
              send(xs, "literal")
              return [r, xs]
            }
            """
        let host = TestHost()
        host.answer = { call, _ in call == .send ? .value("sent") : .value(.nil) }
        let (outcome, _) = try runProgram(src, host: host)
        #expect(outcome == .finished(["sent", [2]]))
        #expect(host.calls.map { $0.1 } == [[[1, 2], 1], [[2], "literal"]])
    }

    @Test func nestedReceivesAndAfterInALoop() throws {
        let src = """
            fn main() {
              var log = []
              var rounds = 0
              while rounds < 2 {
                rounds += 1
                receive {
                  {pair: p} => receive {
                    q when q == p => log.append(["pair", p])
                    after 0 => log.append("no partner")
                  }
                  x => log.append(x)
                  after 0 => log.append("empty")
                }
              }
              return log
            }
            """
        let (outcome, host) = try run(src, mailbox: [["pair": 5], "noise", 5])
        #expect(outcome == .finished([["pair", 5], "noise"]))
        #expect(host.mailbox.isEmpty)
    }

    @Test func tryCatchAroundAReceiveLoop() throws {
        let src = """
            fn main() {
              var got = []
              try {
                loop {
                  receive {
                    "boom" => throw "exploded"
                    n => got.append(n * 2)
                  }
                }
              } catch e {
                return [got, e.message]
              }
            }
            """
        let (outcome, host) = try run(src, mailbox: [1, 2, "boom", 3])
        #expect(outcome == .finished([[2, 4], "exploded"]))
        #expect(host.mailbox == [3])
    }

    /// Waiting, then a timeout, then a rescan request, across resumes.
    @Test func waitsResumeScanOnTimeOutAndRescan() throws {
        let src = """
            fn main() {
              var log = []
              for i in 0..<2 {
                receive {
                  "x" => log.append("x")
                  after 100 => log.append("timeout")
                }
              }
              receive { "y" => log.append("y") }
              return log
            }
            """
        let host = TestHost()
        let thread = try #require(VMThread(main: try compile(src), args: [], host: host))
        #expect(thread.run(budget: 1000) == .blocked)
        thread.resume(with: .bool(false))
        #expect(thread.run(budget: 1000) == .blocked)
        host.mailbox = ["x"]
        thread.resume(with: .bool(true))
        #expect(thread.run(budget: 1000) == .blocked)
        #expect(host.lastTimeout == .some(nil))
        host.mailbox = ["y"]
        thread.resume(with: .int(0))
        #expect(thread.run(budget: 1000) == .finished(["timeout", "x", "y"]))
    }

    /// Literal patterns compare like `==`: a number matches an equal int or float, a string only
    /// an equal string, never a scalar, list or map.
    @Test func literalPatternsCompareAcrossTypes() throws {
        let src = """
            fn main() {
              var out = []
              for i in 0..<6 {
                receive {
                  1 => out.append("one")
                  "stop" => out.append("stop")
                  other => out.append(["other", other])
                }
              }
              return out
            }
            """
        let mailbox: [Value] = [1.0, "stop", ["stop"], 2, .nil, ["k": "stop"]]
        let (outcome, _) = try run(src, mailbox: mailbox)
        let expected: Value = [
            "one", "stop", ["other", ["stop"]], ["other", 2], ["other", .nil], ["other", ["k": "stop"]],
        ]
        #expect(outcome == .finished(expected))
    }

    /// `send(x, x)`: one register is both arguments; it keeps its value.
    @Test func sendWithOneRegisterForBothArguments() throws {
        let (outcome, host) = try runProgram("fn main() { let x = [1]\n send(x, x)\n return x }")
        #expect(outcome == .finished([1]))
        #expect(host.calls.map { $0.1 } == [[[1], [1]]])
    }

    /// Moves between registers holding scalars and references keep every value intact.
    @Test func movesBetweenScalarsAndReferences() throws {
        let src = """
            fn main() {
              var a = 1
              var b = "text"
              var c = [a, b]
              a = b
              b = 2
              let d = c
              c = a
              return [a, b, c, d]
            }
            """
        #expect(try runProgram(src).0 == .finished(["text", 2, "text", [1, "text"]]))
    }
}
