import Testing

@testable import Shell

/// `$?` across commands, and what `-c`, scripts and `exit` end with.
@Suite struct LastStatusTests {
    @Test func exitWithoutACodeEndsWithTheLastStatus() throws {
        let harness = try SessionHarness(programs: ["quick.orch": SessionHarness.quick])
        let status = harness.session.runCommands("spawn \(harness.path("quick.orch")); wait $!; exit")
        #expect(status == 5)
        #expect(harness.session.exitRequested == 5)
    }

    @Test func exitAfterAFailureInTheREPLEndsWithItsStatus() throws {
        let harness = try SessionHarness()
        harness.session.run("kill 999", stopOnFailure: false)
        #expect(harness.session.lastStatus == 3)
        harness.session.run("exit", stopOnFailure: false)
        #expect(harness.session.exitRequested == 3)
    }

    @Test func commandsEndWithTheStatusOfTheLastOne() throws {
        let harness = try SessionHarness(programs: ["quick.orch": SessionHarness.quick])
        #expect(harness.session.runCommands("spawn \(harness.path("quick.orch")); wait $!") == 5)
        #expect(harness.session.runCommands("echo x") == 0)
    }

    /// A `wait` that saw a non-zero exit code does not fail: the text goes on.
    @Test func aWaitThatSawAnExitIsNoFailure() throws {
        let harness = try SessionHarness(programs: ["quick.orch": SessionHarness.quick])
        let status = harness.session.run(
            "spawn \(harness.path("quick.orch")); wait $!; echo after", stopOnFailure: true)
        #expect(status == 0)
        #expect(harness.session.lastStatus == 0)
    }

    @Test func aFailureStopsTheTextWithItsStatus() throws {
        let harness = try SessionHarness()
        #expect(harness.session.run("kill 999; exit 9", stopOnFailure: true) == 3)
        #expect(harness.session.exitRequested == nil)
    }
}
