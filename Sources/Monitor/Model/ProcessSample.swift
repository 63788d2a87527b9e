import Kernel

/// One look at the kernel: every process as a compact row (sorted by PID), each process's
/// CPU% since the previous look, and the kernel-wide rates the header shows.
public struct ProcessSample: Sendable {
    /// Every process, sorted by PID (as ``Kernel/processRows()`` returns them).
    public var rows: [ProcessRow]
    /// The names `rows[i].name` points to.
    public var names: [String]
    /// CPU% of `rows[i]` (100 = one execution slot for the whole interval).
    public var cpuPercent: [Double]
    public var stats: KernelStats
    /// Busy fraction of each execution slot over the interval, 0…1.
    public var slotLoad: [Double]
    /// Messages sent per second over the interval.
    public var messagesPerSecond: Double
    /// Full snapshots, `snapshots[i]` of `rows[i]`, when the sample was made from them (batch
    /// mode, tests). Otherwise the screen fetches the snapshots of the rows it shows.
    public internal(set) var snapshots: [ProcessSnapshot]?

    public init(
        rows: ProcessRows, cpuPercent: [Double], stats: KernelStats, slotLoad: [Double],
        messagesPerSecond: Double
    ) {
        self.rows = rows.rows
        self.names = rows.names
        self.cpuPercent = cpuPercent
        self.stats = stats
        self.slotLoad = slotLoad
        self.messagesPerSecond = messagesPerSecond
    }

    /// A sample of full snapshots (sorted by PID), which it keeps.
    public init(
        processes: [ProcessSnapshot], cpuPercent: [Double], stats: KernelStats, slotLoad: [Double],
        messagesPerSecond: Double
    ) {
        self.init(
            rows: ProcessRows(processes), cpuPercent: cpuPercent, stats: stats, slotLoad: slotLoad,
            messagesPerSecond: messagesPerSecond)
        snapshots = processes
    }

    /// The name of `rows[index]`.
    public func name(at index: Int) -> String { names[Int(rows[index].name)] }

    /// The index of `pid` in `rows` (binary search), or nil.
    public func index(of pid: PID) -> Int? {
        var low = 0
        var high = rows.count
        while low < high {
            let middle = (low + high) / 2
            let value = rows[middle].pid
            if value == pid { return middle }
            if value < pid { low = middle + 1 } else { high = middle }
        }
        return nil
    }
}
