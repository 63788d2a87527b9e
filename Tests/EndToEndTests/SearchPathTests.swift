import Foundation
import Testing

/// `--path DIR`: `NAME` and `NAME@VERSION` are looked up as `DIR/NAME.orch`.
@Suite struct SearchPathTests {
    /// A folder with `hello.orch` (version 1.2.0) in it; removed by `body`'s end.
    private func withPrograms(_ body: (String) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("path-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let hello =
            "orchestrator hello version \"1.2.0\"\nfn main(args) {\n  print(\"hello\")\n  return 3\n}\n"
        try hello.write(to: folder.appendingPathComponent("hello.orch"), atomically: true, encoding: .utf8)
        try await body(folder.path)
    }

    @Test func nameAtVersionIsFoundOnThePath() async throws {
        try await withPrograms { folder in
            let run = try await Dkctl.run(["--path", folder, "run", "hello@1.2.0"])
            #expect(run.status == 3, "\(run.error)")
            #expect(run.lines == ["hello"])
            let spawn = try await Dkctl.run([
                "--path", folder, "--deterministic", "-c", "spawn hello@1.2.0; wait $!",
            ])
            #expect(spawn.lines == ["3", "hello", "3 exited with code 3 (normal)"], "\(spawn.error)")
        }
    }

    @Test func anotherVersionOrNoFileKeepsTheVersionTyped() async throws {
        try await withPrograms { folder in
            let other = try await Dkctl.run(["--path", folder, "run", "hello@2.0.0"])
            #expect(other.status == 1)
            #expect(
                other.error
                    == "dkctl: run: no such executable: hello@2.0.0 (\(folder)/hello.orch has version 1.2.0)\n"
            )
            let missing = try await Dkctl.run(["--path", folder, "-c", "spawn nothing@1.0.0"])
            #expect(missing.status == 1)
            #expect(
                missing.error
                    == "dkctl: spawn: no such executable: nothing@1.0.0 (see 'programs', or 'load FILE')\n")
        }
    }
}
