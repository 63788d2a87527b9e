import Testing

@testable import Shell

@Suite struct WaitCommandTests {
    /// `wait 3 4 --timeout`: 4 ended, 3 did not. 4 is reported (and reaped) before the failure.
    @Test func aTimeoutStillReportsTheProcessesThatEnded() throws {
        let harness = try SessionHarness(programs: [
            "waiter.orch": SessionHarness.waiter, "quick.orch": SessionHarness.quick,
        ])
        let session = harness.session
        let spawned = session.run(
            "spawn \(harness.path("waiter.orch")); spawn \(harness.path("quick.orch")); sleep 0.1",
            stopOnFailure: true)
        #expect(spawned == 0)
        let status = session.run("wait 3 4 --timeout 100ms", stopOnFailure: true)
        #expect(status == 1)
        #expect(session.lastStatus == 1)
        #expect(session.kernel.process(4) == nil, "4 was reaped")
        #expect(session.kernel.process(3)?.state == .waiting)
    }

    @Test func theExitCodesOfProcessesThatEndedAreReportedInTheOrderGiven() throws {
        let harness = try SessionHarness(programs: ["quick.orch": SessionHarness.quick])
        let session = harness.session
        let quick = harness.path("quick.orch")
        #expect(session.run("spawn \(quick); spawn \(quick); wait 4 3", stopOnFailure: true) == 0)
        #expect(session.lastStatus == 5)
        #expect(session.kernel.process(3) == nil && session.kernel.process(4) == nil)
    }

    @Test func reportEndedLeavesRunningAndUnknownProcesses() throws {
        let harness = try SessionHarness(programs: [
            "waiter.orch": SessionHarness.waiter, "quick.orch": SessionHarness.quick,
        ])
        let session = harness.session
        session.run(
            "spawn \(harness.path("quick.orch")); spawn \(harness.path("waiter.orch")); sleep 0.1",
            stopOnFailure: true)
        #expect(session.reportEnded([999, 4, 3]) == [4])
        #expect(session.kernel.process(3) == nil)
        #expect(session.lastStatus == 5)
    }
}
