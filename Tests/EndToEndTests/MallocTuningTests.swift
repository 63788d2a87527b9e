import Foundation
import Testing

/// dkctl starts itself once more with glibc's larger per-thread heap cache, unless the user
/// chose a `GLIBC_TUNABLES` setting; a tool it runs sees the environment it runs in.
@Suite struct MallocTuningTests {
    private func tunables(environment: [String: String]) async throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("env-\(UUID()).orch")
        try """
        orchestrator env version "1.0.0"
        fn main(args) {
          let printed = tool("/usr/bin/printenv", ["GLIBC_TUNABLES"], 5000)
          print(printed["output"][0])
          return 0
        }
        """.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try await Dkctl.run(
            ["--allow-tool", "/usr/bin/printenv", "run", file.path], environment: environment)
        #expect(result.status == 0, "\(result.error)")
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func runsWithTheLargerCache() async throws {
        // A setting the test run itself has is the user's, and wins.
        let chosen = ProcessInfo.processInfo.environment["GLIBC_TUNABLES"]
        #expect(try await tunables(environment: [:]) == chosen ?? "glibc.malloc.tcache_count=1024")
    }

    @Test func keepsTheUsersSetting() async throws {
        let mine = "glibc.malloc.tcache_count=12"
        #expect(try await tunables(environment: ["GLIBC_TUNABLES": mine]) == mine)
    }
}
