import Foundation
import Testing

@Suite struct TeachingCommandTests {
    static let fixtures = ProcessCommandTests.fixtures

    private func run(_ text: String, extra: [String] = []) async throws -> Dkctl.Result {
        try await Dkctl.run(
            ["--deterministic", "--seed", "1"] + extra + ["-c", text], directory: Self.fixtures)
    }

    @Test(.enabled(if: isOnPath("dot")))
    func provenanceDotParsesWithGraphviz() async throws {
        let result = try await run("spawn pipeline.orch; sleep 10ms; provenance 5 --dot")
        #expect(result.status == 0, "\(result.error)")
        let dot = result.lines.drop { !$0.hasPrefix("digraph") }.joined(separator: "\n")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("prov-\(UUID()).dot")
        try dot.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let svg = try await Dkctl.run(["-Tsvg", file.path], executable: "/usr/bin/dot")
        #expect(svg.status == 0, "\(svg.error)")
        #expect(svg.output.contains("<svg"))
    }

    @Test func provenanceJSONNamesMessagesAndContext() async throws {
        let result = try await run("spawn pipeline.orch; sleep 10ms; provenance 5 --json")
        let data = Data((result.lines.last ?? "").utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let messages = try #require(object["messages"] as? [[String: Any]])
        #expect(messages.map { $0["id"] as? Int } == [1, 2])
        let context = try #require(object["context"] as? [[String: Any]])
        #expect(context.map { $0["key"] as? String } == ["decision.input", "decision.result"])
        #expect(try await run("provenance 99").status == 3)
    }

    @Test func traceSchedGanttAndMsc() async throws {
        let result = try await run("trace on; spawn counter.orch 2; wait $!; trace off; sched --gantt; msc 3")
        #expect(result.lines.contains { $0.hasPrefix("trace: t=") && $0.contains("slot 0: tid 3 (counter)") })
        #expect(result.lines.contains { $0.hasPrefix("slot 0   |") })
        #expect(result.lines.contains { $0.hasPrefix("threads: a=tid 3 counter") })
        let chart = try await run(
            "spawn echoer.orch; send $! {op: \"add\", a: 1, b: 2, from: $$}; recv; msc 3 --format mermaid; msc 3 --format plantuml"
        )
        #expect(chart.lines.contains("sequenceDiagram"))
        #expect(chart.lines.contains("@startuml"))
        #expect(chart.lines.contains { $0.contains("p3->>p2") })
        #expect(try await run("msc 3 --format svg").status == 2)
    }

    @Test func stepFromTheShell() async throws {
        let result = try await run("spawn counter.orch 1; suspend $!; step $! 3")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.lines.filter { $0.hasPrefix("main:") }.count == 3)
        #expect(try await run("spawn counter.orch 1; step $!").status == 1)
    }

    @Test func lintAndTheWColumn() async throws {
        let result = try await run("spawn spinner.orch; sleep 1.5; ps -o pid,name,w; lint")
        #expect(result.lines.contains { $0.hasSuffix("spinner  1") })
        #expect(result.lines.contains { $0.hasPrefix("3/3 busy: thread 3 has run") })
    }

    @Test func recordAndReplay() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rec-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("session.dksh").path
        let counter = Self.fixtures + "/counter.orch"
        let first = try await run(
            "record \(script); spawn \(counter) 3; wait $!; echo done; record off; echo not recorded")
        #expect(first.status == 0, "\(first.error)")
        let text = try String(contentsOfFile: script, encoding: .utf8)
        #expect(text.contains("# dkctl-options: --deterministic --seed 1"))
        #expect(!text.contains("not recorded"))
        let replay = try await Dkctl.run([script])
        #expect(replay.lines == ["3", "counter 3 3", "3 exited with code 3 (normal)", "done"])
    }

    @Test func eventsFileHasJSONLines() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("events-\(UUID()).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try await run("spawn counter.orch 0; wait $!", extra: ["--events", file.path])
        #expect(result.status == 0)
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
        #expect(lines.count >= 4)
        for line in lines {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any])
        }
        #expect(lines.contains { $0.contains("\"type\":\"exit\"") })
    }

    @Test func demoListsAndRuns() async throws {
        let list = try await Dkctl.run(["-c", "demo"])
        #expect(list.lines.first == "DEMO        WHAT IT SHOWS")
        #expect(list.lines.contains { $0.hasPrefix("deadlock ") })
        let hotswap = try await Dkctl.run(["--deterministic", "-c", "demo hotswap"])
        #expect(hotswap.status == 0, "\(hotswap.error)")
        #expect(hotswap.lines.contains("from 4: \"good to see you, Grace!\""))
        #expect(try await Dkctl.run(["-c", "demo nope"]).status == 1)
    }

    @Test func statsOfAThreadAndAProgram() async throws {
        let result = try await run("spawn echoer.orch; sleep 1ms; stats $!; stats 3 --json")
        #expect(result.lines.contains { $0.hasPrefix("threads      1") })
        #expect(result.lines.last?.hasPrefix("{\"pid\":3") ?? false)
    }
}
