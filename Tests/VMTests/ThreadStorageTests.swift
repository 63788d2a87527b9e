import Language
import Testing
import VM

/// A thread's frames and registers (one allocation that grows), and the reused buffer of
/// kernel call arguments.
@Suite struct ThreadStorageTests {
    /// `main` with more registers than a new thread's minimum of 16.
    @Test func mainWithManyRegisters() throws {
        let lets = (0..<40).map { "  let v\($0) = \($0)" }.joined(separator: "\n")
        let sum = (0..<40).map { "v\($0)" }.joined(separator: " + ")
        let program = try compile("fn main(args) {\n\(lets)\n  return [\(sum), args]\n}")
        #expect(try #require(program.main).registerCount > 40)
        let thread = try #require(VMThread(main: program, args: ["a"], host: TestHost()))
        #expect(thread.run(budget: 1000) == .finished([780, ["a"]]))
    }

    /// A call that needs more registers than the thread has moves the frames and registers.
    @Test func callNeedingMoreRegistersGrowsTheStack() throws {
        let lets = (0..<40).map { "  let v\($0) = x + \($0)" }.joined(separator: "\n")
        let sum = (0..<40).map { "v\($0)" }.joined(separator: " + ")
        let (outcome, host) = try runProgram(
            """
            fn main() {
              let before = "kept"
              let r = wide(1)
              return [before, r]
            }
            fn wide(x) {
            \(lets)
              return \(sum)
            }
            """)
        #expect(outcome == .finished(["kept", 820]))
        #expect(host.allocated > 0)  // the growth is booked to the host
    }

    /// Deep recursion grows frames and registers many times; every frame keeps a list in a
    /// register across the moves.
    @Test func deepRecursionKeepsEveryFrame() throws {
        let (outcome, _) = try runProgram(
            """
            fn main() { return deep(3000) }
            fn deep(n) {
              let mine = [n, "frame"]
              if n == 0 { return 0 }
              return deep(n - 1) + mine[0]
            }
            """)
        #expect(outcome == .finished(.int(3000 * 3001 / 2)))
    }

    /// A thread parked deep in a recursion: its frames and live registers are visible.
    @Test func parkedDeepThreadReportsItsFrames() throws {
        let host = TestHost()
        let program = try compile(
            """
            fn main() { return deep(100) }
            fn deep(n) {
              let mine = "frame \\(n)"
              if n == 0 { receive { x => return x } }
              return deep(n - 1)
            }
            """)
        let thread = try #require(VMThread(main: program, args: [], host: host))
        #expect(thread.run(budget: 100_000) == .blocked)
        #expect(thread.callDepth == 102)
        #expect(thread.heapBytes > 101 * 16)
        thread.resume(with: .bool(true))
        host.mailbox = ["done"]
        #expect(thread.run(budget: 100_000) == .finished("done"))
    }

    /// Ending a thread, also one grown by deep calls, releases the values in its registers.
    @Test(arguments: [0, 200])
    func freedThreadReleasesItsRegisters(depth: Int) throws {
        weak var weakBox: StringBox?
        weak var weakClosure: Closure?
        do {
            let program = try compile(
                """
                fn main() { return 0 }
                fn hold(s, f, n) {
                  let mine = [s, f]
                  if n == 0 { receive { "never" => {} } }
                  return hold(s, f, n - 1)
                }
                """)
            let box = StringBox("held by the thread")
            let closure = Closure(
                programID: ObjectIdentifier(program), function: 1, name: "hold", captures: [])
            weakBox = box
            weakClosure = closure
            let thread = try VMThread(
                program: program, function: try #require(program.functionIndex(named: "hold")),
                args: [.string(box), .function(closure), .int(Int64(depth))], host: TestHost())
            #expect(thread.run(budget: 100_000) == .blocked)
            #expect(thread.callDepth == depth + 1)
        }
        #expect(weakBox == nil)
        #expect(weakClosure == nil)
    }

    /// Releasing a thread's storage frees the values in its registers at once, while the
    /// thread object lives on (seeing no frames); releasing again, and freeing the object
    /// after, free nothing twice.
    @Test func releasedStorageFreesRegistersBeforeTheThread() throws {
        weak var weakBox: StringBox?
        let program = try compile(
            """
            fn main() { return 0 }
            fn hold(s) {
              let mine = [s]
              receive { "never" => {} }
              return mine
            }
            """)
        var thread: VMThread?
        do {
            let box = StringBox("held by the thread")
            weakBox = box
            thread = try VMThread(
                program: program, function: try #require(program.functionIndex(named: "hold")),
                args: [.string(box)], host: TestHost())
        }
        #expect(thread?.run(budget: 1000) == .blocked)
        #expect(weakBox != nil && thread?.callDepth == 1)
        thread?.releaseStorage()
        #expect(weakBox == nil)
        #expect(
            thread?.callDepth == 0 && thread?.heapBytes == 0 && thread?.currentInstruction == "(finished)")
        thread?.releaseStorage()
        #expect(thread?.run(budget: 1000) == .terminated)
        thread = nil
    }

    /// The argument buffer is reused between kernel calls; a host that keeps an argument
    /// array keeps it unchanged, and arguments are released after the call.
    @Test func kernelCallArgumentsAreReusedSafely() throws {
        let host = TestHost()
        let (outcome, _) = try runProgram(
            """
            fn main() {
              for i in 0..<3 { metric("m\\(i)", i) }
              print("a", 1, [2])
              sleep(5)
              return parent()
            }
            """, host: host)
        #expect(outcome == .finished(.nil))
        #expect(host.calls.map(\.0.name) == ["metric", "metric", "metric", "print", "sleep", "parent"])
        #expect(host.calls[0].1 == ["m0", 0])
        #expect(host.calls[1].1 == ["m1", 1])
        #expect(host.calls[2].1 == ["m2", 2])
        #expect(host.calls[3].1 == ["a 1 [2]"])
        #expect(host.calls[4].1 == [5])
        #expect(host.calls[5].1.isEmpty)
        #expect(host.output == ["a 1 [2]"])
    }

    /// A host that does not keep the arguments: each call's are gone by the next call (the
    /// reused buffer does not hold them).
    @Test func kernelCallArgumentsAreReleasedAfterTheCall() throws {
        let host = NoRecordHost()
        let program = try compile("fn main() { for i in 0..<4 { metric(\"m\\(i)\", i) }\nreturn 0 }")
        let thread = try #require(VMThread(main: program, args: [], host: host))
        #expect(thread.run(budget: 1000) == .finished(0))
        #expect(host.names == ["m0", "m1", "m2", "m3"])
        #expect(host.previousAliveAtCall == [false, false, false, false])
    }
}

/// A host that keeps no arguments; it notes whether the previous call's name still lives.
private final class NoRecordHost: VMHost, @unchecked Sendable {
    var names: [String] = []
    var previousAliveAtCall: [Bool] = []
    weak var previous: StringBox?

    func syscall(_ call: KernelCall, _ args: [Value], thread: VMThread) -> SyscallResult {
        guard call == .metric, case .string(let name) = args[0] else { return .value(.nil) }
        previousAliveAtCall.append(previous != nil)
        previous = name
        names.append(name.value)
        return .value(.nil)
    }

    func peekMessage(at index: Int, thread: VMThread) -> Value? { nil }
    func removeMessage(at index: Int, thread: VMThread) -> Bool { true }
    func waitForMessage(timeout: Int64?, thread: VMThread) -> SyscallResult { .block }
    func allocate(bytes: Int, thread: VMThread) -> Bool { true }
}
