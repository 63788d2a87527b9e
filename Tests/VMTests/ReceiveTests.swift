import Language
import Testing
import VM

/// Runs `source`'s main with `mailbox`, until it blocks or ends.
private func start(_ source: String, mailbox: [Value]) throws -> (VMThread, TestHost, VMOutcome) {
    let host = TestHost()
    host.mailbox = mailbox
    let program = try compile(source)
    let thread = try #require(VMThread(main: program, args: [], host: host))
    var outcome = VMOutcome.yielded
    for _ in 0..<1000 where outcome == .yielded { outcome = thread.run(budget: 100) }
    return (thread, host, outcome)
}

private func drive(_ thread: VMThread) -> VMOutcome {
    var outcome = VMOutcome.yielded
    for _ in 0..<1000 where outcome == .yielded { outcome = thread.run(budget: 100) }
    return outcome
}

@Suite struct ReceiveTests {
    @Test func literalWildcardAndBindingPatterns() throws {
        let src = """
            fn main() {
              var out = []
              for i in 0..<4 {
                receive {
                  "ping" => out.append("pong")
                  42 => out.append("answer")
                  [a, b] => out.append(a + b)
                  other => out.append(["other", other])
                }
              }
              return out
            }
            """
        let (_, host, outcome) = try start(src, mailbox: ["ping", 42, [1, 2], 3.5])
        #expect(outcome == .finished(["pong", "answer", 3, ["other", 3.5]]))
        #expect(host.mailbox.isEmpty)
    }

    /// When another thread takes the matched message first, `receive` scans again from the
    /// start and takes the next match, never the message it lost.
    @Test func aTakeLostToAnotherThreadRescans() throws {
        let src = """
            fn main() {
              receive { {v: n} => return n }
            }
            """
        let host = TestHost()
        host.mailbox = ["x", ["v": 5], ["v": 6]]
        host.takesLostToAnotherThread = 1
        let thread = try #require(VMThread(main: try compile(src), args: [], host: host))
        #expect(drive(thread) == .finished(6))
        #expect(host.mailbox == ["x"])
    }

    @Test func mapPatternsMatchSubsetsAndBind() throws {
        let src = """
            fn main() {
              receive {
                {op: "add", a, b, from} when a >= 0 => return [a + b, from]
                {op: "stop"} => return "stopped"
              }
            }
            """
        let msg: Value = ["op": "add", "a": 1, "b": 2, "from": .pid(3), "extra": true]
        #expect(try start(src, mailbox: [msg]).2 == .finished([3, .pid(3)]))
        #expect(try start(src, mailbox: [["op": "stop"]]).2 == .finished("stopped"))
    }

    @Test func selectiveReceiveLeavesOthersQueued() throws {
        let src = """
            fn main() {
              receive { {op: "stop"} => return "stopped" }
            }
            """
        let (_, host, outcome) = try start(src, mailbox: ["noise", ["op": "x"], ["op": "stop"], "later"])
        #expect(outcome == .finished("stopped"))
        #expect(host.mailbox == ["noise", ["op": "x"], "later"])
    }

    @Test func guardsRejectAndNestedPatterns() throws {
        let src = """
            fn main() {
              receive {
                {a: [x, {y: 2}]} when x > 10 => return "big"
                {a: [x, {y: 2}]} => return x
                _ => return "any"
              }
            }
            """
        #expect(try start(src, mailbox: [["a": [5, ["y": 2]]]]).2 == .finished(5))
        #expect(try start(src, mailbox: [["a": [50, ["y": 2]]]]).2 == .finished("big"))
        #expect(try start(src, mailbox: [["a": [5, ["y": 3]]]]).2 == .finished("any"))
        #expect(try start(src, mailbox: [["a": [5]]]).2 == .finished("any"))
    }

    @Test func afterZeroRunsAtOnce() throws {
        let src = "fn main() { receive { \"x\" => return 1\n after 0 => return \"timeout\" } }"
        let (_, host, outcome) = try start(src, mailbox: ["y"])
        #expect(outcome == .finished("timeout"))
        #expect(!host.waitingForMessage)
    }

    @Test func blocksThenResumesOnNewMessageWithoutRescanning() throws {
        let src = "fn main() { receive { {op: \"go\", n} => return n\n after 500 => return \"timeout\" } }"
        let (thread, host, outcome) = try start(src, mailbox: ["a", "b"])
        #expect(outcome == .blocked)
        #expect(host.lastTimeout == .some(500))
        let peeksBefore = host.peeks
        host.mailbox.append(["op": "go", "n": 7])
        thread.resume(with: .bool(true))
        #expect(drive(thread) == .finished(7))
        #expect(host.peeks == peeksBefore + 1)  // only the new message was examined
    }

    @Test func timeoutRunsAfterBranch() throws {
        let src = "fn main() { receive { \"x\" => return 1\n after 100 => return \"timeout\" } }"
        let (thread, _, outcome) = try start(src, mailbox: [])
        #expect(outcome == .blocked)
        thread.resume(with: .bool(false))
        #expect(drive(thread) == .finished("timeout"))
    }

    @Test func hostCanAskForARescanFromAnIndex() throws {
        let src = "fn main() { receive { \"x\" => return 1 } }"
        let (thread, host, outcome) = try start(src, mailbox: ["a"])
        #expect(outcome == .blocked)
        host.mailbox = ["x"]
        thread.resume(with: .int(0))
        #expect(drive(thread) == .finished(1))
    }

    @Test func receiveWithoutAfterWaitsForever() throws {
        let (_, host, outcome) = try start("fn main() { receive { _ => return 1 } }", mailbox: [])
        #expect(outcome == .blocked)
        #expect(host.lastTimeout == .some(nil))
    }

    /// A `receive` with a clause that takes any message takes the first one (`recvfirst`):
    /// the earlier clauses only choose the body, and later messages stay queued.
    @Test func aReceiveThatTakesAnyMessageTakesTheFirst() throws {
        let src = """
            fn main() {
              receive {
                {v: n} => return n
                m => return ["first", m]
              }
            }
            """
        let (_, host, outcome) = try start(src, mailbox: ["x", ["v": 1]])
        #expect(outcome == .finished(["first", "x"]))
        #expect(host.mailbox == [["v": 1]])
        #expect(try start(src, mailbox: [["v": 2], "y"]).2 == .finished(2))
    }

    /// When another thread takes the first message meanwhile, the receive takes the next.
    @Test func aTakeFirstLostToAnotherThreadTakesTheNext() throws {
        let host = TestHost()
        host.mailbox = [1, 2, 3]
        host.takesLostToAnotherThread = 1
        let program = try compile("fn main() { receive { m => return m } }")
        let thread = try #require(VMThread(main: program, args: [], host: host))
        #expect(drive(thread) == .finished(2))
        #expect(host.mailbox == [3])
    }

    /// With no message the receive waits; woken (whatever the wake-up says), it takes the
    /// message that arrived.
    @Test func aTakeFirstWaitsAndTakesTheArrival() throws {
        let src = """
            fn main() {
              var got = []
              for i in 0..<2 {
                receive {
                  "stop" => return got
                  m => got.append(m)
                }
              }
              return got
            }
            """
        let (thread, host, outcome) = try start(src, mailbox: [])
        #expect(outcome == .blocked)
        #expect(host.lastTimeout == .some(nil))
        host.mailbox.append(9)
        thread.resume(with: .bool(true))
        #expect(drive(thread) == .blocked)
        host.mailbox.append(10)
        thread.resume(with: .int(0))
        #expect(drive(thread) == .finished([9, 10]))
    }

    /// A guard before the clause that takes any message keeps the scanning form: a guard that
    /// throws leaves the message queued.
    @Test func aThrowingGuardLeavesTheMessageQueued() throws {
        let src = """
            fn main() {
              try {
                receive {
                  m when 1 / m > 0 => return "positive"
                  _ => return "any"
                }
              } catch e { return e.kind }
            }
            """
        let (_, host, outcome) = try start(src, mailbox: [0])
        #expect(outcome == .finished("arith"))
        #expect(host.mailbox == [0])
    }

    @Test func serverLoop() throws {
        let src = """
            fn main() {
              var total = 0
              loop {
                receive {
                  {op: "add", n} => total += n
                  {op: "stop"} => break
                }
              }
              return total
            }
            """
        let (thread, host, outcome) = try start(
            src, mailbox: [["op": "add", "n": 2], ["op": "add", "n": 3]])
        #expect(outcome == .blocked)
        host.mailbox.append(["op": "stop"])
        thread.resume(with: .bool(true))
        #expect(drive(thread) == .finished(5))
    }
}
