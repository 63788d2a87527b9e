import Foundation
import Testing

@Suite struct ProcessCommandTests {
    static let fixtures = Dkctl.packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures").path

    private func run(_ text: String, deterministic: Bool = true) async throws -> Dkctl.Result {
        try await Dkctl.run(
            (deterministic ? ["--deterministic", "--seed", "1"] : []) + ["-c", text], directory: Self.fixtures
        )
    }

    @Test func spawnPrintsThePIDAndWaitSetsStatus() async throws {
        let result = try await run("spawn counter.orch 4; echo pid $!; wait $!; echo status $?")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.lines == ["3", "pid 3", "counter 4 6", "3 exited with code 4 (normal)", "status 4"])
    }

    @Test func runExitsWithTheProgramsCode() async throws {
        let result = try await Dkctl.run(["run", "counter.orch", "5"], directory: Self.fixtures)
        #expect(result.status == 5)
        #expect(result.lines == ["counter 5 10"])
    }

    @Test func runtimeErrorExitsSeventyWithFileAndLine() async throws {
        let result = try await run("spawn crash.orch; wait $!")
        #expect(
            result.lines.last?.hasPrefix("3 exited with code 70 (crash.orch:5: ") ?? false, "\(result.lines)")
        let run = try await Dkctl.run(["run", "crash.orch"], directory: Self.fixtures)
        #expect(run.status == 70)
    }

    @Test func psShowsHowOftenInitRestartedAProgram() async throws {
        let result = try await run(
            "spawn --restart on-failure --max-restarts 5 flaky.orch; sleep 1; ps; ps -o name,restarts")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.lines.contains { $0.hasPrefix("PID") && $0.contains("RESTARTS") })
        let restarts = result.lines.compactMap { line -> Int? in
            let fields = line.split(separator: " ")
            return fields.first == "flaky" ? Int(fields.last ?? "") : nil
        }
        #expect(restarts.contains { $0 >= 1 }, "\(result.lines)")
    }

    @Test func compileErrorsAreStatusFour() async throws {
        let result = try await Dkctl.run(["-c", "check broken.orch"], directory: Self.fixtures)
        #expect(result.status == 4)
        let lines = result.error.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines { #expect(line.hasPrefix("broken.orch:") && line.contains(": error: ")) }
    }

    /// `dkctl run` of a file that does not compile shows its errors, not an empty message.
    @Test func runOfABrokenProgramShowsItsCompileErrors() async throws {
        let result = try await Dkctl.run(["run", "broken.orch"], directory: Self.fixtures)
        #expect(result.status == 4)
        let lines = result.error.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines { #expect(line.hasPrefix("broken.orch:") && line.contains(": error: "), "\(line)") }
    }

    @Test func brokenBPMNIsACompileError() async throws {
        let result = try await Dkctl.run(["-c", "check broken.bpmn"], directory: Self.fixtures)
        #expect(result.status == 4)
        let lines = result.error.split(separator: "\n")
        #expect(!lines.isEmpty)
        for line in lines { #expect(line.hasPrefix("broken.bpmn:") && line.contains(": error: "), "\(line)") }
    }

    @Test func messagesRoundTripThroughTheShell() async throws {
        let result = try await run(
            "spawn echoer.orch; send $! {op: \"add\", a: 2, b: 40, from: $$}; recv; send $! {op: \"stop\"}; wait $!"
        )
        #expect(
            result.lines == ["3", "from 3: {sum: 42}", "3 exited with code 0 (normal)"], "\(result.error)")
    }

    @Test func killAndSignalsFromTheShell() async throws {
        let result = try await run(
            "spawn spinner.orch; sleep 5ms; kill -STOP $!; ps -o pid,state; kill -CONT $!; kill $!; wait $!")
        #expect(result.lines.contains("  3  suspended"), "\(result.lines)")
        #expect(result.lines.last == "3 exited with code 143 (killed by TERM)")
    }

    @Test func sendToAnExitedProcessIsADeadLetter() async throws {
        let result = try await run("spawn counter.orch 1; sleep 10ms; send $! 1")
        #expect(result.status == 3)
        #expect(result.error.contains("dead letter"))
    }

    @Test func psJSONHasTheContractFields() async throws {
        let result = try await run("spawn echoer.orch; sleep 1ms; ps --json")
        let data = Data((result.lines.last ?? "").utf8)
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(rows.count == 3)
        let fields = [
            "pid", "ppid", "name", "version", "type", "state", "wait", "priority", "threads", "reductions",
            "cpu_ms",
            "memory", "mailbox", "exit_code", "reason",
        ]
        for row in rows { for field in fields { #expect(row.keys.contains(field), "\(field)") } }
        let echoer = try #require(rows.first { $0["name"] as? String == "echoer" })
        #expect(echoer["state"] as? String == "waiting")
        #expect(echoer["wait"] as? String == "receive")
        #expect(echoer["ppid"] as? Int == 2)
        #expect(echoer["version"] as? String == "1.0.0")
    }

    @Test func threadsJSON() async throws {
        let result = try await run("spawn echoer.orch; sleep 1ms; threads $! --json")
        let data = Data((result.lines.last ?? "").utf8)
        let rows = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(rows.count == 1)
        for field in ["tid", "pid", "name", "state", "wait", "priority", "reductions", "cpu_ms"] {
            #expect(rows[0].keys.contains(field))
        }
    }

    @Test func hotSwapKeepsRunningVersions() async throws {
        let result = try await run(
            "load counter2.orch; load counter.orch; swap counter 1.0.0; spawn counter 0; swap counter 2.0.0; spawn counter; ps -o pid,name,version; programs"
        )
        #expect(result.status == 0, "\(result.error)")
        #expect(result.lines.contains { $0.hasSuffix("counter  2.0.0") })
        #expect(result.lines.contains("loaded counter@2.0.0 (default)"))
    }

    @Test func pstreeDrawsTheTree() async throws {
        let result = try await Dkctl.run(
            ["--deterministic", "-c", "load tree.orch; spawn tree; sleep 10ms; pstree"],
            directory: Self.fixtures,
            environment: ["LANG": "C.UTF-8"])
        #expect(result.lines.contains("1 init@1.0.0 [waiting: children]"), "\(result.lines)")
        #expect(
            result.lines.contains { $0.hasPrefix("   └─ 3 tree@1.0.0 [waiting: receive]") }, "\(result.lines)"
        )
        #expect(result.lines.contains { $0.hasPrefix("      ├─ 4 tree@1.0.0") })
        #expect(result.lines.contains { $0.hasPrefix("      └─ 5 tree@1.0.0") })
    }

    @Test func deterministicRunsPrintTheSameEveryTime() async throws {
        let script = "spawn tree.orch; spawn echoer.orch; sleep 20ms; ps; events"
        let first = try await run(script)
        let second = try await run(script)
        #expect(first.output == second.output)
        #expect(first.status == 0)
    }

    @Test func waitOnAProcessThatCanNeverEnd() async throws {
        let result = try await run("spawn echoer.orch; wait $!")
        #expect(result.status == 1)
        #expect(result.error.contains("can never end"))
    }

    /// A zombie (exited, not waited for) is not "no such process": it has exited.
    @Test func signallingAZombieSaysItHasExited() async throws {
        for command in ["kill", "suspend", "resume", "renice 5"] {
            let result = try await run("spawn counter.orch 1; sleep 10ms; \(command) $!")
            #expect(result.status == 3, "\(command)")
            #expect(
                result.error
                    == "dkctl: \(command.prefix { $0 != " " }): process 3 has already exited (wait 3 reaps it)\n"
            )
        }
        let reaped = try await run("spawn counter.orch 1; wait $!; kill 3")
        #expect(reaped.error == "dkctl: kill: no such process or thread: 3\n")
    }

    /// `wait 3 4 --timeout`: 4 ended and is reported, then 3 that is still running.
    @Test func waitWithATimeoutReportsTheProcessesThatEnded() async throws {
        for deterministic in [true, false] {
            let result = try await run(
                "spawn spinner.orch; spawn counter.orch 5; wait 3 4 --timeout 200ms",
                deterministic: deterministic)
            #expect(result.status == 1)
            #expect(
                result.lines == ["3", "4", "counter 5 10", "4 exited with code 5 (normal)"], "\(result.lines)"
            )
            #expect(result.error == "dkctl: wait: 3 still running after 200 ms\n")
        }
    }
}
