import Language
import Testing

/// Receive clauses are separated like statements: by a line break or `;` (DESIGN.md §5,
/// Language.docc: "Statements end at a line break or `;`").
@Suite struct ParserReceiveTests {
    /// The compile errors of `body` inside `fn main(args)`, as printed.
    private func errors(_ body: String) -> [String] {
        let source = "orchestrator r version \"1.0.0\"\nfn main(args) { \(body) }"
        do {
            _ = try Compiler.compile(source: source, file: "r.orch")
            return []
        } catch {
            return error.errors.map(\.description)
        }
    }

    @Test func clausesOnOneLineNeedASemicolon() {
        #expect(errors("receive { p => print(p); after 10 => print(\"none\") }").isEmpty)
        #expect(errors("receive { 1 => print(1); 2 => print(2); _ => print(0) }").isEmpty)
        #expect(errors("receive {\n p => print(p)\n after 10 => print(\"none\")\n }").isEmpty)
    }

    /// The clause that lacks its separator is the only error: it is not also reported as a
    /// receive without clauses.
    @Test func missingSeparatorIsOneErrorNamingWhatWasFound() {
        #expect(
            errors("receive { p => print(p) after 10 => print(\"none\") }") == [
                "r.orch:2:41: error: expected a line break or ';' after the receive clause, found 'after'"
            ])
        #expect(errors("receive { 1 => print(1) 2 => print(2) }").count == 1)
    }

    @Test func aClauseWithAnErrorIsNotReportedAsMissing() {
        #expect(
            errors("receive { p => let = 1 }") == ["r.orch:2:36: error: expected a variable name, found '='"])
        #expect(
            errors("receive { when => 1 }") == ["r.orch:2:27: error: expected an expression, found 'when'"])
        #expect(errors("receive { ; }") == ["r.orch:2:17: error: a receive needs at least one clause"])
    }
}
