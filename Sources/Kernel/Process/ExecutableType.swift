/// What kind of program an executable is.
public enum ExecutableType: String, Sendable, CaseIterable {
    /// A program that coordinates work: the usual kind.
    case orchestrator
    /// A long-running program that registers a name and answers `call`s.
    case service
    /// A real OS process wrapped as a kernel process.
    case tool
}
