import Foundation
import Testing

/// Whether `name` is an executable on PATH.
func isOnPath(_ name: String) -> Bool {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    return path.split(separator: ":").contains {
        FileManager.default.isExecutableFile(atPath: "\($0)/\(name)")
    }
}

/// The REPL and the monitor driven in tmux (shell-scripts/tui/*.sh), one at a time.
@Suite(.serialized, .enabled(if: isOnPath("tmux") && isOnPath("python3")))
struct TerminalTests {
    private func drive(_ script: String) async throws {
        let root = Dkctl.packageRoot
        let result = try await Dkctl.run(
            [
                root.appendingPathComponent("shell-scripts/tui/\(script)").path, Dkctl.binary,
                root.appendingPathComponent("Tests/EndToEndTests/Fixtures").path,
            ],
            timeout: .seconds(120), executable: "/bin/bash")
        #expect(result.status == 0, "\(script):\n\(result.error)")
    }

    @Test func replEditingHistoryCompletionAndAsyncOutput() async throws {
        try await drive("repl.sh")
    }

    @Test func monitorTreeSortSearchFilterKillSuspendResize() async throws {
        try await drive("top.sh")
    }
}
