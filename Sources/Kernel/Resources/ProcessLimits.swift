/// Per-process resource limits.
public struct ProcessLimits: Sendable, Equatable {
    /// Bytes of VM heap; going over ends the process with reason `out of memory`.
    public var memoryBytes: Int
    /// Live threads at once, the main thread included.
    public var maxThreads: Int
    /// Messages waiting in its mailbox before senders block.
    public var mailboxLimit: Int
    /// Execution slots its threads may use at once (`--parallel K`); nil = no cap.
    public var parallel: Int?

    public init(memoryBytes: Int, maxThreads: Int, mailboxLimit: Int, parallel: Int? = nil) {
        self.memoryBytes = memoryBytes
        self.maxThreads = maxThreads
        self.mailboxLimit = mailboxLimit
        self.parallel = parallel
    }

    /// 64 MiB, 1,000 threads, 1,000 messages, no slot cap.
    public static let standard = ProcessLimits(
        memoryBytes: 64 << 20, maxThreads: 1000, mailboxLimit: 1000)
}
