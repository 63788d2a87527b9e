import Kernel

/// Benchmarks of the message bus and shared context, run as `.orch` programs: pub/sub fan-out,
/// request/reply round trips, `ctx.incr`.
enum BusBenchmarks {
    /// Messages each subscriber gets in `pubsub`.
    static let publications = 100

    /// `size` subscriber processes on one topic, 100 publications: deliveries per second.
    static func pubsub(size: Int, options: ShellOptions) throws(BenchFailure) -> [BenchResult] {
        let bench = try ProgramBench(BenchPrograms.pubsub, file: "pubsub.orch", options: options)
        defer { bench.shutdown() }
        let seconds = try bench.measure(
            [String(size), String(publications)], options: SpawnOptions(mailboxLimit: size + 16))
        return [
            BenchResult(
                workload: "pubsub", params: "subscribers=\(size) messages=\(publications)",
                value: Double(size * publications) / seconds, unit: "deliveries/s")
        ]
    }

    /// `size` request/reply round trips to a server process, one at a time: µs per round trip.
    static func request(size: Int, options: ShellOptions) throws(BenchFailure) -> [BenchResult] {
        let bench = try ProgramBench(BenchPrograms.request, file: "request.orch", options: options)
        defer { bench.shutdown() }
        let seconds = try bench.measure([String(size)])
        return [
            BenchResult(
                workload: "request", params: "n=\(size) slots=\(options.kernel.slots)",
                value: seconds / Double(size) * 1e6, unit: "us/request")
        ]
    }

    /// `size` `ctx.incr` calls on one key: increments per second.
    static func incr(size: Int, options: ShellOptions) throws(BenchFailure) -> [BenchResult] {
        let bench = try ProgramBench(BenchPrograms.incr, file: "incr.orch", options: options)
        defer { bench.shutdown() }
        let seconds = try bench.measure([String(size)])
        return [
            BenchResult(
                workload: "incr", params: "n=\(size) threads=8", value: Double(size) / seconds, unit: "incr/s"
            )
        ]
    }
}
