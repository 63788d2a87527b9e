import Language
import Synchronization

/// An activation record: the function, where it is, and where its registers start.
struct Frame {
    /// Index of the function in the program.
    var function: Int
    var pc: Int
    var base: Int
}

/// A ``VMError`` waiting to be raised in a thread (see ``VMThread/pendingError``).
final class PendingError {
    let error: VMError
    init(_ error: VMError) { self.error = error }
}

/// A `try` handler: the frame it belongs to, where `catch` starts and the error's register.
struct Handler {
    var frameDepth: Int
    var catchPC: Int
    var register: Int
}

/// A runtime error being raised inside the VM.
struct VMError: Error {
    var kind: String
    var message: String
    var value: Value?

    init(_ kind: String, _ message: String, value: Value? = nil) {
        self.kind = kind
        self.message = message
        self.value = value
    }
}

/// A green thread: a frame stack running one function of a `Program`.
///
/// `@unchecked Sendable`: the kernel moves threads between execution slots, and guarantees that
/// at most one OS thread runs or resumes a given `VMThread` at a time.
public final class VMThread: @unchecked Sendable {
    enum State {
        case ready
        case blocked(resultSlot: Int)
        case done
    }

    /// The program this thread runs.
    public let program: Program
    let host: any VMHost
    /// The registers, after the frames in the same allocation (see `allocateStorage`).
    var stack: UnsafeMutablePointer<Value>
    var stackCapacity: Int
    var frames: UnsafeMutablePointer<Frame>
    var frameCapacity: Int
    var frameCount = 0
    var handlers: [Handler] = []
    /// The kept buffer of kernel calls' argument arrays (see `takeSyscallArguments`); empty.
    var syscallArguments: [Value] = []
    var state = State.ready
    /// Free for the host's use (e.g. "resume this thread with nil when it runs next"). Here,
    /// in the padding after ``state``'s tag byte: at the end it took a word of its own.
    public var hostFlag = false
    /// The error a resumption raises when the thread runs next (``resume(throwing:message:)``),
    /// boxed: inline, the optional error took 48 bytes more of every thread. With it boxed
    /// and ``hostFlag`` moved, a thread's object shrank from 193 to 152 bytes (208 to 160
    /// with malloc's header and rounding).
    var pendingError: PendingError?
    var pendingAllocation = 0
    /// Set by `terminate()`, possibly from another OS thread; read when a slice starts.
    let terminationFlag = Atomic<Bool>(false)
    var terminationRequested: Bool {
        get { terminationFlag.load(ordering: .acquiring) }
        set { terminationFlag.store(newValue, ordering: .releasing) }
    }
    /// Total reductions executed so far.
    public internal(set) var reductions = 0
    /// Free for the host's use (e.g. its thread id).
    public var hostTag: Int = 0
    /// Most registers a thread's stack may hold before a `stack` error.
    static let maxStack = 1 << 20

    /// A thread about to call `entry` with its `argumentCount` argument registers (after the
    /// result register) still nil: the convenience initializers fill them.
    private init(program: Program, entry: Function, argumentCount: Int, host: any VMHost) {
        self.program = program
        self.host = host
        (frames, frameCapacity, stack, stackCapacity) = VMThread.initialStorage(
            function: entry.index, registerCount: entry.registerCount, argumentCount: argumentCount)
        frameCount = 1
    }

    /// A thread that will call function `function` of `program` with `args` (plus, for a closure,
    /// its captured values after the arguments). Throws a `type` failure for a bad index or arity.
    public convenience init(program: Program, function: Int, args: [Value], host: any VMHost)
        throws(RuntimeFailure)
    {
        guard program.functions.indices.contains(function) else {
            throw RuntimeFailure(
                kind: "type", message: "no function #\(function)", file: program.file, line: 0)
        }
        let fn = program.functions[function]
        guard args.count == fn.arity + fn.captureCount else {
            throw RuntimeFailure(
                kind: "type",
                message:
                    "\(fn.name) takes \(fn.arity) argument\(fn.arity == 1 ? "" : "s"), but \(args.count) given",
                file: program.file, line: fn.line(at: 0))
        }
        self.init(program: program, entry: fn, argumentCount: args.count, host: host)
        for (i, a) in args.enumerated() { stack[1 + i] = a }
    }

    /// A thread running `main(args)` of `program`, or nil when it has no `main`. The argument
    /// list goes straight to its register, shared with the last spawn given the same strings.
    /// (A designated initializer, with `args` borrowed: `program` and `host` move into the
    /// thread without the retains and releases of delegating to another initializer.)
    public init?(main program: Program, args: borrowing [String], host: any VMHost) {
        guard let index = program.mainIndex else { return nil }
        let main = program.table[index]  // raw: reading `program.main` retained and released it
        guard main.captureCount == 0 else { return nil }
        let arguments = main.arity > 0 ? program.argumentList(args) : nil
        (frames, frameCapacity, stack, stackCapacity) = VMThread.initialStorage(
            function: index, registerCount: main.registerCount, argumentCount: main.arity)
        frameCount = 1
        if let arguments { (stack + 1).store(arguments) }
        self.program = program
        self.host = host
    }

    /// A thread that calls the function value `callable` (a function or closure of `program`);
    /// this is what the host does for the `thread` kernel call (`args` = `[callable, [args]]`).
    public convenience init(program: Program, callable: Value, args: [Value], host: any VMHost)
        throws(RuntimeFailure)
    {
        guard case .function(let c) = callable, c.programID == ObjectIdentifier(program) else {
            throw RuntimeFailure(
                kind: "type",
                message:
                    "cannot start a thread with \(callable.typeName) (expected a function of this program)",
                file: program.file, line: 0)
        }
        try self.init(program: program, function: c.function, args: args + c.captures, host: host)
    }

    deinit { deallocateStorage() }

    // MARK: - Host control

    /// Delivers the result of the kernel call (or `receive` wait) that blocked the thread.
    public func resume(with value: Value) {
        guard case .blocked(let slot) = state else { return }
        (stack + slot).store(value)  // usually over a scalar: no destroy of the old value
        state = .ready
    }

    /// Resumes a blocked thread by raising a catchable error (e.g. kind `timeout`).
    public func resume(throwing kind: String, message: String) {
        guard case .blocked = state else { return }
        pendingError = PendingError(VMError(kind, message))
        state = .ready
    }

    /// Ends the thread: the next `run` returns `.terminated` and does nothing. Safe to call from
    /// any OS thread, also while the thread runs (it then stops at the end of its slice at the latest).
    public func terminate() { terminationRequested = true }

    /// Whether the thread finished, failed or was terminated.
    public var isDone: Bool {
        if case .done = state { return true }
        return terminationRequested
    }

    /// Whether the thread waits for `resume`.
    public var isBlocked: Bool {
        if case .blocked = state { return true }
        return false
    }

    // MARK: - Introspection (single-stepping, `threads`, teaching)

    /// Name of the function the thread is in.
    public var currentFunctionName: String {
        frameCount > 0 ? program.functions[frames[frameCount - 1].function].name : "-"
    }

    /// Index of the next instruction in the current function.
    public var pc: Int { frameCount > 0 ? frames[frameCount - 1].pc : 0 }

    /// Source line of the next instruction.
    public var currentLine: Int {
        guard frameCount > 0 else { return 0 }
        let f = frames[frameCount - 1]
        return program.functions[f.function].line(at: f.pc)
    }

    /// The next instruction, disassembled.
    public var currentInstruction: String {
        guard frameCount > 0 else { return "(finished)" }
        let f = frames[frameCount - 1]
        return Disassembler.line(program.functions[f.function], pc: f.pc, program: program)
    }

    /// The call stack, innermost first, with each frame's registers: one line per frame.
    public var stackSnapshot: String {
        var lines: [String] = []
        for depth in stride(from: frameCount - 1, through: 0, by: -1) {
            let f = frames[depth]
            let count = min(program.functions[f.function].registerCount, 16)
            let regs = (0..<count).map { i -> String in
                let s = stack[f.base + i].repr
                return s.count > 30 ? String(s.prefix(27)) + "..." : s
            }
            lines.append(
                "#\(frameCount - 1 - depth) \(program.functions[f.function].name) pc=\(f.pc) line=\(program.functions[f.function].line(at: f.pc)) "
                    + "[\(regs.joined(separator: ", "))]")
        }
        return lines.joined(separator: "\n")
    }

    /// Call depth.
    public var callDepth: Int { frameCount }

    /// Approximate bytes of the values held in the thread's live registers.
    public var heapBytes: Int {
        guard frameCount > 0 else { return 0 }
        let top = frames[frameCount - 1]
        var n = stackCapacity * MemoryLayout<Value>.stride
        for i in 0..<min(stackCapacity, top.base + program.functions[top.function].registerCount) {
            n += stack[i].approximateBytes
        }
        return n
    }
}
