import Foundation
import Kernel

@testable import Shell

/// A deterministic shell session over a temporary folder of program files.
final class SessionHarness {
    let folder: URL
    let session: ShellSession

    /// Writes `programs` (file name → source) into a fresh folder, which is also the search path.
    init(programs: [String: String] = [:]) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dkctl-shell-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, source) in programs {
            try source.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        session = ShellSession(
            options: ShellOptions(
                kernel: KernelConfiguration(deterministic: true, seed: 1), searchPath: [folder.path]))
    }

    /// The path of a program file written by ``init(programs:)``.
    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    deinit {
        session.close()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Ends with code 5 at once.
    static let quick = "orchestrator quick version \"1.0.0\"\nfn main(args) { return 5 }\n"
    /// Waits for a message that never comes.
    static let waiter = """
        orchestrator waiter version "1.0.0"
        fn main(args) {
          receive { {op: "stop"} => return 0 }
        }
        """
}
