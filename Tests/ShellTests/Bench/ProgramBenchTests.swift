import Kernel
import Testing

@testable import Shell

/// The phased protocol of `dkctl bench` programs, with laps: the ring and the program spawn
/// run their measured work once per "go", and the fastest lap counts.
@Suite struct ProgramBenchTests {
    static let options = ShellOptions(kernel: KernelConfiguration(slots: 2))

    /// A program that stopped after its first lap would exit instead of answering the second
    /// "go", and `measure` would fail.
    @Test(arguments: [
        (BenchPrograms.ring, "ring.orch", ["10", "10"]), (BenchPrograms.spawn, "spawn.orch", ["20"]),
    ])
    func everyLapAnswersDone(_ source: String, _ file: String, _ arguments: [String]) throws {
        let bench = try ProgramBench(source, file: file, options: Self.options)
        defer { bench.shutdown() }
        let seconds = try bench.measure(arguments, laps: 3, options: SpawnOptions(mailboxLimit: 100))
        #expect(seconds > 0 && seconds.isFinite)
    }

    /// Without "phased", each lap prints its own time.
    @Test func lapsRunOnOneRingAndEachPrints() throws {
        let bench = try ProgramBench(BenchPrograms.ring, file: "ring.orch", options: Self.options)
        defer { bench.shutdown() }
        _ = try bench.run(["10", "5", "-", "4"])
        #expect(bench.printed.count == 4)
        #expect(bench.printed.allSatisfy { $0.hasPrefix("50 hops in ") })
    }

    /// A program that is not written in laps ends after its first "done": asking it for a
    /// second lap is an error, not a hang.
    @Test func aProgramWithoutLapsFailsTheSecondLap() throws {
        let bench = try ProgramBench(BenchPrograms.fanout, file: "fanout.orch", options: Self.options)
        defer { bench.shutdown() }
        #expect(throws: BenchFailure.self) {
            try bench.measure(["4"], laps: 2, options: SpawnOptions(maxThreads: 10), timeoutSeconds: 5)
        }
    }
}
