/// Supervision, as in OTP: when init restarts a process that ended.
public struct RestartPolicy: Sendable, Equatable {
    /// When to restart.
    public enum Mode: String, Sendable, CaseIterable {
        /// After an exit with a non-zero code.
        case onFailure = "on-failure"
        /// After any exit.
        case always
    }

    public var mode: Mode
    /// Restarts allowed within `periodSeconds` before init gives up.
    public var maxRestarts: Int
    public var periodSeconds: Double

    public init(mode: Mode, maxRestarts: Int = 5, periodSeconds: Double = 60) {
        self.mode = mode
        self.maxRestarts = maxRestarts
        self.periodSeconds = periodSeconds
    }

    func applies(to status: ExitStatus) -> Bool {
        switch mode {
        case .always: true
        case .onFailure: !status.isSuccess
        }
    }

    /// Back-off before restart number `attempt` (1-based): 10 ms doubling, at most 1 s.
    static func backoffMilliseconds(attempt: Int) -> Int {
        min(1000, 10 << min(max(attempt - 1, 0), 7))
    }
}
