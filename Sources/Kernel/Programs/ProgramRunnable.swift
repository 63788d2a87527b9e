import Language
import VM

/// A VM thread as a runnable: runs bytecode for one slice, hands the answer of a blocking
/// kernel call to the VM when it runs again, and turns VM outcomes into run outcomes.
final class ProgramRunnable: Runnable {
    let vm: VMThread
    /// `yield()` parked the VM: resume it with nil on the next slice.
    private var resumeAfterYield = false

    init(vm: VMThread) {
        self.vm = vm
    }

    func run(_ slice: inout Slice) -> RunOutcome {
        let thread = slice.thread.thread
        vm.hostTag = Int(bitPattern: Unmanaged.passUnretained(thread).toOpaque())
        if resumeAfterYield {
            resumeAfterYield = false
            vm.resume(with: .nil)
        }
        switch slice.wake {
        case .value(let value)?:
            if thread.unwrapJoin, case .list(let results) = value, results.count == 1 {
                vm.resume(with: results[0])
            } else {
                vm.resume(with: value)
            }
            thread.unwrapJoin = false
        case .failure(let kind, let message)?: vm.resume(throwing: kind, message: message)
        case nil: break
        }
        let before = vm.reductions
        let outcome = vm.run(budget: slice.budget)
        slice.used = vm.reductions - before
        switch outcome {
        case .yielded:
            return .yielded
        case .blocked:
            guard let request = thread.pendingRequest else {
                resumeAfterYield = true
                return .yielded
            }
            thread.pendingRequest = nil
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

extension ProgramRunnable: Inspectable {
    var nextInstruction: String { vm.currentInstruction }
    var functionName: String { vm.currentFunctionName }
    var sourceLine: Int { vm.currentLine }
    var stackDescription: String { vm.stackSnapshot }
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
            if let vm = VMThread(main: program, args: arguments, host: host) {
                return ProgramRunnable(vm: vm)
            }
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
