import Foundation
import Kernel

/// Benchmarks of the kernel core with native runnables (no VM): spawn cost, idle memory per
/// process, context-switch rate.
enum KernelBenchmarks {
    /// Spawn-and-exit, as BEAM's `spawn-exit` measures it: a process inside the kernel spawns
    /// `size` children that exit at once; the time until init has reaped them all. Best of
    /// three runs.
    static func spawn(size: Int, options: ShellOptions) throws(BenchFailure) -> [BenchResult] {
        var best = Double.infinity
        for _ in 0..<3 { best = min(best, try spawnRun(size: size, options: options)) }
        return [
            BenchResult(
                workload: "spawn", params: "n=\(size) slots=\(options.kernel.slots) best of 3",
                value: best / Double(size) * 1e6, unit: "us/spawn")
        ]
    }

    /// One run of ``spawn(size:options:)``: seconds.
    private static func spawnRun(size: Int, options: ShellOptions) throws(BenchFailure) -> Double {
        let kernel = Kernel(configuration: options.kernel)
        kernel.start()
        defer { kernel.shutdown() }
        let child = Executable(name: "blip") { _ in
            ClosureRunnable { slice in
                slice.used = 1
                return .finished(.int(0))
            }
        }
        let spawner = Executable(name: "spawner") { [unowned kernel] _ in  // the kernel keeps executables
            var spawned = 0
            return ClosureRunnable { slice in
                let batch = min(size - spawned, 64)
                for _ in 0..<batch { _ = try? kernel.spawn(child) }  // init's children: reaped at exit
                spawned += batch
                slice.used = batch
                return spawned < size ? .yielded : .finished(.int(0))
            }
        }
        let start = monotonicSeconds()
        do {
            _ = try kernel.spawn(spawner)
        } catch {
            throw BenchFailure("cannot spawn: \(error)")
        }
        while kernel.stats(scanningProcesses: false).reaped < UInt64(size + 1) {
            kernel.run(forMilliseconds: 1)
        }
        return monotonicSeconds() - start
    }

    /// Spawns `size` processes that block in receive; resident memory grown per process.
    static func idleMemory(size: Int, options: ShellOptions) throws(BenchFailure) -> [BenchResult] {
        var configuration = options.kernel
        configuration.eventCapacity = 1000
        let kernel = Kernel(configuration: configuration)
        kernel.start()
        defer { kernel.shutdown() }
        let executable = Executable(name: "idle") { _ in
            ClosureRunnable { slice in
                slice.used = 1
                return slice.thread.takeMessage() == nil
                    ? .blocked(.receive(timeoutMilliseconds: nil)) : .finished(.int(0))
            }
        }
        let before = residentBytes()
        for _ in 0..<size { _ = try? kernel.spawn(executable) }
        while kernel.stats().processesByState[.waiting, default: 0] < size { kernel.run(forMilliseconds: 1) }
        let after = residentBytes()
        return [
            BenchResult(
                workload: "idle-memory", params: "n=\(size)", value: Double(after - before) / Double(size),
                unit: "bytes/process")
        ]
    }

    /// `size` processes that yield after every reduction, for one second: slices per second.
    static func switchRate(size: Int, options: ShellOptions) throws(BenchFailure) -> [BenchResult] {
        let kernel = Kernel(configuration: options.kernel)
        let executable = Executable(name: "yielder") { _ in
            ClosureRunnable { slice in
                slice.used = 1
                return .yielded
            }
        }
        for _ in 0..<size { _ = try? kernel.spawn(executable) }
        kernel.start()
        let before = kernel.stats().contextSwitches
        let start = monotonicSeconds()
        kernel.run(forMilliseconds: 1000)
        let switches = kernel.stats().contextSwitches - before
        let elapsed = monotonicSeconds() - start
        kernel.shutdown()
        return [
            BenchResult(
                workload: "switch", params: "threads=\(size) slots=\(options.kernel.slots)",
                value: Double(switches) / elapsed, unit: "switches/s")
        ]
    }
}

/// Seconds on the monotonic clock.
func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// This process's resident memory, from /proc/self/statm.
func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}
