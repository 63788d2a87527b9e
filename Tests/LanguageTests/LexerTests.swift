import Language
import Testing

private func kinds(_ s: String) -> [TokenKind] {
    var lexer = Lexer(s)
    return lexer.tokenize().map(\.kind)
}

@Suite struct LexerTests {
    @Test func tokensOperatorsAndKeywords() {
        #expect(
            kinds("let x = a ..< b ... c ?? d => e") == [
                .keyword(.let), .identifier("x"), .punct(.assign), .identifier("a"), .punct(.halfOpen),
                .identifier("b"),
                .punct(.closed), .identifier("c"), .punct(.coalesce), .identifier("d"), .punct(.arrow),
                .identifier("e"), .eof,
            ])
        #expect(
            kinds("a+=1 b!=2 !c <= >= == && ||") == [
                .identifier("a"), .punct(.plusAssign), .int(1), .identifier("b"), .punct(.ne), .int(2),
                .punct(.not),
                .identifier("c"), .punct(.le), .punct(.ge), .punct(.eq), .punct(.and), .punct(.or), .eof,
            ])
    }

    @Test func numbers() {
        #expect(kinds("0..<10") == [.int(0), .punct(.halfOpen), .int(10), .eof])
        #expect(
            kinds("1.5 2e3 1_000 0xff 3.0e-2") == [
                .float(1.5), .float(2000), .int(1000), .int(255), .float(0.03), .eof,
            ])
    }

    @Test func stringsAndInterpolation() {
        #expect(kinds("\"a\\tb\"") == [.string([.text("a\tb")]), .eof])
        #expect(
            kinds("\"x\\(y + 1)z\"") == [
                .string([.text("x"), .code("y + 1", line: 1, column: 5), .text("z")]), .eof,
            ])
    }

    @Test func commentsAndPositions() {
        var lexer = Lexer("// c\n  /* multi\nline */ foo\nbar")
        let tokens = lexer.tokenize()
        #expect(tokens[0].kind == .identifier("foo"))
        #expect(tokens[0].line == 3)
        #expect(tokens[0].column == 9)
        #expect(tokens[0].newlineBefore)
        #expect(tokens[1].line == 4)
        #expect(tokens[1].newlineBefore)
    }

    @Test func badInputBecomesInvalidTokens() {
        #expect(kinds("\"open").first.map { if case .invalid = $0 { true } else { false } } == true)
        #expect(kinds("/* open").first.map { if case .invalid = $0 { true } else { false } } == true)
        #expect(kinds("é").first.map { if case .invalid = $0 { true } else { false } } == true)
        #expect(kinds("\u{0}").first.map { if case .invalid = $0 { true } else { false } } == true)
    }
}
