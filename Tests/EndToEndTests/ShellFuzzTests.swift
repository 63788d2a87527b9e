import Foundation
import Testing

/// Random command lines (seeded) through the real binary in deterministic mode: every run ends
/// by itself with an ordinary status, never a crash or a hang.
@Suite struct ShellFuzzTests {
    static let commands = [
        "spawn", "ps", "kill", "wait", "send", "recv", "publish", "subscribe", "request", "ctx", "mailbox",
        "logs",
        "stats", "events", "sched", "slots", "resources", "step", "tick", "sleep", "echo", "load", "programs",
        "swap",
        "check", "disasm", "provenance", "msc", "lint", "trace", "pstree", "threads", "renice", "suspend",
        "resume",
        "top", "help", "history", "unsubscribe",
    ]
    static let words = [
        "$!", "$$", "1", "2", "3", "-1", "99999999999999999999", "{", "}", "[1,", "{a:", "\"x", "'y",
        "--json", "-9",
        "-KILL", "-s", "--nice", "100", "--mem", "0", "programs/ring.orch", "programs/server.orch",
        "bpmn/order-approval.bpmn", "/dev/null", "orders.#", "#", "*", "--timeout", "1ms", "nan", "inf", "t3",
        "--gantt", "--dot", "on", "off", "${", "\\",
    ]

    @Test func randomSessionsEndCleanly() async throws {
        var generator = SeededGenerator(seed: 11)
        for _ in 0..<40 {
            var lines: [String] = []
            for _ in 0..<Int.random(in: 1...5, using: &generator) {
                var command = [Self.commands.randomElement(using: &generator) ?? "ps"]
                for _ in 0..<Int.random(in: 0...4, using: &generator) {
                    command.append(Self.words.randomElement(using: &generator) ?? "1")
                }
                lines.append(command.joined(separator: " "))
            }
            let text = lines.joined(separator: "; ")
            let result = try await Dkctl.run(["--deterministic", "-c", text], timeout: .seconds(30))
            #expect((0..<128).contains(result.status) || [137, 143].contains(result.status), "\(text)")
            #expect(!result.error.contains("Fatal error"), "\(text)")
        }
    }
}

/// SplitMix64, for reproducible random tests.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
