/// The figures of one process that a monitor reads for every process on every frame. Plain
/// numbers only: copying 100,000 rows retains nothing. The name is an index into
/// ``ProcessRows/names``; the version, the wait reason and the warnings of the few processes
/// on screen come from ``Kernel/processSnapshots(of:)``.
public struct ProcessRow: Sendable, Equatable {
    public var pid: PID
    public var ppid: PID
    public var cpuNanoseconds: UInt64
    /// Kernel time it started, nanoseconds since boot.
    public var started: UInt64
    /// Heap bytes in use.
    public var memory: Int
    /// Index of its name in ``ProcessRows/names``.
    public var name: Int32
    public var threads: Int32
    /// Messages queued in its mailbox.
    public var mailbox: Int32
    /// Nice value, -20…19.
    public var priority: Int8
    public var state: ProcessState

    /// The counts are narrowed (clamped) to keep the row at 56 bytes.
    public init(
        pid: PID, ppid: PID, name: Int32, state: ProcessState, priority: Int, threads: Int,
        cpuNanoseconds: UInt64, memory: Int, mailbox: Int, started: UInt64
    ) {
        self.pid = pid
        self.ppid = ppid
        self.cpuNanoseconds = cpuNanoseconds
        self.started = started
        self.memory = memory
        self.name = name
        self.threads = Int32(clamping: threads)
        self.mailbox = Int32(clamping: mailbox)
        self.priority = Int8(clamping: priority)
        self.state = state
    }
}

/// Every process as a ``ProcessRow``, sorted by PID, and the names the rows point to.
public struct ProcessRows: Sendable, Equatable {
    public var rows: [ProcessRow]
    /// Names, each stored once per run of neighbouring processes that share it (so usually
    /// once per program), not once per process. The same name may appear more than once.
    public var names: [String]

    public init(rows: [ProcessRow] = [], names: [String] = []) {
        self.rows = rows
        self.names = names
    }

    /// The name of `row`.
    public func name(of row: ProcessRow) -> String { names[Int(row.name)] }
}

extension ProcessRows {
    /// The rows of full snapshots, in their order: for callers that already hold a
    /// ``Kernel/processList()``.
    public init(_ snapshots: [ProcessSnapshot]) {
        self.init()
        rows.reserveCapacity(snapshots.count)
        for process in snapshots {
            if names.last != process.name { names.append(process.name) }
            rows.append(
                ProcessRow(
                    pid: process.pid, ppid: process.ppid, name: Int32(names.count - 1), state: process.state,
                    priority: process.priority, threads: process.threads,
                    cpuNanoseconds: process.cpuNanoseconds, memory: process.memory, mailbox: process.mailbox,
                    started: process.started))
        }
    }
}
