import Testing

/// Usage errors of the subcommands read `dkctl: COMMAND: what is wrong (usage: …)`, status 2.
@Suite struct UsageErrorTests {
    @Test(arguments: [
        (["run"], "dkctl: run: missing program (usage: dkctl run PROGRAM [ARGS...])"),
        (["--deterministic", "run"], "dkctl: run: missing program (usage: dkctl run PROGRAM [ARGS...])"),
        (["check"], "dkctl: check: missing file (usage: dkctl check FILE)"),
        (["check", "a", "b"], "dkctl: check: unexpected argument 'b' (usage: dkctl check FILE)"),
        (
            ["bench", "--size", "x"],
            "dkctl: bench: the value 'x' is invalid for '--size <size>' (usage: dkctl bench [--json] [WORKLOAD...] [--size N])"
        ),
        (
            ["top", "-n", "x"],
            "dkctl: top: the value 'x' is invalid for '-n <n>' (usage: dkctl top [--batch] [-n N] [-d SECONDS] [-s KEY] [--script FILE])"
        ),
    ])
    func subcommandUsageErrors(arguments: [String], message: String) async throws {
        let result = try await Dkctl.run(arguments)
        #expect(result.status == 2)
        #expect(result.error == message + "\n")
    }

    @Test func helpOfASubcommandStillWorks() async throws {
        for arguments in [["run", "--help"], ["help", "run"]] {
            let result = try await Dkctl.run(arguments)
            #expect(result.status == 0)
            #expect(result.output.contains("USAGE"))
        }
    }
}
