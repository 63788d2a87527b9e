import Foundation
import Kernel
import Testing

/// OS tools in deterministic mode: virtual time stands still while one runs, the driver waits
/// for it in real time, and a `tool()` timeout is measured in real time.
@Suite struct DeterministicToolTests {
    private func kernel(allowing tools: [String] = []) -> (Kernel, Lines, PID) {
        let (kernel, lines) = ProgramHarness.kernel { $0.allowedTools = tools }
        return (kernel, lines, kernel.attachExternalProcess(name: "test"))
    }

    @Test func toolProcessEndsWithItsCodeAndOutput() throws {
        let (kernel, _, shell) = kernel()
        let pid = try kernel.spawnTool(
            "/bin/sh", arguments: ["-c", "echo out; echo err >&2; exit 3"],
            options: SpawnOptions(parent: shell))
        #expect(kernel.runUntilIdle(), "the tool's end wakes its process")
        #expect(try kernel.logs(of: pid) == ["out", "err"])
        #expect(try kernel.wait(pid) == ExitStatus(code: 3, reason: "exited 3"))
        #expect(kernel.uptimeNanoseconds < 1_000_000, "virtual time stood still while it ran")
    }

    @Test func waitingForAToolProcessWaitsForTheOSProcess() throws {
        let (kernel, _, shell) = kernel()
        let pid = try kernel.spawnTool(
            "/bin/sh", arguments: ["-c", "sleep 0.2; exit 5"], options: SpawnOptions(parent: shell))
        #expect(try kernel.wait(pid) == ExitStatus(code: 5, reason: "exited 5"))
    }

    @Test func aRunningToolIsPendingWorkAndCanBeKilled() throws {
        let (kernel, _, shell) = kernel()
        let pid = try kernel.spawnTool("/bin/sleep", arguments: ["30"], options: SpawnOptions(parent: shell))
        kernel.run(forMilliseconds: 1)  // hands back after a pause of real time, the clock short
        #expect(!kernel.isIdle, "a running tool is not a deadlock")
        #expect(kernel.uptimeNanoseconds < 1_000_000)
        #expect(try kernel.wait(pid, timeoutMilliseconds: 1) == nil, "a wait with a timeout pauses too")
        try kernel.kill(pid, .kill)
        #expect(try kernel.wait(pid) == ExitStatus(code: 137, reason: "killed by KILL"))
    }

    @Test func toolCallsGetOutputAndTimeOutInRealTime() throws {
        let (kernel, lines, shell) = kernel(allowing: ["/bin/sh"])
        let executable = try ProgramHarness.load(
            """
            orchestrator tools version "1.0.0"
            fn main(args) {
              let r = tool("/bin/sh", ["-c", "echo one; echo two; exit 4"], 5000)
              print(r.code, r.output, now())
              try { tool("/bin/sh", ["-c", "exec sleep 30"], 300) } catch e { print(e.kind, e.message, now()) }
              return 0
            }
            """, into: kernel)
        let started = ContinuousClock.now
        let pid = try kernel.spawn(executable, options: SpawnOptions(parent: shell))
        #expect(try kernel.wait(pid)?.code == 0)
        #expect(
            lines.all == [
                "4 [\"one\", \"two\"] 0", "timeout tool did not finish within 300 ms 0",
            ])
        #expect(ContinuousClock.now - started < .seconds(10), "the timeout ended the tool")
    }
}
