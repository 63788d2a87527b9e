import Testing

@testable import Shell

@Suite struct WordSplitterTests {
    @Test func anUnterminatedQuoteIsAUsageError() {
        let splitter = WordSplitter { _ in nil }
        #expect(throws: CommandFailure.usage("unterminated \" quote")) { try splitter.words("echo \"x") }
        #expect(throws: CommandFailure.usage("unterminated ' quote")) { try splitter.words("echo 'x") }
    }

    @Test(arguments: [
        ("echo \"unterminated", "echo"), ("  send 3 'x", "send"), ("\"echo x", nil), ("ec'ho x", nil),
        ("$CMD \"x", nil), ("", nil),
    ])
    func theCommandNameOfALineThatDoesNotSplit(line: String, name: String?) {
        #expect(WordSplitter.commandName(in: line) == name)
    }
}
