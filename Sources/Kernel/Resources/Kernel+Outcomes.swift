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
        var outcome = outcomes[process.executable.reference] ?? ProgramOutcomes()
        outcome.runs += 1
        if !status.isSuccess { outcome.failures += 1 }
        outcome.totalNanoseconds &+= process.ended &- process.started
        outcomes[process.executable.reference] = outcome
    }

    /// How runs of `name@version` have ended, if any has.
    public func outcomes(of name: String, version: String) -> ProgramOutcomes? {
        lock.withLock { outcomes["\(name)@\(version)"] }
    }
}
