import Language
import VM

/// A VM thread is a runnable: it runs bytecode for one slice, hands the answer of a blocking
/// kernel call to the VM when it runs again, and turns VM outcomes into run outcomes. (The VM
/// thread itself, not a wrapper around it: one object fewer per thread, and per slice.)
extension VMThread: Runnable {
    /// `yield()` parked the VM: resume it with nil on the next slice.
    private var resumeAfterYield: Bool {
        get { hostFlag }
        set { hostFlag = newValue }
    }

    public func end() { releaseStorage() }

    /// One slice: the wake's answer goes into the VM and the VM runs, in one call
    /// (``VMThread/run(budget:resumingWith:)``), which checks the thread's state once.
    public func run(_ slice: inout Slice) -> RunOutcome {
        // The slot holds the thread for the slice: borrowed, not retained.
        let thread = slice.unmanagedThread
        hostTag = Int(bitPattern: thread.toOpaque())
        let before = reductions
        let answer: Value?
        switch slice.takeWake() {
        case .value(let value)?:
            let unwrap = thread._withUnsafeGuaranteedRef { $0.unwrapJoin }
            answer = _slowPath(unwrap) ? unwrappingJoin(value, of: thread) : value
        case .failure(let kind, let message)?:
            resume(throwing: kind, message: message)
            answer = nil
        case nil:
            // `yield()` parks the VM with no request: the thread never waits, so it has no
            // wake, and nil is the answer.
            answer = resumeAfterYield ? .nil : nil
            resumeAfterYield = false
        }
        let outcome = run(budget: slice.budget, resumingWith: consume answer)
        slice.used = reductions - before
        switch outcome {
        case .yielded:
            return .yielded
        case .blocked:
            guard let request = thread._withUnsafeGuaranteedRef({ $0.pendingRequest.take() }) else {
                resumeAfterYield = true
                return .yielded
            }
            return .blocked(request)
        case .finished(let value):
            return .finished(value)
        case .failed(let failure):
            return .failed(failure.reason)
        case .terminated:
            return .exited
        }
    }

    /// A `join` of one thread is answered with its result, not a list of one.
    private func unwrappingJoin(_ value: consuming Value, of thread: Unmanaged<KThread>) -> Value {
        thread._withUnsafeGuaranteedRef { $0.unwrapJoin = false }
        if case .list(let results) = value, results.count == 1 { return results[0] }
        return value
    }
}

extension Slice {
    /// Moves the wake's answer out of the slice, leaving nil. Binding it in place instead cost
    /// every slice a copy of the whole optional wake, a copy of its value (a retain, for a
    /// string or list message) and the destroy of the first copy; moved, the value goes into
    /// the VM's register as it is. Sound: the caller holds the slice `inout` for the whole
    /// slice (as a whole-slice assignment could, this changes its `let`), and the slot that
    /// destroys the slice afterwards finds a valid nil.
    fileprivate mutating func takeWake() -> Wake? {
        // A stored property: its offset is a constant. (Were it not, a copy would do.)
        guard let offset = MemoryLayout<Slice>.offset(of: \Slice.wake) else { return wake }
        return withUnsafeMutablePointer(to: &self) { slice in
            let wake = (UnsafeMutableRawPointer(slice) + offset).assumingMemoryBound(to: Wake?.self)
            defer { wake.initialize(to: nil) }
            return wake.move()
        }
    }
}

extension ExecutableType {
    init(_ kind: ProgramKind) {
        switch kind {
        case .orchestrator: self = .orchestrator
        case .service: self = .service
        case .tool: self = .tool
        }
    }
}

extension Kernel {
    /// An executable that runs `main(args)` of a compiled program on the VM.
    public func executable(for program: Program, source: String) -> Executable {
        let host = vmHost
        lock.withLock { compiledPrograms["\(program.name)@\(program.version)"] = program }
        return Executable(
            name: program.name, version: program.version, type: ExecutableType(program.kind), source: source
        ) { arguments in
            if let vm = VMThread(main: program, args: arguments, host: host) { return vm }
            return ClosureRunnable { _ in .failed("\(program.file): the program has no main function") }
        }
    }
}

extension Kernel {
    /// The compiled program behind a loaded `name[@version]`, if it is a program.
    public func program(_ reference: String) -> Program? {
        guard let executable = try? executable(reference) else { return nil }
        return lock.withLock { compiledPrograms[executable.reference] }
    }
}
