import Testing

@testable import Kernel

@Suite struct OutcomeTableTests {
    private func executable(_ name: String, _ version: String) -> Executable {
        Executable(name: name, version: version) { _ in ClosureRunnable { _ in .finished(.nil) } }
    }

    @Test func runsOfOneVersionAddUpWhicheverObjectStartedThem() {
        var table = OutcomeTable()
        let first = executable("worker", "1.0.0")
        let reloaded = executable("worker", "1.0.0")  // loaded again: another object, same version
        let newer = executable("worker", "2.0.0")
        table.book(first, nanoseconds: 10, failed: false)
        table.book(reloaded, nanoseconds: 5, failed: true)
        table.book(first, nanoseconds: 1, failed: false)
        table.book(newer, nanoseconds: 7, failed: true)
        #expect(table["worker@1.0.0"] == ProgramOutcomes(runs: 3, failures: 1, totalNanoseconds: 16))
        #expect(table["worker@2.0.0"] == ProgramOutcomes(runs: 1, failures: 1, totalNanoseconds: 7))
        #expect(table["worker@3.0.0"] == nil)
    }
}
