import Kernel

/// Benchmarks that run `.orch` programs on the VM inside the kernel: naive fib, a token ring,
/// program spawns, and a fan-out/fan-in of green threads.
enum ProgramBenchmarks {
    /// Runs of `fib`; the fastest counts (the figure least disturbed by other work on the machine).
    static let fibRuns = 3
    /// Timed laps of the rings and the program spawns; the fastest counts (as for fib).
    static let laps = 3

    /// Naive `fib(size)` in one process, best of three: seconds, and fib calls per second.
    static func fib(size: Int, options: ShellOptions) throws(BenchFailure) -> [BenchResult] {
        let bench = try ProgramBench(BenchPrograms.fib, file: "fib.orch", options: options)
        defer { bench.shutdown() }
        var seconds = Double.infinity
        for _ in 0..<fibRuns { seconds = min(seconds, try bench.run([String(size)])) }
        let (value, calls) = fibonacci(size)
        guard bench.printed.last == String(value) else {
            throw BenchFailure("fib(\(size)) printed \(bench.printed.last ?? "nothing"), not \(value)")
        }
        let params = "n=\(size) best of \(fibRuns)"
        return [
            BenchResult(workload: "fib", params: params, value: seconds, unit: "s"),
            BenchResult(workload: "fib", params: params, value: Double(calls) / seconds, unit: "calls/s"),
        ]
    }

    /// fib(n) and how many calls the naive recursion makes (fib(0) and fib(1) are one call each).
    static func fibonacci(_ n: Int) -> (value: Int, calls: Int) {
        var (value, next) = (0, 1)
        var (calls, nextCalls) = (1, 1)
        for _ in 0..<max(0, n) {
            (value, next) = (next, value &+ next)
            (calls, nextCalls) = (nextCalls, calls &+ nextCalls &+ 1)
        }
        return (value, calls)
    }

    /// Rings of N processes passing a token M times round (10,000×100 and 1,000×1,000, or
    /// `size`×100 with `--size`): hops per second in the fastest of ``laps`` laps on one ring,
    /// setup (spawning the ring) not counted.
    static func ring(size: Int?, options: ShellOptions) throws(BenchFailure) -> [BenchResult] {
        let shapes = size.map { [($0, 100)] } ?? [(10_000, 100), (1_000, 1_000)]
        var results: [BenchResult] = []
        for (processes, rounds) in shapes {
            let bench = try ProgramBench(BenchPrograms.ring, file: "ring.orch", options: options)
            defer { bench.shutdown() }
            let seconds = try bench.measure([String(processes), String(rounds)], laps: laps)
            results.append(
                BenchResult(
                    workload: "ring", params: "n=\(processes) m=\(rounds) best of \(laps) laps",
                    value: Double(processes * rounds) / seconds, unit: "hops/s"))
        }
        return results
    }

    /// A program spawns `size` processes of itself that each send it one message and exit;
    /// µs per spawn until every child has run, in the fastest of ``laps`` batches.
    static func spawnProgram(size: Int, options: ShellOptions) throws(BenchFailure) -> [BenchResult] {
        let bench = try ProgramBench(BenchPrograms.spawn, file: "spawn.orch", options: options)
        defer { bench.shutdown() }
        let seconds = try bench.measure(
            [String(size)], laps: laps, options: SpawnOptions(mailboxLimit: size + 16))
        return [
            BenchResult(
                workload: "spawn-program", params: "n=\(size) slots=\(options.kernel.slots) best of \(laps)",
                value: seconds / Double(size) * 1e6, unit: "us/spawn")
        ]
    }

    /// Fan-out/fan-in of `size` green threads in one process (`thread work(i)`, then `join`):
    /// total seconds, and µs per worker.
    static func fanout(size: Int, options: ShellOptions) throws(BenchFailure) -> [BenchResult] {
        let bench = try ProgramBench(BenchPrograms.fanout, file: "fanout.orch", options: options)
        defer { bench.shutdown() }
        let seconds = try bench.measure([String(size)], options: SpawnOptions(maxThreads: size + 1))
        let params = "threads=\(size)"
        return [
            BenchResult(workload: "fanout", params: params, value: seconds, unit: "s"),
            BenchResult(
                workload: "fanout", params: params, value: seconds / Double(size) * 1e6, unit: "us/worker"),
        ]
    }
}
