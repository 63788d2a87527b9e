import Kernel
import Testing

@testable import Monitor

/// Snapshots and samples made by hand: the kernel's structs have no public initialisers, so
/// a real snapshot is taken once and its (public, settable) fields changed.
enum Fixture {
    static let template: (ProcessSnapshot, KernelStats) = {
        let kernel = Kernel(configuration: KernelConfiguration(deterministic: true))
        guard let first = kernel.process(1) else { preconditionFailure("a kernel always has init") }
        return (first, kernel.stats())
    }()

    static func process(
        _ pid: PID, parent: PID, _ name: String, version: String = "1.0.0", state: ProcessState = .waiting,
        memory: Int = 0, threads: Int = 1, cpuNanoseconds: UInt64 = 0, mailbox: Int = 0, nice: Int = 0
    ) -> ProcessSnapshot {
        var process = template.0
        process.pid = pid
        process.ppid = parent
        process.name = name
        process.version = version
        process.state = state
        process.memory = memory
        process.threads = threads
        process.cpuNanoseconds = cpuNanoseconds
        process.mailbox = mailbox
        process.priority = nice
        process.wait = nil
        return process
    }

    /// A sample with the given CPU% per process (by PID), default 0.
    static func sample(_ processes: [ProcessSnapshot], cpu: [PID: Double] = [:]) -> ProcessSample {
        let sorted = processes.sorted { $0.pid < $1.pid }
        var stats = template.1
        stats.processes = sorted.count
        return ProcessSample(
            processes: sorted, cpuPercent: sorted.map { cpu[$0.pid] ?? 0 }, stats: stats, slotLoad: [0.25],
            messagesPerSecond: 0)
    }

    /// ```
    /// 1 init
    /// ├─ 2 shell
    /// │  ├─ 4 worker (cpu 30, mem 2048, 3 threads)
    /// │  └─ 5 worker (cpu 10, mem 1024)
    /// └─ 3 server (cpu 20, mem 4096)
    ///    └─ 6 cache (cpu 5, mem 512, 2 threads)
    /// ```
    static var tree: ProcessSample {
        sample(
            [
                process(1, parent: 0, "init", threads: 0),
                process(2, parent: 1, "shell", memory: 100, cpuNanoseconds: 5_000_000_000),
                process(3, parent: 1, "server", state: .running, memory: 4096, cpuNanoseconds: 2_000_000_000),
                process(4, parent: 2, "worker", memory: 2048, threads: 3, cpuNanoseconds: 9_000_000_000),
                process(5, parent: 2, "worker", state: .ready, memory: 1024, cpuNanoseconds: 1_000_000_000),
                process(6, parent: 3, "cache", memory: 512, threads: 2, cpuNanoseconds: 3_000_000_000),
            ], cpu: [2: 1, 3: 20, 4: 30, 5: 10, 6: 5])
    }
}

extension ProcessTable {
    /// The PIDs of the visible rows, top to bottom.
    var visiblePIDs: [PID] { rows.map { sample.rows[Int($0.index)].pid } }
}
