import Foundation
import Kernel

/// Benchmarks of what the shell does on top of the kernel: `ps --json` over a large table,
/// and starting the `dkctl` binary.
enum ShellBenchmarks {
    /// `size` idle processes (blocked in receive); then `processList()` and the `ps --json`
    /// text, as the shell builds it: seconds.
    static func ps(size: Int, options: ShellOptions) throws(BenchFailure) -> [BenchResult] {
        let kernel = try idleKernel(processes: size, options: options)
        defer { kernel.shutdown() }
        let start = monotonicSeconds()
        let rows = kernel.processList()
        let listed = monotonicSeconds()
        let text = JSON.arrayText(rows) { $0.json }  // what `ps --json` prints
        let end = monotonicSeconds()
        guard rows.count >= size, text.utf8.count > size else {
            throw BenchFailure("ps listed \(rows.count) processes, not \(size)")
        }
        return [
            BenchResult(workload: "ps", params: "processes=\(size) --json", value: end - start, unit: "s"),
            BenchResult(
                workload: "ps", params: "processes=\(size) processList", value: listed - start, unit: "s"),
            BenchResult(
                workload: "ps", params: "processes=\(size) json text", value: end - listed, unit: "s"),
        ]
    }

    /// Waits (up to a minute) until `processes` processes wait in receive.
    /// A started kernel holding `processes` idle processes (blocked in receive): the table
    /// that `ps` and `top-frame` read. The caller shuts it down.
    static func idleKernel(processes: Int, options: ShellOptions) throws(BenchFailure) -> Kernel {
        var configuration = options.kernel
        configuration.eventCapacity = 1000
        let kernel = Kernel(configuration: configuration)
        kernel.start()
        let idle = Executable(name: "idle") { _ in
            ClosureRunnable { slice in
                slice.used = 1
                return slice.thread.takeMessage() == nil
                    ? .blocked(.receive(timeoutMilliseconds: nil)) : .finished(.int(0))
            }
        }
        for _ in 0..<processes {
            do {
                _ = try kernel.spawn(idle)
            } catch {
                kernel.shutdown()
                throw BenchFailure("cannot spawn: \(error)")
            }
        }
        try waitUntilIdle(kernel, processes: processes)
        return kernel
    }

    static func waitUntilIdle(_ kernel: Kernel, processes: Int) throws(BenchFailure) {
        let deadline = monotonicSeconds() + 60
        while kernel.stats().processesByState[.waiting, default: 0] < processes {
            guard monotonicSeconds() < deadline else {
                throw BenchFailure("the \(processes) processes did not all block within 60 s")
            }
            usleep(10_000)
        }
    }

    /// Starts `dkctl -c exit` (the binary beside the running executable) `size` times after
    /// one warm-up start: ms per start.
    static func startup(size: Int, options: ShellOptions) throws(BenchFailure) -> [BenchResult] {
        let binary = try dkctlBinary()
        _ = try ChildProcess.run(binary, ["-c", "exit"])
        let start = monotonicSeconds()
        for _ in 0..<size {
            let status = try ChildProcess.run(binary, ["-c", "exit"])
            guard status == 0 else { throw BenchFailure("\(binary) -c exit ended with status \(status)") }
        }
        let seconds = monotonicSeconds() - start
        return [
            BenchResult(
                workload: "startup", params: "n=\(size) dkctl -c exit", value: seconds / Double(size) * 1000,
                unit: "ms/start")
        ]
    }

    /// `dkctl` in the directory of the running executable (`/proc/self/exe`).
    static func dkctlBinary() throws(BenchFailure) -> String {
        let running =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments.first ?? ""
        let directory = (running as NSString).deletingLastPathComponent
        let candidates = [directory + "/dkctl", (directory as NSString).deletingLastPathComponent + "/dkctl"]
        guard let binary = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw BenchFailure("no dkctl binary beside \(running)")
        }
        return binary
    }
}
