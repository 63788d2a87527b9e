import Kernel

/// Turns successive kernel readings into ``ProcessSample``s. It keeps the previous reading, so
/// CPU% is the delta of `cpuNanoseconds` over the elapsed kernel time (virtual time in
/// deterministic mode). The first reading has no previous one: a process then shows its average
/// since it started, and slots their average since boot.
public struct Sampler: Sendable {
    /// The previous reading's rows (shared with its sample, not copied).
    private var previous: [ProcessRow] = []
    /// The rows of the reading before: the next reading is written over them, reusing their
    /// storage once no sample holds them any more (the monitor has shown a newer one).
    private var spare = ProcessRows()
    private var previousTime: UInt64?
    private var previousSlotBusy: [UInt64] = []
    private var previousMessages: UInt64 = 0

    public init() {}

    /// Reads the kernel's compact rows (what the interactive monitor shows: it fetches the
    /// full snapshots of the rows on screen itself) and computes the rates.
    public mutating func collect(from kernel: Kernel) -> ProcessSample {
        var rows = ProcessRows()
        swap(&rows, &spare)
        kernel.processRows(into: &rows)
        return sample(rows: rows, stats: Sampler.stats(of: kernel, summing: rows.rows))
    }

    /// Reads the kernel's full snapshots (for output that shows every process) and computes
    /// the rates.
    public mutating func collectSnapshots(from kernel: Kernel) -> ProcessSample {
        let processes = kernel.processList()
        let rows = ProcessRows(processes)
        var result = sample(rows: rows, stats: Sampler.stats(of: kernel, summing: rows.rows))
        result.snapshots = processes
        return result
    }

    /// Computes the rates of full snapshots against the previous reading. `processes` must be
    /// sorted by PID.
    public mutating func sample(processes: [ProcessSnapshot], stats: KernelStats) -> ProcessSample {
        var result = sample(rows: ProcessRows(processes), stats: stats)
        result.snapshots = processes
        return result
    }

    /// Kernel figures with the per-process sums taken from `rows` (not a second walk).
    private static func stats(of kernel: Kernel, summing rows: [ProcessRow]) -> KernelStats {
        var stats = kernel.stats(scanningProcesses: false)
        var byState = [Int](repeating: 0, count: ProcessState.inRankOrder.count)
        for row in rows {
            byState[row.state.sortRank] += 1
            stats.memory += row.memory
            stats.messagesQueued += Int(row.mailbox)
        }
        for state in ProcessState.inRankOrder where byState[state.sortRank] > 0 {
            stats.processesByState[state, default: 0] += byState[state.sortRank]
        }
        return stats
    }

    /// Computes the rates of a reading against the previous one. `rows` must be sorted by PID.
    public mutating func sample(rows list: ProcessRows, stats: KernelStats) -> ProcessSample {
        let rows = list.rows
        let now = stats.uptimeNanoseconds
        var cpu = [Double](repeating: 0, count: rows.count)
        if let before = previousTime, now > before {
            let scale = 100 / Double(now - before)
            // Both lists are sorted by PID: a merge join, no hashing.
            var other = 0
            for index in rows.indices {
                let pid = rows[index].pid
                let spent = rows[index].cpuNanoseconds
                while other < previous.count && previous[other].pid < pid { other += 1 }
                let base: UInt64
                if other < previous.count && previous[other].pid == pid {
                    base = previous[other].cpuNanoseconds
                } else {
                    base = 0  // new since the last look
                }
                cpu[index] = Double(spent > base ? spent - base : 0) * scale
            }
        } else {
            for index in rows.indices where now > rows[index].started {
                cpu[index] = Double(rows[index].cpuNanoseconds) * 100 / Double(now - rows[index].started)
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

        spare = ProcessRows(rows: previous)
        previous = rows
        previousTime = now
        previousSlotBusy = stats.slotBusyNanoseconds
        previousMessages = stats.messagesSent
        return ProcessSample(
            rows: list, cpuPercent: cpu, stats: stats, slotLoad: load, messagesPerSecond: rate)
    }
}
