/// How to start a process: the options of `spawn(name, args, opts)` and the shell's flags.
public struct SpawnOptions: Sendable {
    /// Scheduling weight, -20 (first) to 19 (last).
    public var nice: Int = 0
    /// Overrides of the kernel's default limits.
    public var memoryBytes: Int?
    public var maxThreads: Int?
    public var mailboxLimit: Int?
    public var parallel: Int?
    /// Supervision by init.
    public var restart: RestartPolicy?
    /// A name that `send` accepts as an address; defaults to the executable's name for display.
    public var name: String?
    /// The parent; nil means the caller's default (the shell, or init).
    public var parent: PID?

    public init(
        nice: Int = 0, memoryBytes: Int? = nil, maxThreads: Int? = nil, mailboxLimit: Int? = nil,
        parallel: Int? = nil, restart: RestartPolicy? = nil, name: String? = nil, parent: PID? = nil
    ) {
        self.nice = nice
        self.memoryBytes = memoryBytes
        self.maxThreads = maxThreads
        self.mailboxLimit = mailboxLimit
        self.parallel = parallel
        self.restart = restart
        self.name = name
        self.parent = parent
    }

    func limits(over defaults: ProcessLimits) -> ProcessLimits {
        ProcessLimits(
            memoryBytes: memoryBytes ?? defaults.memoryBytes,
            maxThreads: maxThreads ?? defaults.maxThreads,
            mailboxLimit: mailboxLimit ?? defaults.mailboxLimit,
            parallel: parallel ?? defaults.parallel)
    }
}
