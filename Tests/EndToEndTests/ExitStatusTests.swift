import Foundation
import Testing

/// What `-c`, a script and standard input end with, alike: `exit` without a code is `$?`.
@Suite struct ExitStatusTests {
    static let fixtures = ProcessCommandTests.fixtures
    static let lines = "spawn counter.orch 5\nwait $!\nexit\n"

    @Test func exitWithoutACodeEndsWithTheLastStatus() async throws {
        let commands = try await Dkctl.run(
            ["--deterministic", "-c", Self.lines.replacingOccurrences(of: "\n", with: "; ")],
            directory: Self.fixtures)
        #expect(commands.status == 5, "\(commands.error)")
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("exit-\(UUID()).dksh")
        try Self.lines.write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        let file = try await Dkctl.run(["--deterministic", script.path], directory: Self.fixtures)
        #expect(file.status == 5, "\(file.error)")
        let input = try await Dkctl.run(["--deterministic"], input: Self.lines, directory: Self.fixtures)
        #expect(input.status == 5, "\(input.error)")
    }

    /// A `wait` that saw exit code 5 does not fail: standard input goes on, as a script does.
    @Test func standardInputGoesOnAfterAWait() async throws {
        let input = "spawn counter.orch 5\nwait $!\necho after $?\n"
        let result = try await Dkctl.run(["--deterministic"], input: input, directory: Self.fixtures)
        #expect(result.lines == ["3", "counter 5 10", "3 exited with code 5 (normal)", "after 5"])
        #expect(result.status == 0)
    }

    /// A line that does not split names its command, on every path.
    @Test func anUnterminatedQuoteNamesTheCommand() async throws {
        let commands = try await Dkctl.commands("echo \"unterminated")
        #expect(commands.status == 2)
        #expect(commands.error == "dkctl: echo: unterminated \" quote\n")
        let input = try await Dkctl.run([], input: "echo 'unterminated\n")
        #expect(input.status == 2)
        #expect(input.error == "dkctl: echo: unterminated ' quote\n")
        let unnamed = try await Dkctl.commands("\"echo x")
        #expect(unnamed.error == "dkctl: unterminated \" quote\n")
    }
}
