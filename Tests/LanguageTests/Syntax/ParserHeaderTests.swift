import Language
import Testing

/// The program header: `orchestrator NAME version "X.Y.Z"`, with `service` or `tool` either in
/// place of `orchestrator` or after the version (DESIGN.md §5).
@Suite struct ParserHeaderTests {
    /// The compile errors of `source` (a whole file, header included), as printed.
    private func errors(_ source: String) -> [String] {
        do {
            _ = try Compiler.compile(source: source, file: "h.orch")
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    private func kind(_ header: String) throws -> ProgramKind {
        try Compiler.compile(source: header + "\nfn main(args) { return 0 }", file: "h.orch").kind
    }

    @Test func typeWordAfterTheVersionSetsTheKind() throws {
        #expect(try kind("orchestrator adder version \"1.0.0\" service") == .service)
        #expect(try kind("orchestrator adder version \"1.0.0\" tool") == .tool)
        #expect(try kind("orchestrator adder version \"1.0.0\" service // a comment") == .service)
        #expect(try kind("service adder version \"1.0.0\" service") == .service)  // said twice, the same
        let program = try Compiler.compile(
            source: "orchestrator pay.api version \"2.1.0-beta\" service\nfn main(args) { }", file: "h.orch")
        #expect(program.name == "pay.api")
        #expect(program.version == "2.1.0-beta")
    }

    @Test func earlierHeaderFormsStillWork() throws {
        #expect(try kind("orchestrator adder version \"1.0.0\"") == .orchestrator)
        #expect(try kind("service adder version \"1.0.0\"") == .service)
        #expect(try kind("tool adder version \"1.0.0\"") == .tool)
        #expect(try kind("orchestrator adder version \"1.0.0\";") == .orchestrator)
        #expect(
            try Compiler.compile(source: "orchestrator a version \"1.0.0\" fn main(args) { }", file: "h.orch")
                .kind == .orchestrator)
    }

    @Test func junkAfterTheVersionIsOneClearError() {
        #expect(
            errors("orchestrator x version \"1.0.0\" banana\n\nfn main(args) { return 0 }") == [
                "h.orch:1:32: error: expected a line break after the version, found 'banana'"
                    + " (only 'service' or 'tool' may follow the version)"
            ])
        #expect(
            errors("orchestrator x version \"1.0.0\" orchestrator more junk\nfn main(args) { }").count == 1)
        #expect(
            errors("orchestrator x version \"1.0.0\" service banana\nfn main(args) { }") == [
                "h.orch:1:40: error: expected a line break after the header, found 'banana'"
            ])
    }

    @Test func twoDifferentTypesAreAnError() {
        #expect(
            errors("service x version \"1.0.0\" tool\nfn main(args) { }") == [
                "h.orch:1:27: error: the header names two program types: 'service' before the name"
                    + " and 'tool' after the version"
            ])
    }
}
