/// A program the kernel can start: a name, a semantic version, a type, and a way to make the
/// runnable of a new process's main thread. A class: every process refers to its executable,
/// and one reference is cheaper to copy and keep than six fields.
public final class Executable: Sendable {
    public let name: String
    /// Semantic version, `1.2.0`.
    public let version: String
    public let type: ExecutableType
    /// Where it came from: a file path, or `builtin`.
    public let source: String
    /// Free-form metadata (`description`, `author`, …).
    public let metadata: [String: String]
    /// Makes the main thread's runnable for a new process with these arguments.
    public let makeMain: @Sendable (_ arguments: [String]) -> Runnable

    public init(
        name: String, version: String = "1.0.0", type: ExecutableType = .orchestrator,
        source: String = "builtin", metadata: [String: String] = [:],
        makeMain: @escaping @Sendable (_ arguments: [String]) -> Runnable
    ) {
        self.name = name
        self.version = version
        self.type = type
        self.source = source
        self.metadata = metadata
        self.makeMain = makeMain
        self.reference = "\(name)@\(version)"
    }

    /// `name@version` (made once: spawns and exits name it in events).
    public let reference: String
}
