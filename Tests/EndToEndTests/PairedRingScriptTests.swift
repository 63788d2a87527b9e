import Foundation
import Testing

/// `shell-scripts/bench/paired-ring.py` drives a dkctl ring and a BEAM ring lap by lap, taking
/// turns, over pipes (compare.sh runs it). A tiny ring, when Erlang is installed.
@Suite struct PairedRingScriptTests {
    static let bench = Dkctl.packageRoot.appendingPathComponent("shell-scripts/bench")

    @Test(.enabled(if: isOnPath("erl") && isOnPath("erlc") && isOnPath("python3")))
    func tinyRingsTakeTurnsAndReportTheRatio() async throws {
        let beam = FileManager.default.temporaryDirectory.appendingPathComponent("beam-\(UUID())")
        try FileManager.default.createDirectory(at: beam, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: beam) }
        let compiled = try await Dkctl.run(
            ["-o", beam.path, "dkbench.erl", "dkbench_server.erl"], directory: Self.bench.path,
            executable: "/usr/bin/erlc")
        #expect(compiled.status == 0, "\(compiled.error)")
        let json = beam.appendingPathComponent("pairs.json")
        let result = try await Dkctl.run(
            [
                "paired-ring.py", Dkctl.binary, beam.path, "--processes", "10", "--rounds", "20", "--laps",
                "3",
                "--json", json.path,
            ], directory: Self.bench.path, executable: "/usr/bin/python3")
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.hasPrefix("ring 10 x 20, 3 laps each, taking turns: dkctl/BEAM median "))
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        #expect((object["pairs_ms"] as? [[Double]])?.count == 3)
    }
}
