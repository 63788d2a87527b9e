/// How the runs of one executable version have ended (the seed's orchestrator metrics).
public struct ProgramOutcomes: Sendable, Equatable {
    public var runs = 0
    public var failures = 0
    /// Kernel nanoseconds from start to exit, summed over runs.
    public var totalNanoseconds: UInt64 = 0
}

extension Kernel {
    /// Books a process's end for its executable. Lock held.
    func bookOutcome(of process: KProcess, _ status: ExitStatus) {
        outcomes.book(
            process.executable, nanoseconds: process.ended &- process.started, failed: !status.isSuccess)
    }

    /// How runs of `name@version` have ended, if any has.
    public func outcomes(of name: String, version: String) -> ProgramOutcomes? {
        lock.withLock { outcomes["\(name)@\(version)"] }
    }
}
