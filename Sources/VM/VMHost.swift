import Language

/// What a kernel call asks the VM to do next.
public enum SyscallResult: Sendable {
    /// Continue; the call's result is this value.
    case value(Value)
    /// The host has parked the thread; `run` returns `.blocked`. Before the thread runs again
    /// the host calls `resume(with:)` (the call's result) or `resume(throwing:message:)`.
    case block
    /// Raise a catchable runtime error of `kind` (e.g. `timeout`, `noproc`, `permission`).
    /// Boxed (`indirect`): inline, its two strings made every answer 33 bytes, returned through
    /// memory and copied once more by each witness thunk; boxed, an answer fits in registers.
    indirect case fail(kind: String, message: String)
    /// The host ended the thread (e.g. `exit()`, killed, out of memory); `run` returns `.terminated`.
    case terminate
}

/// How a slice of execution ended.
public enum VMOutcome: Sendable, Equatable {
    /// The budget ran out; run again later.
    case yielded
    /// A kernel call or `receive` parked the thread; the host resumes it.
    case blocked
    /// The thread's function returned this value.
    case finished(Value)
    /// An error nobody caught ended the thread (the kernel reports exit code 70, `failure.reason`).
    /// Boxed (`indirect`): inline, the failure made every outcome 66 bytes, written to memory
    /// and compared word by word at each layer of a slice; boxed, an outcome fits in registers.
    indirect case failed(RuntimeFailure)
    /// The host ended the thread.
    case terminated
}

/// An uncaught runtime error: kind, message and where it happened.
public struct RuntimeFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// `type`, `arith`, `index`, `timeout`, `stack`, ... or the `kind` of a thrown map.
    public var kind: String
    /// What went wrong.
    public var message: String
    /// Source file of the program.
    public var file: String
    /// Source line of the failing instruction.
    public var line: Int
    /// The thrown value, for `throw VALUE`.
    public var value: Value?

    /// Creates a failure.
    public init(kind: String, message: String, file: String, line: Int, value: Value? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.line = line
        self.value = value
    }

    /// `FILE:LINE: MESSAGE`, the process's exit reason.
    public var reason: String { "\(file):\(line): \(message)" }
    /// `FILE:LINE: KIND: MESSAGE`.
    public var description: String { "\(file):\(line): \(kind): \(message)" }
}

/// The kernel side of the VM: kernel calls, the mailbox and memory accounting.
///
/// Methods are called on whatever OS thread runs the `VMThread`, one call at a time per thread.
/// The thread holds its host strongly: drop finished threads to avoid keeping the host alive.
public protocol VMHost: AnyObject, Sendable {
    /// Executes kernel call `call` for `thread`. `args` are as written in the source, except
    /// `print`/`log` (one string) and `thread` (`[function, [args]]`); see `KernelCall`.
    func syscall(_ call: KernelCall, _ args: [Value], thread: VMThread) -> SyscallResult

    /// `send(target, message)`, the most frequent kernel call, without an argument array.
    func send(_ target: Value, _ message: Value, thread: VMThread) -> SyscallResult

    /// The message at `index` of `thread`'s mailbox (its own, then its process's), or nil past the end.
    /// A `receive` scans indices 0, 1, 2, ... and never rescans an index it rejected while it waits,
    /// so new messages must appear after existing ones.
    func peekMessage(at index: Int, thread: VMThread) -> Value?

    /// Removes the message at `index` (the one `peekMessage(at:)` returned, which matched).
    /// Returns false when it is gone: another thread of the process, sharing its mailbox,
    /// took it between the two calls. The `receive` then scans again from the start.
    func removeMessage(at index: Int, thread: VMThread) -> Bool

    /// Takes the first message of `thread`'s mailbox (its own, then its process's), for a
    /// `receive` that takes any message (`recvfirst`): `.value(message)`; with none, the host
    /// parks the thread as ``waitForMessage(timeout:thread:)`` with no timeout does (`.block`,
    /// then `resume(with:)` when mail arrives) and the VM asks again when it resumes.
    func takeFirstMessage(thread: VMThread) -> SyscallResult

    /// No message matched: wait for a new one or `timeout` milliseconds (nil: forever; never 0).
    /// Return `.block` and later `resume(with: .bool(true))` ("new message, scan on"),
    /// `.bool(false)` ("timed out, run the after branch") or `.int(i)` ("rescan from index i", when
    /// the mailbox was reordered); or return `.value(...)` with one of those at once.
    func waitForMessage(timeout: Int64?, thread: VMThread) -> SyscallResult

    /// Reports `bytes` newly allocated by `thread` (batched). Return false when the process is over
    /// its memory quota and the host has ended it: `run` then returns `.terminated`.
    func allocate(bytes: Int, thread: VMThread) -> Bool
}

extension VMHost {
    /// Sends through ``syscall(_:_:thread:)``: hosts that do not need the fast path.
    public func send(_ target: Value, _ message: Value, thread: VMThread) -> SyscallResult {
        syscall(.send, [target, message], thread: thread)
    }

    /// Takes the first message through ``peekMessage(at:thread:)`` and
    /// ``removeMessage(at:thread:)``, or waits through ``waitForMessage(timeout:thread:)``:
    /// hosts that do not need the fast path.
    public func takeFirstMessage(thread: VMThread) -> SyscallResult {
        while true {
            if let message = peekMessage(at: 0, thread: thread) {
                if removeMessage(at: 0, thread: thread) { return .value(message) }
                continue  // another thread of the process took it: look again
            }
            let answer = waitForMessage(timeout: nil, thread: thread)
            guard case .value = answer else { return answer }  // a message came meanwhile: look again
        }
    }
}
