import Testing

@testable import Shell

/// `--path` lookup of `NAME` and `NAME@VERSION`.
@Suite struct ExecutableSearchTests {
    static let hello = "orchestrator hello version \"1.2.0\"\nfn main(args) { return 0 }\n"

    @Test func nameAtVersionLoadsTheFileFromTheSearchPath() throws {
        let harness = try SessionHarness(programs: ["hello.orch": Self.hello])
        let executable = try harness.session.resolveExecutable("hello@1.2.0")
        #expect(executable.name == "hello" && executable.version == "1.2.0")
        #expect(try harness.session.resolveExecutable("hello@1.2").version == "1.2.0")
    }

    @Test func aFileOfAnotherVersionIsAClearError() throws {
        let harness = try SessionHarness(programs: ["hello.orch": Self.hello])
        let path = harness.path("hello.orch")
        #expect(
            throws: CommandFailure.failure("no such executable: hello@2.0.0 (\(path) has version 1.2.0)")
        ) { try harness.session.resolveExecutable("hello@2.0.0") }
        #expect(harness.session.kernel.programs().isEmpty, "nothing was loaded")
    }

    @Test func theMessageKeepsTheVersionTyped() throws {
        let harness = try SessionHarness()
        #expect(
            throws: CommandFailure.failure(
                "no such executable: nothing@1.0.0 (see 'programs', or 'load FILE')")
        ) { try harness.session.resolveExecutable("nothing@1.0.0") }
    }
}
