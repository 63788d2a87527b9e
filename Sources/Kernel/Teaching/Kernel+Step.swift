import VM

/// What one single step did: the instruction, the source line, the stack after.
public struct StepRecord: Sendable {
    public var tid: TID
    /// The instruction run, disassembled, with its pc.
    public var instruction: String
    public var function: String
    public var line: Int
    /// The frames and registers after the step, innermost first.
    public var stack: String
    /// `yielded` (stays suspended), `blocked: receive`, `finished`, …
    public var outcome: String
}

extension Kernel {
    /// Runs one instruction of a thread whose process is suspended (`suspend PID` first) and
    /// says what it did. The thread stays suspended unless it blocks or ends.
    public func step(_ tid: TID) throws(KernelError) -> StepRecord {
        let thread = try lock.withLock { () throws(KernelError) -> KThread in
            guard let thread = threads[tid] else { throw .noSuchThread(tid) }
            guard thread.state == .suspended, thread.process.suspended, !thread.onSlot else {
                throw .notPermitted("thread \(tid) is not suspended: 'suspend \(thread.process.pid)' first")
            }
            guard thread.runnable is VMThread else {
                throw .notPermitted("thread \(tid) does not run bytecode")
            }
            thread.process.stopped?.removeAll { $0 === thread }
            thread.state = .running
            thread.onSlot = true
            thread.process.runningThreads += 1
            thread.sliceClock = recentNow  // the stamp of what it sends without the lock
            thread.nodeCache = nil  // the slots' caches are their own threads'; this is the caller's
            return thread
        }
        let vm = thread.runnable as? VMThread
        let instruction = vm?.currentInstruction ?? "?"
        let function = vm?.currentFunctionName ?? "?"
        let line = vm?.currentLine ?? 0
        let wake = lock.withLock {
            defer { thread.wake = nil }
            return thread.wake
        }
        var slice = Slice(budget: 1, wake: wake, kernel: self, thread: thread)
        let outcome = thread.runnable.run(&slice)
        let stack = vm?.stackSnapshot ?? ""
        return lock.withLock {
            let elapsed = UInt64(max(slice.used, 1)) * 1000
            if configuration.deterministic { virtualNow &+= elapsed }
            complete(thread, outcome, reductions: slice.used, elapsed: elapsed)
            let label: String
            switch outcome {
            case .yielded: label = "stepped"
            case .blocked(let request): label = "blocked: \(request.label)"
            case .finished(let value): label = "finished: \(value)"
            case .failed(let reason): label = "failed: \(reason)"
            case .exited: label = "exited"
            }
            return StepRecord(
                tid: tid, instruction: instruction, function: function, line: line, stack: stack,
                outcome: label)
        }
    }
}
