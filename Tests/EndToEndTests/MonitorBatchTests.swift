import Testing

/// `top --batch` from the real binary: header, process table, then the threads pane.
@Suite struct MonitorBatchTests {
    @Test func aSnapshotEndsWithTheBusiestProcesssThreads() async throws {
        let result = try await Dkctl.commands(
            "spawn programs/fanout.orch 3; sleep 1ms; top --batch -n 1", extra: ["--no-color"])
        #expect(result.status == 0, "\(result.error)")
        let lines = result.lines
        let table = try #require(lines.firstIndex { $0.hasPrefix("    PID NAME@VERSION") })
        let pane = try #require(lines.firstIndex { $0.hasPrefix("    TID NAME") })
        #expect(table < pane)
        #expect(lines[pane].contains("(threads of 3: 4)"))
        #expect(lines[(pane + 1)...].filter { $0.contains(" work ") }.count == 3)
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
    }
}
