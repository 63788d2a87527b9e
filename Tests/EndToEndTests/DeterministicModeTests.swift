import Foundation
import Testing

/// `--deterministic` sessions: the virtual clock that `tick` and `sleep` move, and OS tools,
/// which the kernel waits for in real time while virtual time stands still.
@Suite struct DeterministicModeTests {
    @Test func tickAndSleepMoveTheClockExactlyWithABusyProcess() async throws {
        let result = try await Dkctl.commands(
            "spawn programs/busy.orch; tick 5; tick 14; sleep 1ms; stats; kill -KILL $!")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.lines.filter { $0.hasPrefix("t=") } == ["t=5.0ms", "t=19.0ms"])
        #expect(result.lines.contains { $0.hasPrefix("uptime") && $0.hasSuffix(" 20ms (virtual)") })
    }

    @Test func tickPrintsOneDecimalWhenIdle() async throws {
        let result = try await Dkctl.commands("tick 5; tick 9; tick 986")
        #expect(result.lines == ["t=5.0ms", "t=14.0ms", "t=1000.0ms"])
    }

    @Test func toolProcessEndsAndLogsItsOutput() async throws {
        let result = try await Dkctl.commands(
            #"spawn --tool /bin/sh -c "echo out; exit 3"; sleep 1ms; logs $!; wait $!; echo status $?"#)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.lines == ["3", "out", "3 exited with code 3 (exited 3)", "status 3"])
    }

    /// A server that keeps a timer going never idles the kernel: `recv` and `wait` without a
    /// timeout give up after an hour of virtual time, at once in real time, instead of never.
    @Test(arguments: [
        ("recv", "dkctl: recv: no message after an hour of virtual time"),
        ("wait $!", "dkctl: wait: 3 has not ended after an hour of virtual time"),
    ])
    func waitsWithoutATimeoutEndAfterAnHourOfVirtualTime(_ command: String, _ error: String) async throws {
        let result = try await Dkctl.commands("spawn programs/server.orch; \(command)")
        #expect(result.status == 1)
        #expect(result.error.hasPrefix(error), "\(result.error)")
    }

    /// A tick too large for the clock (it trapped converting to nanoseconds), negative or not
    /// a number is a usage error: one line, status 2, no trap.
    @Test(arguments: ["tick 1e300", "tick -1", "tick abc"])
    func badTicksAreUsageErrors(_ command: String) async throws {
        let result = try await Dkctl.run(
            ["--deterministic", "--seed", "1"], input: "\(command)\necho still here\n")
        #expect(result.status == 2)
        #expect(result.error.hasPrefix("dkctl: tick: "), "\(result.error)")
        #expect(result.error.split(separator: "\n").count == 1)
    }
}
