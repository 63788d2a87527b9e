import Kernel

extension ShellSession {
    /// The failure for a kernel error from signalling or renicing a process. The kernel says
    /// "no such process" for a zombie too (it has exited but was not waited for, and `ps`
    /// still lists it); that is said as it is, with how to reap it. Status 3 either way.
    func failure(of error: KernelError) -> CommandFailure {
        if case .noSuchProcess(let pid) = error, kernel.process(pid)?.state == .exited {
            return .unknownID("process \(pid) has already exited (wait \(pid) reaps it)")
        }
        return error.failure
    }
}
