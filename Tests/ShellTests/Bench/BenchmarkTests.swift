import Foundation
import Kernel
import Testing

@testable import Shell

/// Every `dkctl bench` workload runs at a tiny size and reports positive figures with units.
@Suite struct BenchmarkTests {
    /// A tiny size for each workload (startup is tested apart: it needs the dkctl binary).
    static let tinySizes: [String: Int] = [
        "spawn": 200, "idle-memory": 200, "switch": 4, "fib": 15, "ring": 10, "spawn-program": 50,
        "fanout": 50, "pubsub": 10, "request": 50, "incr": 100, "ps": 200, "bpmn": 5,
    ]

    @Test func everyWorkloadHasATinySizeHere() {
        #expect(Set(Benchmarks.names).subtracting(["startup", "top-frame"]) == Set(Self.tinySizes.keys))
    }

    @Test(arguments: tinySizes.keys.sorted())
    func workloadReportsFiguresWithUnits(_ name: String) throws {
        let options = ShellOptions(kernel: KernelConfiguration(slots: 2))
        let results = try Benchmarks.measure(name, size: Self.tinySizes[name], options: options)
        #expect(!results.isEmpty)
        for result in results {
            #expect(result.workload == name)
            #expect(!result.unit.isEmpty && !result.params.isEmpty)
            #expect(result.value.isFinite)
            // Resident memory can even shrink while 200 processes start.
            if name != "idle-memory" { #expect(result.value > 0, "\(result)") }
        }
    }

    @Test func startupTimesTheBinaryBesideTheTests() throws {
        guard (try? ShellBenchmarks.dkctlBinary()) != nil else { return }  // dkctl not built
        let results = try Benchmarks.measure("startup", size: 1, options: ShellOptions())
        #expect(results.count == 1 && results[0].unit == "ms/start" && results[0].value > 0)
    }

    @Test func topFrameMeasuresThroughTheMonitorHook() throws {
        #expect(throws: BenchFailure.self) {
            try Benchmarks.measure("top-frame", size: 10, options: ShellOptions())
        }
        var options = ShellOptions(kernel: KernelConfiguration(slots: 2))
        let frames = Counter()
        options.measureFrame = { kernel, width, height in
            frames.add()
            #expect(kernel.processList().count >= 10 && width == 80 && height == 24)
            return .milliseconds(2)
        }
        let results = try Benchmarks.measure("top-frame", size: 10, options: options)
        #expect(results.first?.value == 2 && results.first?.unit == "ms/frame")
        #expect(frames.value == 6)
    }

    @Test func unknownWorkloadFails() {
        #expect(throws: BenchFailure.self) {
            try Benchmarks.measure("nope", size: 1, options: ShellOptions())
        }
    }

    @Test func jsonHasTheFourFieldsInOrder() {
        let result = BenchResult(workload: "fib", params: "n=30", value: 0.5, unit: "s")
        #expect(result.json.text == #"{"workload":"fib","params":"n=30","value":0.5,"unit":"s"}"#)
    }

    @Test func tableLineHasEveryField() {
        let line = BenchResult(workload: "ring", params: "n=10 m=100", value: 123_456, unit: "hops/s")
            .tableLine
        #expect(line.hasPrefix("ring ") && line.contains("n=10 m=100") && line.hasSuffix("hops/s\n"))
    }

    @Test func fibonacciCountsTheNaiveCalls() {
        #expect(ProgramBenchmarks.fibonacci(0) == (0, 1))
        #expect(ProgramBenchmarks.fibonacci(2) == (1, 3))
        #expect(ProgramBenchmarks.fibonacci(30) == (832_040, 2_692_537))
    }

    /// The embedded programs are the files compare.sh points readers to.
    @Test(arguments: BenchPrograms.all.map(\.file))
    func embeddedProgramMatchesItsFile(_ file: String) throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let text = try String(
            contentsOf: root.appendingPathComponent("shell-scripts/bench/\(file)"), encoding: .utf8)
        let embedded = BenchPrograms.all.first { $0.file == file }?.source
        #expect(embedded.map { $0 + "\n" } == text)
    }
}

/// Counts calls from any thread.
final class Counter: @unchecked Sendable {  // `count` is guarded by `lock`
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
