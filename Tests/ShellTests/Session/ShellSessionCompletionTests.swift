import Foundation
import Testing

@testable import Shell

/// Tab completion offers what the command takes there: never PIDs after `spawn`, never
/// names after `kill`.
@Suite struct ShellSessionCompletionTests {
    /// A session whose search path holds `waiter.orch`, `notes.txt` and `sub/`, with one
    /// `waiter` process running.
    private static func harness() throws -> SessionHarness {
        let harness = try SessionHarness(programs: ["waiter.orch": SessionHarness.waiter, "notes.txt": "x"])
        try FileManager.default.createDirectory(
            at: harness.folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        #expect(harness.session.run("spawn waiter", stopOnFailure: true) == 0)
        return harness
    }

    private func complete(_ harness: SessionHarness, _ line: String) -> [String] {
        harness.session.completions(line: line, cursor: line.count, directory: harness.folder.path).candidates
    }

    private func pids(_ harness: SessionHarness) -> [String] {
        harness.session.kernel.processList().map { String($0.pid) }
    }

    @Test func spawnOffersExecutablesAndProgramFilesButNoPIDs() throws {
        let harness = try Self.harness()
        #expect(complete(harness, "spawn ") == ["waiter", "sub/", "waiter.orch"])
        #expect(complete(harness, "spawn --nice 5 w") == ["waiter", "waiter.orch"])
        #expect(complete(harness, "spawn --nice ") == [])
        #expect(complete(harness, "spawn waiter ") == ["notes.txt", "sub/", "waiter.orch"])
        #expect(complete(harness, "disasm ") == ["waiter", "sub/", "waiter.orch"])
    }

    @Test func loadAndCheckOfferProgramFiles() throws {
        let harness = try Self.harness()
        #expect(complete(harness, "load ") == ["sub/", "waiter.orch"])
        #expect(complete(harness, "check w") == ["waiter.orch"])
        #expect(complete(harness, "source ") == ["notes.txt", "sub/", "waiter.orch"])
        let folder = harness.folder.path + "/"
        #expect(complete(harness, "load \(folder)w") == [folder + "waiter.orch"])
    }

    @Test func swapOffersNamesThenVersions() throws {
        let harness = try Self.harness()
        #expect(complete(harness, "swap ") == ["waiter"])
        #expect(complete(harness, "swap waiter ") == ["1.0.0"])
        #expect(complete(harness, "help sp") == ["spawn"])
    }

    @Test func processCommandsOfferPIDsOnly() throws {
        let harness = try Self.harness()
        let pids = pids(harness)
        #expect(pids.count >= 2)
        for command in ["threads ", "wait ", "logs ", "suspend ", "kill -KILL ", "events --pid "] {
            let offered = complete(harness, command)
            #expect(Set(pids).isSubset(of: offered), "\(command)")
            #expect(!offered.contains("waiter") && !offered.contains("waiter.orch"), "\(command)")
        }
        #expect(complete(harness, "threads 1 ") == [])
        #expect(complete(harness, "echo x; ki") == ["kill"])
    }
}
