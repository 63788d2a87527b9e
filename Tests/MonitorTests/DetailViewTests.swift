import Kernel
import Language
import Testing

@testable import Monitor

/// The detail view (Enter) shows what DESIGN §9 lists: the process's context, its mailbox,
/// its metrics and its provenance, besides its threads, log and events.
@Suite struct DetailViewTests {
    /// A program that writes context, reports a metric and waits for a "go" that does not
    /// come, with two other messages queued.
    private func detailLines() throws -> [String] {
        let kernel = Kernel(configuration: KernelConfiguration(deterministic: true))
        let program = try Compiler.compile(
            source: """
                orchestrator ctxp version "1.0.0"
                fn main(args) {
                  ctx.write("decision", "total", 42)
                  metric("score", 7)
                  metric("score", 5)
                  print("wrote context")
                  receive { "go" => return 0 }
                }
                """, file: "ctxp.orch")
        let pid = try kernel.spawn(kernel.executable(for: program, source: "ctxp.orch"))
        kernel.runUntilIdle()
        try kernel.send(.str("hello"), to: .process(pid))
        try kernel.send(.record(["op": .str("add"), "a": .int(1)]), to: .process(pid))
        kernel.runUntilIdle()
        let controller = MonitorController(
            kernel: kernel, options: MonitorOptions(glyphs: .ascii), colours: false)
        _ = controller.screen(width: 100, height: 30)
        controller.handle(.character("/"))
        for character in "ctxp" { controller.handle(.character(character)) }
        controller.handle(.enter)
        controller.handle(.enter)
        return controller.screen(width: 100, height: 120).map(\.text)
    }

    @Test func contextMailboxMetricsAndProvenanceAreShown() throws {
        let lines = try detailLines()
        #expect(lines[0].hasPrefix("Process 2  ctxp@1.0.0"))
        func section(_ title: String) -> ArraySlice<String> {
            guard let start = lines.firstIndex(where: { $0.hasPrefix(title) }) else { return [] }
            return lines[(start + 1)...].prefix { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        }
        #expect(
            section("Context (").contains { $0.hasPrefix("  decision v1 owner") && $0.contains("total=42") })
        let mailbox = section("Mailbox (2 queued)")
        #expect(
            mailbox.map { $0.trimmingCharacters(in: .whitespaces) } == [
                "from kernel: \"hello\"", "from kernel: {op: \"add\", a: 1}",
            ])
        #expect(section("Metrics (1)").first?.hasPrefix("  score: last 5, 2 reports, sum 12") == true)
        #expect(section("Provenance").contains { $0.contains("2 ctxp") })
    }
}
