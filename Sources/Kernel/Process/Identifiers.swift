/// A process identifier. PIDs and TIDs share one number space, as on Linux: a process's
/// main thread has the process's PID as its TID, and no number is ever used twice.
public typealias PID = Int

/// A thread identifier (see ``PID``).
public typealias TID = Int

/// Well-known processes.
public enum WellKnownPID {
    /// `init`: adopts orphans, reaps them, and restarts supervised processes.
    public static let initProcess: PID = 1
}
