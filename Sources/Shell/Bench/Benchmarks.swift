import Foundation
import Kernel

/// `dkctl bench`: the kernel's benchmarks, each a function from a size to results.
public enum Benchmarks {
    /// A workload: its name, default size and the code that measures it.
    struct Workload: Sendable {
        let name: String
        let defaultSize: Int
        let run: @Sendable (_ size: Int, _ options: ShellOptions) -> [BenchResult]
    }

    static let workloads: [Workload] = [
        Workload(name: "spawn", defaultSize: 100_000, run: KernelBenchmarks.spawn),
        Workload(name: "idle-memory", defaultSize: 100_000, run: KernelBenchmarks.idleMemory),
        Workload(name: "switch", defaultSize: 64, run: KernelBenchmarks.switchRate),
    ]

    /// Workload names, in the order they run.
    public static var names: [String] { workloads.map(\.name) }

    /// Runs the named workloads and prints a table (or one JSON array). Returns 0.
    public static func run(_ names: [String], size: Int?, options: ShellOptions, json: Bool) -> Int32 {
        var results: [BenchResult] = []
        for workload in workloads where names.contains(workload.name) {
            let measured = workload.run(size ?? workload.defaultSize, options)
            results += measured
            if !json {
                for result in measured {
                    let line = "\(pad(result.workload, 12)) \(pad(result.params, 22)) \(padLeft(format(result.value), 14)) \(result.unit)\n"
                    FileHandle.standardOutput.write(Data(line.utf8))
                }
            }
        }
        if json {
            let array = JSON.array(
                results.map {
                    .object([
                        ("workload", .string($0.workload)), ("params", .string($0.params)), ("value", .double($0.value)),
                        ("unit", .string($0.unit)),
                    ])
                })
            print(array.text)
        }
        return 0
    }

    private static func format(_ value: Double) -> String {
        value >= 1000 ? Units.count(UInt64(value.rounded())) : Units.fixed(value, value < 10 ? 3 : 1)
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private static func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
