/// The state of a process, as `ps` shows it.
public enum ProcessState: String, Sendable, Comparable {
    /// Has a thread that can run and none running.
    case ready
    /// A thread of it is on an execution slot now.
    case running
    /// Every live thread is blocked; `wait` says on what.
    case waiting
    /// Stopped by `STOP` or `suspend`; resumes on `CONT`.
    case suspended
    /// Ended; kept with its exit status until waited for (a zombie).
    case exited

    public static func < (lhs: ProcessState, rhs: ProcessState) -> Bool {
        lhs.order < rhs.order
    }

    private var order: Int {
        switch self {
        case .running: 0
        case .ready: 1
        case .waiting: 2
        case .suspended: 3
        case .exited: 4
        }
    }
}

/// The state of a thread, as `threads` shows it.
public enum ThreadState: String, Sendable {
    case ready, running, waiting, suspended, finished
}
