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

    public func run(_ slice: inout Slice) -> RunOutcome {
        // The slot holds the thread for the slice: borrowed, not retained.
        slice.unmanagedThread._withUnsafeGuaranteedRef { run(&slice, of: $0) }
    }

    private func run(_ slice: inout Slice, of thread: KThread) -> RunOutcome {
        hostTag = Int(bitPattern: Unmanaged.passUnretained(thread).toOpaque())
        if resumeAfterYield {
            resumeAfterYield = false
            resume(with: .nil)
        }
        switch slice.wake {
        case .value(let value)?:
            if thread.unwrapJoin, case .list(let results) = value, results.count == 1 {
                resume(with: results[0])
            } else {
                resume(with: value)
            }
            thread.unwrapJoin = false
        case .failure(let kind, let message)?: resume(throwing: kind, message: message)
        case nil: break
        }
        let before = reductions
        let outcome = run(budget: slice.budget)
        slice.used = reductions - before
        switch outcome {
        case .yielded:
            return .yielded
        case .blocked:
            guard let request = thread.pendingRequest.take() else {
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
