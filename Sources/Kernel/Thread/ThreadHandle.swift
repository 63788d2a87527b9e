import Language

/// The running thread's way into the kernel: what a runnable (the VM, or native code) calls
/// during its slice. Each call takes the kernel lock briefly.
public struct ThreadHandle {
    let kernel: Kernel
    let thread: KThread

    /// This thread's TID.
    public var tid: TID { thread.tid }
    /// Its process's PID.
    public var pid: PID { thread.process.pid }

    /// How this thread signs its messages: the main thread as its process, others as threads.
    var senderAddress: Address { thread.senderAddress }

    /// Its process's parent.
    public var parentPID: PID { kernel.lock.withLock { thread.process.parent } }

    /// Queues a message. Returns false when the receiver's mailbox is full: the caller should
    /// then block with ``WaitRequest/send(to:message:)``. A dead address counts a dead letter
    /// and returns true (a program's `send` never fails).
    public func trySend(_ value: Value, to address: Address) -> Bool {
        kernel.trySend(value, to: address, from: thread)
    }

    /// The message at `index` of this thread's queue: its own mailbox first, then its
    /// process's. nil past the end — and then a later `receive` wait only wakes for newer mail.
    public func peekMessage(at index: Int) -> Message? { kernel.peekMessage(of: thread, at: index) }

    /// Removes the message at `index` (as numbered by ``peekMessage(at:)``) and returns it.
    @discardableResult
    public func removeMessage(at index: Int) -> Message? { kernel.removeMessage(of: thread, at: index) }

    /// Takes the oldest message, or nil (then block with ``WaitRequest/receive(timeoutMilliseconds:)``).
    public func takeMessage() -> Message? {
        peekMessage(at: 0) == nil ? nil : removeMessage(at: 0)
    }

    /// Starts another thread in this process.
    public func spawnThread(name: String, runnable: Runnable) throws(KernelError) -> TID {
        try kernel.lock.withLock { () throws(KernelError) -> TID in
            try kernel.spawnThreadLocked(in: thread.process, name: name, runnable: runnable)
        }
    }

    /// Starts a child process.
    public func spawn(_ executable: Executable, arguments: [String], options: SpawnOptions)
        throws(KernelError)
        -> PID
    {
        var options = options
        options.parent = pid
        return try kernel.spawn(executable, arguments: arguments, options: options)
    }

    /// Sends a signal to a process or thread.
    public func kill(_ id: Int, _ signal: Signal) throws(KernelError) {
        try kernel.kill(id, signal)
    }

    /// Ends this process now with `code`. The runnable must then return ``RunOutcome/exited``.
    public func exit(code: Int, reason: String = "exit") {
        kernel.lock.withLock {
            kernel.exitProcess(thread.process, ExitStatus(code: code, reason: reason))
        }
    }

    /// Asks for a signal to arrive as a message.
    public func trap(_ signal: Signal) throws(KernelError) {
        try kernel.trap(pid, signal)
    }

    /// Accounts `bytes` of new heap to this process. Returns false when that breaks its
    /// memory quota: the process has then been ended with reason `out of memory`, and the
    /// runnable must return ``RunOutcome/exited``.
    public func allocate(_ bytes: Int) -> Bool {
        kernel.lock.withLock {
            let process = thread.process
            process.memoryUsed += bytes
            guard process.memoryUsed > process.limits.memoryBytes else { return true }
            kernel.record(
                .quota, pid: process.pid,
                detail: "memory \(process.memoryUsed) > \(process.limits.memoryBytes)")
            kernel.exitProcess(process, ExitStatus(code: Signal.kill.exitCode, reason: "out of memory"))
            return false
        }
    }

    /// Returns `bytes` of heap to this process's quota.
    public func free(_ bytes: Int) {
        kernel.lock.withLock { thread.process.memoryUsed = max(0, thread.process.memoryUsed - bytes) }
    }

    /// The next number of the kernel's random generator (seeded in deterministic mode).
    public func random() -> UInt64 {
        kernel.lock.withLock { kernel.random.next() }
    }

    /// Kernel time in milliseconds since boot (virtual in deterministic mode).
    public var nowMilliseconds: Double {
        Double(kernel.lock.withLock { kernel.now }) / 1_000_000
    }

    /// Whether this thread's process has ended (say, by its own `kill` or `exit`).
    public var isProcessExited: Bool { kernel.lock.withLock { thread.process.isExited } }

    /// Writes a line to the process's log only (`logs PID`), not to the console.
    public func log(_ line: String) {
        kernel.lock.withLock { kernel.appendLog(line, to: thread.process) }
    }

    /// Prints a line: kept in the process's log and passed to the kernel's output handler.
    public func print(_ line: String) {
        let handler = kernel.lock.withLock { () -> (@Sendable (PID, String) -> Void)? in
            kernel.appendLog(line, to: thread.process)
            return kernel.outputHandler
        }
        handler?(pid, line)
    }
}

extension Kernel {
    /// Lines of output kept per process for `logs`.
    static let logLinesKept = 1000

    /// Lock held.
    func appendLog(_ line: String, to process: KProcess) {
        process.logLines.append(line)
        if process.logLines.count > Kernel.logLinesKept {
            process.logLines.removeFirst(process.logLines.count / 2)
        }
    }
}
