/// A copy of one process's row, as `ps` and `top` show it.
public struct ProcessSnapshot: Sendable, Equatable {
    public var pid: PID
    public var ppid: PID
    public var name: String
    public var version: String
    public var type: ExecutableType
    public var state: ProcessState
    /// Why it waits, when `state == .waiting`.
    public var wait: String?
    /// Nice value, -20…19.
    public var priority: Int
    public var threads: Int
    public var reductions: UInt64
    public var cpuNanoseconds: UInt64
    /// Heap bytes in use.
    public var memory: Int
    /// Messages queued in its mailbox.
    public var mailbox: Int
    public var exitCode: Int?
    public var reason: String?
    public var restarts: Int
    public var contextSwitches: UInt64
    /// Kernel time it started, nanoseconds since boot.
    public var started: UInt64
    public var arguments: [String]
    /// How many warnings `lint` would list for it (the `W` column).
    public var warnings: Int = 0
}

/// A copy of one thread's row, as `threads` and `top` show it.
public struct ThreadSnapshot: Sendable, Equatable {
    public var tid: TID
    public var pid: PID
    public var name: String
    public var state: ThreadState
    public var wait: String?
    public var priority: Int
    public var reductions: UInt64
    public var cpuNanoseconds: UInt64
    public var contextSwitches: UInt64
    public var waitNanoseconds: UInt64
    public var mailbox: Int
    public var messagesIn: UInt64
    public var messagesOut: UInt64
    /// Service and tool calls made.
    public var calls: UInt64 = 0
    /// Heap bytes accounted to it.
    public var memory: Int = 0
    /// Kernel nanoseconds since it started.
    public var wallNanoseconds: UInt64 = 0
}

/// Kernel-wide figures for `stats`, `resources` and the `top` header.
public struct KernelStats: Sendable, Equatable {
    public var uptimeNanoseconds: UInt64
    public var processes: Int
    public var processesByState: [ProcessState: Int]
    public var threads: Int
    public var policy: SchedulingPolicy
    public var slots: Int
    public var quantum: Int
    public var deterministic: Bool
    public var spawned: UInt64
    public var exited: UInt64
    public var reaped: UInt64
    public var restarts: UInt64
    public var messagesSent: UInt64
    public var messagesReceived: UInt64
    public var messagesQueued: Int
    public var deadLetters: UInt64
    /// Sends that took the kernel lock to queue their message (a new receiver to look up, a
    /// full mailbox, a message from the kernel or the shell); the others took no lock.
    public var sendsLocked: UInt64
    /// Lock-free sends that took the kernel lock afterwards, to wake a receiver parked in
    /// `receive` (the run queue needs it), not for the mailbox.
    public var wakeupsLocked: UInt64
    /// Receives that took the kernel lock (a mailbox shared by several threads, or the
    /// shell's); the others took no lock.
    public var receivesLocked: UInt64
    public var contextSwitches: UInt64
    public var reductions: UInt64
    public var memory: Int
    public var runQueueLength: Int
    public var eventsRecorded: UInt64
    public var eventsEvicted: UInt64
    /// Busy nanoseconds per slot since boot.
    public var slotBusyNanoseconds: [UInt64]
    /// What each slot runs now.
    public var slotCurrent: [TID?]
    public var maxProcesses: Int
    public var limits: ProcessLimits
}
