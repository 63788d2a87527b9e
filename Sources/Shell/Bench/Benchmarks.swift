import Foundation
import Kernel

/// `dkctl bench`: the kernel's benchmarks, each a function from a size to results.
public enum Benchmarks {
    /// A workload: its name, default size and the code that measures it.
    struct Workload: Sendable {
        let name: String
        /// What `--size` sets, for the help text.
        let sizeMeaning: String
        let run: @Sendable (_ size: Int?, _ options: ShellOptions) throws(BenchFailure) -> [BenchResult]

        /// A workload whose size defaults to `defaultSize`.
        init(
            _ name: String, size sizeMeaning: String, default defaultSize: Int,
            _ run:
                @escaping @Sendable (_ size: Int, _ options: ShellOptions) throws(BenchFailure) ->
                [BenchResult]
        ) {
            self.name = name
            self.sizeMeaning = sizeMeaning
            self.run = { (size, options) throws(BenchFailure) in try run(size ?? defaultSize, options) }
        }

        /// A workload that picks its own shapes when no size is given.
        init(
            _ name: String, size sizeMeaning: String,
            _ run:
                @escaping @Sendable (_ size: Int?, _ options: ShellOptions) throws(BenchFailure) ->
                [BenchResult]
        ) {
            self.name = name
            self.sizeMeaning = sizeMeaning
            self.run = run
        }
    }

    /// Every workload, in the order they run. `top-frame` measures through
    /// ``ShellOptions/measureFrame``, which the dkctl executable sets (the Monitor layer sits
    /// beside the shell).
    static let workloads: [Workload] = [
        Workload("spawn", size: "processes", default: 100_000, KernelBenchmarks.spawn),
        Workload("idle-memory", size: "processes", default: 100_000, KernelBenchmarks.idleMemory),
        Workload("switch", size: "threads", default: 64, KernelBenchmarks.switchRate),
        Workload("fib", size: "n of fib(n)", default: 30, ProgramBenchmarks.fib),
        Workload("ring", size: "processes (100 rounds)", ProgramBenchmarks.ring),
        Workload("spawn-program", size: "processes", default: 20_000, ProgramBenchmarks.spawnProgram),
        Workload("fanout", size: "threads", default: 10_000, ProgramBenchmarks.fanout),
        Workload("pubsub", size: "subscribers", default: 1_000, BusBenchmarks.pubsub),
        Workload("request", size: "round trips", default: 100_000, BusBenchmarks.request),
        Workload("incr", size: "increments", default: 200_000, BusBenchmarks.incr),
        Workload("ps", size: "processes", default: 100_000, ShellBenchmarks.ps),
        Workload("startup", size: "starts", default: 20, ShellBenchmarks.startup),
        Workload("top-frame", size: "processes", default: 100_000, MonitorBenchmarks.topFrame),
        Workload("bpmn", size: "instances", default: 2_000, BPMNBenchmarks.instances),
    ]

    /// Workload names, in the order they run.
    public static var names: [String] { workloads.map(\.name) }

    /// Measures one workload (`size` nil: its default).
    static func measure(_ name: String, size: Int?, options: ShellOptions) throws(BenchFailure)
        -> [BenchResult]
    {
        guard let workload = workloads.first(where: { $0.name == name }) else {
            throw BenchFailure("unknown workload '\(name)'")
        }
        return try workload.run(size, options)
    }

    /// Runs the named workloads and prints a table (or one JSON array). A workload that fails
    /// is reported on stderr and the others still run; returns 1 if any failed, else 0.
    public static func run(_ names: [String], size: Int?, options: ShellOptions, json: Bool) -> Int32 {
        var results: [BenchResult] = []
        var failed = false
        for workload in workloads where names.contains(workload.name) {
            do {
                let measured = try workload.run(size, options)
                results += measured
                if !json { FileHandle.standardOutput.write(Data(measured.map(\.tableLine).joined().utf8)) }
            } catch {
                failed = true
                FileHandle.standardError.write(Data("dkctl: bench: \(workload.name): \(error)\n".utf8))
            }
        }
        if json { print(JSON.array(results.map(\.json)).text) }
        return failed ? 1 : 0
    }
}
