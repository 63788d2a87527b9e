#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How a kernel is set up: `dkctl --slots N --policy P --quantum N --deterministic --seed N`.
public struct KernelConfiguration: Sendable {
    /// Execution slots (OS threads); forced to 1 in deterministic mode.
    public var slots: Int
    public var policy: SchedulingPolicy
    /// Reductions per time slice.
    public var quantum: Int
    /// One slot driven by the caller, a virtual clock, seeded randomness.
    public var deterministic: Bool
    public var seed: UInt64
    /// Kernel-wide cap on live processes (zombies included).
    public var maxProcesses: Int
    /// Limits of a process spawned without overrides.
    public var limits: ProcessLimits
    /// How long a process that trapped TERM has to exit before it gets KILL.
    public var termGraceMilliseconds: Int
    /// Events kept in memory; older ones are evicted and counted.
    public var eventCapacity: Int
    /// Whether the event log records anything (off only to measure its cost).
    public var recordEvents = true
    /// OS programs that programs may run with `tool()` (the shell's user may run any).
    public var allowedTools: [String] = []

    public init(
        slots: Int = KernelConfiguration.coreCount, policy: SchedulingPolicy = .rr, quantum: Int = 2000,
        deterministic: Bool = false, seed: UInt64 = 0, maxProcesses: Int = 2_000_000,
        limits: ProcessLimits = .standard, termGraceMilliseconds: Int = 5000, eventCapacity: Int = 10_000
    ) {
        self.slots = deterministic ? 1 : max(1, slots)
        self.policy = policy
        self.quantum = max(1, quantum)
        self.deterministic = deterministic
        self.seed = seed
        self.maxProcesses = maxProcesses
        self.limits = limits
        self.termGraceMilliseconds = termGraceMilliseconds
        self.eventCapacity = eventCapacity
    }

    /// The number of online cores.
    public static var coreCount: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}
