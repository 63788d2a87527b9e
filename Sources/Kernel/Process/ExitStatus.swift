/// How a process or thread ended.
public struct ExitStatus: Sendable, Equatable {
    /// The exit code: the int `main` returned, 70 for an uncaught runtime error,
    /// 128 + signal number for a signal.
    public var code: Int
    /// Why, in words: `normal`, `killed by KILL`, `out of memory`, `file.orch:12: division by zero`.
    public var reason: String

    public init(code: Int, reason: String) {
        self.code = code
        self.reason = reason
    }

    /// Exit code of a program whose runtime error nobody caught.
    public static let runtimeErrorCode = 70

    /// Whether it ended with code 0.
    public var isSuccess: Bool { code == 0 }

    /// The status of a process ended by `signal`.
    public static func signalled(_ signal: Signal) -> ExitStatus {
        ExitStatus(code: signal.exitCode, reason: "killed by \(signal.rawValue)")
    }
}
