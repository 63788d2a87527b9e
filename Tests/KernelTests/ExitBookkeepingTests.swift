import Testing

@testable import Kernel

/// What an exit books, and what a child learns of its parent, whichever way exits interleave.
@Suite struct ExitBookkeepingTests {
    private func executable(_ version: String, exitCode: Int64) -> Executable {
        Executable(name: "job", version: version) { _ in Runnables.exits(exitCode) }
    }

    @Test func outcomesAreBookedPerVersionWhenExitsInterleave() throws {
        let kernel = Kernel(configuration: KernelConfiguration(deterministic: true, seed: 1))
        let first = executable("1.0.0", exitCode: 0)
        let second = executable("2.0.0", exitCode: 3)
        for executable in [first, first, second, first, second, second, first] {
            _ = try kernel.spawn(executable)
            kernel.runUntilIdle()
        }
        #expect(kernel.outcomes(of: "job", version: "1.0.0")?.runs == 4)
        #expect(kernel.outcomes(of: "job", version: "1.0.0")?.failures == 0)
        #expect(kernel.outcomes(of: "job", version: "2.0.0")?.runs == 3)
        #expect(kernel.outcomes(of: "job", version: "2.0.0")?.failures == 3)
    }

    @Test func theTableSwitchesRowsAsTheExecutableBookedChanges() {
        var table = OutcomeTable()
        let first = executable("1.0.0", exitCode: 0)
        let reloaded = executable("1.0.0", exitCode: 0)
        let second = executable("2.0.0", exitCode: 0)
        for (executable, failed) in [
            (first, false), (second, true), (second, true), (reloaded, true), (first, false),
        ] {
            table.book(executable, nanoseconds: 1, failed: failed)
        }
        #expect(table["job@1.0.0"] == ProgramOutcomes(runs: 3, failures: 1, totalNanoseconds: 3))
        #expect(table["job@2.0.0"] == ProgramOutcomes(runs: 2, failures: 2, totalNanoseconds: 2))
    }
}
