import Language
import VM

/// A one-thread host for tests: an array mailbox, recorded output and kernel calls.
final class TestHost: VMHost, @unchecked Sendable {
    var mailbox: [Value] = []
    var output: [String] = []
    var calls: [(KernelCall, [Value])] = []
    var waitingForMessage = false
    var lastTimeout: Int64??
    var allocated = 0
    var memoryLimit = Int.max
    var peeks = 0
    /// How many takes to refuse, as if another thread sharing the mailbox took the message
    /// first (it leaves the mailbox all the same).
    var takesLostToAnotherThread = 0
    /// Answers for kernel calls; default: `.value(.nil)`.
    var answer: (KernelCall, [Value]) -> SyscallResult = { _, _ in .value(.nil) }

    func syscall(_ call: KernelCall, _ args: [Value], thread: VMThread) -> SyscallResult {
        calls.append((call, args))
        switch call {
        case .print, .log:
            output.append(args.first?.printString ?? "")
            return .value(.nil)
        case .self: return .value(.pid(7))
        case .tid: return .value(.tid(70))
        case .exit: return .terminate
        default: return answer(call, args)
        }
    }

    func peekMessage(at index: Int, thread: VMThread) -> Value? {
        peeks += 1
        return index < mailbox.count ? mailbox[index] : nil
    }

    func removeMessage(at index: Int, thread: VMThread) -> Bool {
        mailbox.remove(at: index)
        guard takesLostToAnotherThread == 0 else {
            takesLostToAnotherThread -= 1
            return false
        }
        return true
    }

    func waitForMessage(timeout: Int64?, thread: VMThread) -> SyscallResult {
        waitingForMessage = true
        lastTimeout = .some(timeout)
        return .block
    }

    func allocate(bytes: Int, thread: VMThread) -> Bool {
        allocated += bytes
        return allocated <= memoryLimit
    }
}

/// Compiles `source`, adding a header when it has none.
func compile(_ source: String, file: String = "test.orch") throws -> Program {
    let text = source.hasPrefix("orchestrator") ? source : "orchestrator test version \"1.0.0\"\n" + source
    return try Compiler.compile(source: text, file: file)
}

/// Runs `main(args)` of `source` until it stops for good (bounded) and returns the outcome and host.
func runProgram(
    _ source: String, args: [String] = [], host: TestHost = TestHost(), budget: Int = 5_000_000
) throws -> (VMOutcome, TestHost) {
    let program = try compile(source)
    guard let thread = VMThread(main: program, args: args, host: host) else {
        return (.failed(RuntimeFailure(kind: "test", message: "no main", file: "", line: 0)), host)
    }
    var spent = 0
    while spent < budget {
        let outcome = thread.run(budget: VMInfo.defaultQuantum)
        spent += VMInfo.defaultQuantum
        if case .yielded = outcome { continue }
        return (outcome, host)
    }
    return (.yielded, host)
}

/// The value `main` returns (body given), or nil if it did not finish.
func result(_ body: String, args: [String] = []) throws -> Value? {
    let (outcome, _) = try runProgram("fn main(args) {\n\(body)\n}", args: args)
    if case .finished(let v) = outcome { return v }
    return nil
}

/// The failure of `main` (body given), or nil if it did not fail.
func failure(_ body: String) throws -> RuntimeFailure? {
    let (outcome, _) = try runProgram("fn main(args) {\n\(body)\n}")
    if case .failed(let f) = outcome { return f }
    return nil
}
