import Testing

@testable import Shell

@Suite struct ReverseSearchTests {
    private let history = ["spawn worker", "ps", "spawn ring 10", "kill 3", "ps --json"]

    @Test func incrementalSearchShowsTheNewestMatch() {
        var editor = EditorHarness(history: history)
        editor.ctrl("r")
        #expect(editor.shown.prompt == "(reverse-i-search)'': ")
        editor.type("sp")
        #expect(editor.shown.prompt == "(reverse-i-search)'sp': ")
        #expect(editor.shown.text == "spawn ring 10" && editor.shown.cursor == 0)
        editor.type("awn w")
        #expect(editor.shown.text == "spawn worker")
        #expect(editor.output.hasSuffix("\r(reverse-i-search)'spawn w': spawn worker\(esc)[0K\r\(esc)[29C"))
    }

    @Test func ctrlRAgainFindsOlderMatches() {
        var editor = EditorHarness(history: history)
        editor.ctrl("r")
        editor.type("ps")
        #expect(editor.shown.text == "ps --json")
        editor.ctrl("r")
        #expect(editor.shown.text == "ps")
        editor.ctrl("r")  // no older one: failed, the match stays
        #expect(editor.shown.prompt == "(failed reverse-i-search)'ps': ")
        #expect(editor.shown.text == "ps")
        editor.type("\u{7F}")  // shorter query: from the newest again
        #expect(editor.shown.prompt == "(reverse-i-search)'p': ")
        #expect(editor.shown.text == "ps --json")
    }

    @Test func cursorOnTheLastOccurrence() {
        var editor = EditorHarness(history: ["ab ab ab"])
        editor.ctrl("r")
        editor.type("ab")
        #expect(editor.shown.cursor == 6)
    }

    @Test func enterAcceptsTheMatch() {
        var editor = EditorHarness(history: history)
        editor.ctrl("r")
        editor.type("kill\r")
        #expect(editor.result == .line("kill 3"))
        #expect(editor.output.hasSuffix("\r> kill 3\(esc)[0K\r\n"))
    }

    @Test func cancelRestoresTheLine() {
        var editor = EditorHarness(history: history)
        editor.type("draft")
        editor.ctrl("r")
        editor.type("ring")
        editor.ctrl("g")
        #expect(editor.shown.prompt == "> " && editor.line == "draft" && editor.cursor == 5)
        editor.ctrl("r")
        editor.type("ring")
        editor.feed([27])
        editor.timeout()  // a lone Esc
        #expect(editor.shown.prompt == "> " && editor.line == "draft")
    }

    @Test func otherKeysAcceptAndEdit() {
        var editor = EditorHarness(history: history)
        editor.ctrl("r")
        editor.type("ring")
        editor.type("\u{1B}[C")  // Right: leave the search, move on the match
        #expect(editor.shown.prompt == "> ")
        #expect(editor.line == "spawn ring 10" && editor.cursor == 7)
        editor.ctrl("e")
        editor.type("0")
        #expect(editor.line == "spawn ring 100")
        editor.type("\u{1B}[A")  // history continues from the match
        #expect(editor.line == "ps")
    }

    @Test func failedSearchKeepsTheOriginalLine() {
        var editor = EditorHarness(history: history)
        editor.type("x")
        editor.ctrl("r")
        editor.type("zzz")
        #expect(editor.shown.prompt == "(failed reverse-i-search)'zzz': ")
        #expect(editor.shown.text == "x")
    }

    @Test func ctrlCDuringSearchInterrupts() {
        var editor = EditorHarness(history: history)
        editor.ctrl("r")
        editor.type("kill")
        editor.ctrl("c")
        #expect(editor.result == .interrupted)
    }

    @Test func tabEndsTheSearchWithoutCompleting() {
        var editor = EditorHarness(history: history) { _, _ in
            .init(replaceFrom: 0, candidates: ["x"])
        }
        editor.ctrl("r")
        editor.type("ps\t")
        #expect(editor.shown.prompt == "> ")
        #expect(editor.line == "ps --json")  // not "x ps --json"
    }
}
