import Kernel

/// One look at the kernel: the process table (sorted by PID), each process's CPU% since the
/// previous look, and the kernel-wide rates the header shows.
public struct ProcessSample: Sendable {
    /// Every process, sorted by PID (as ``Kernel/processList()`` returns them).
    public var processes: [ProcessSnapshot]
    /// CPU% of `processes[i]` (100 = one execution slot for the whole interval).
    public var cpuPercent: [Double]
    public var stats: KernelStats
    /// Busy fraction of each execution slot over the interval, 0…1.
    public var slotLoad: [Double]
    /// Messages sent per second over the interval.
    public var messagesPerSecond: Double
    /// `processes[i].pid` and `.ppid`, in flat arrays: the tree is built from these without
    /// touching the snapshots (whose strings would be retained and released on every copy).
    let pids: [PID]
    let parentPIDs: [PID]

    public init(
        processes: [ProcessSnapshot], cpuPercent: [Double], stats: KernelStats, slotLoad: [Double],
        messagesPerSecond: Double
    ) {
        self.processes = processes
        self.cpuPercent = cpuPercent
        self.stats = stats
        self.slotLoad = slotLoad
        self.messagesPerSecond = messagesPerSecond
        var pids = [PID](repeating: 0, count: processes.count)
        var parentPIDs = pids
        for index in processes.indices {
            pids[index] = processes[index].pid
            parentPIDs[index] = processes[index].ppid
        }
        self.pids = pids
        self.parentPIDs = parentPIDs
    }

    /// The index of `pid` in `processes` (binary search), or nil.
    public func index(of pid: PID) -> Int? {
        var low = 0
        var high = pids.count
        while low < high {
            let middle = (low + high) / 2
            let value = pids[middle]
            if value == pid { return middle }
            if value < pid { low = middle + 1 } else { high = middle }
        }
        return nil
    }
}

/// Turns successive kernel readings into ``ProcessSample``s. It keeps the previous reading, so
/// CPU% is the delta of `cpuNanoseconds` over the elapsed kernel time (virtual time in
/// deterministic mode). The first reading has no previous one: a process then shows its average
/// since it started, and slots their average since boot.
public struct Sampler: Sendable {
    private var previousPIDs: [PID] = []
    private var previousCPU: [UInt64] = []
    private var previousTime: UInt64?
    private var previousSlotBusy: [UInt64] = []
    private var previousMessages: UInt64 = 0

    public init() {}

    /// Reads the kernel and computes the rates.
    public mutating func collect(from kernel: Kernel) -> ProcessSample {
        let processes = kernel.processList()
        var stats = kernel.stats(scanningProcesses: false)  // the sums come from the list we have
        for process in processes {
            stats.processesByState[process.state, default: 0] += 1
            stats.memory += process.memory
            stats.messagesQueued += process.mailbox
        }
        return sample(processes: processes, stats: stats)
    }

    /// Computes the rates of a reading against the previous one. `processes` must be sorted by PID.
    public mutating func sample(processes: [ProcessSnapshot], stats: KernelStats) -> ProcessSample {
        let now = stats.uptimeNanoseconds
        var cpu = [Double](repeating: 0, count: processes.count)
        if let before = previousTime, now > before {
            let elapsed = Double(now - before)
            // Both lists are sorted by PID: a merge join, no hashing.
            var other = 0
            for index in processes.indices {
                let pid = processes[index].pid
                let spent = processes[index].cpuNanoseconds
                while other < previousPIDs.count && previousPIDs[other] < pid { other += 1 }
                let base: UInt64
                if other < previousPIDs.count && previousPIDs[other] == pid {
                    base = previousCPU[other]
                } else {
                    base = 0  // new since the last look
                }
                cpu[index] = Double(spent > base ? spent - base : 0) * 100 / elapsed
            }
        } else {
            for index in processes.indices where now > processes[index].started {
                cpu[index] =
                    Double(processes[index].cpuNanoseconds) * 100 / Double(now - processes[index].started)
            }
        }
        let base = previousTime ?? 0
        let elapsed = now > base ? Double(now - base) : 0
        var load = [Double](repeating: 0, count: stats.slotBusyNanoseconds.count)
        for (slot, busy) in stats.slotBusyNanoseconds.enumerated() where elapsed > 0 {
            let before = slot < previousSlotBusy.count ? previousSlotBusy[slot] : 0
            load[slot] = min(1, max(0, Double(busy > before ? busy - before : 0) / elapsed))
        }
        let sent = stats.messagesSent > previousMessages ? stats.messagesSent - previousMessages : 0
        let rate = elapsed > 0 ? Double(sent) * 1e9 / elapsed : 0

        let result = ProcessSample(
            processes: processes, cpuPercent: cpu, stats: stats, slotLoad: load, messagesPerSecond: rate)
        previousPIDs = result.pids
        previousCPU = processes.indices.map { processes[$0].cpuNanoseconds }
        previousTime = now
        previousSlotBusy = stats.slotBusyNanoseconds
        previousMessages = stats.messagesSent
        return result
    }
}

/// CPU% of the threads of one process, against the previous reading of the same threads.
public struct ThreadSampler: Sendable {
    private var previous: [TID: UInt64] = [:]
    private var previousTime: UInt64?

    public init() {}

    /// CPU% per thread, in the order of `threads`, at kernel time `now`.
    public mutating func sample(_ threads: [ThreadSnapshot], now: UInt64) -> [Double] {
        defer {
            previous = Dictionary(
                threads.map { ($0.tid, $0.cpuNanoseconds) }, uniquingKeysWith: { a, _ in a })
            previousTime = now
        }
        guard let before = previousTime, now > before else {
            return threads.map { _ in 0 }
        }
        let elapsed = Double(now - before)
        return threads.map { thread in
            let base = previous[thread.tid] ?? 0
            return Double(thread.cpuNanoseconds > base ? thread.cpuNanoseconds - base : 0) * 100 / elapsed
        }
    }
}
