import Foundation
import Testing

/// Session scripts in deterministic mode against their golden transcripts
/// (`shell-scripts/golden.sh --update` rewrites them after an intended change).
@Suite struct GoldenTranscriptTests {
    static let scripts: [String] = {
        let root = Dkctl.packageRoot.appendingPathComponent("shell-scripts")
        var found: [String] = []
        for folder in ["golden", "demos"] {
            let names =
                (try? FileManager.default.contentsOfDirectory(
                    atPath: root.appendingPathComponent(folder).path)) ?? []
            found += names.filter { $0.hasSuffix(".dksh") }.sorted().map { "\(folder)/\($0)" }
        }
        return found
    }()

    @Test(arguments: scripts)
    func transcriptMatches(script: String) async throws {
        let expectedURL = Dkctl.packageRoot.appendingPathComponent("shell-scripts")
            .appendingPathComponent(String(script.dropLast(".dksh".count)) + ".out")
        let expected = try String(contentsOf: expectedURL, encoding: .utf8)
        let result = try await Dkctl.transcript(of: script)
        let actual = result.output + "[exit \(result.status)]\n"
        #expect(actual == expected, "\(script): run shell-scripts/golden.sh to see the diff")
    }

    @Test func thereAreGoldenScripts() { #expect(Self.scripts.count >= 3) }
}
