import Testing

@testable import Shell

@Suite struct CompletionTests {
    /// Completes the word before the cursor from a fixed list.
    static func words(_ list: [String]) -> LineEditor.Completer {
        { line, cursor in
            let before = Array(line)[..<cursor]
            let start = before.lastIndex(of: " ").map { $0 + 1 } ?? 0
            let word = String(before[start...])
            return .init(replaceFrom: start, candidates: list.filter { $0.hasPrefix(word) })
        }
    }

    @Test func singleCandidateCompletesWithASpace() {
        var editor = EditorHarness(completer: Self.words(["spawn", "send", "stats"]))
        editor.type("sp\t")
        #expect(editor.line == "spawn " && editor.cursor == 6)
    }

    @Test func directoryCandidateGetsNoSpace() {
        var editor = EditorHarness(completer: Self.words(["programs/"]))
        editor.type("load pro\t")
        #expect(editor.line == "load programs/")
    }

    @Test func completesInTheMiddleOfTheLine() {
        var editor = EditorHarness(completer: Self.words(["spawn"]))
        editor.type("spa worker")
        editor.type("\u{1B}b\u{1B}[D")
        editor.type("\t")
        #expect(editor.line == "spawn  worker" && editor.cursor == 6)
    }

    @Test func severalCandidatesCompleteTheCommonPrefixThenList() {
        var editor = EditorHarness(
            width: 30, completer: Self.words(["subscribe", "suspend", "sleep", "sub1"]))
        editor.type("su\t")
        #expect(editor.line == "su")  // common prefix "su": nothing to add
        #expect(editor.takeOutput().hasSuffix("\u{7}"))
        editor.type("b\t")
        #expect(editor.line == "sub")
        #expect(editor.takeOutput().hasSuffix("\u{7}"))
        editor.type("\t")  // second Tab in a row: the list, then the prompt again
        #expect(editor.output == "\r\nsub1       subscribe\r\n\r> sub\(esc)[0K\r\(esc)[5C")
    }

    @Test func firstTabExtendsSecondLists() {
        var editor = EditorHarness(completer: Self.words(["wait", "waitall"]))
        editor.type("w\t")
        #expect(editor.line == "wait")
        _ = editor.takeOutput()
        editor.type("\t")
        #expect(editor.output.hasPrefix("\r\nwait     waitall\r\n"))
    }

    @Test func noCandidatesRings() {
        var editor = EditorHarness(completer: Self.words([]))
        editor.type("zz\t")
        #expect(editor.output.hasSuffix("\u{7}") && editor.line == "zz")
        var bare = EditorHarness()
        bare.type("\t")
        #expect(bare.output == "\u{7}")
    }

    @Test func badReplaceFromIsClamped() {
        var editor = EditorHarness { _, _ in .init(replaceFrom: 99, candidates: ["x"]) }
        editor.type("ab\t")
        #expect(editor.line == "abx ")
        var negative = EditorHarness { _, _ in .init(replaceFrom: -5, candidates: ["x"]) }
        negative.type("ab\t")
        #expect(negative.line == "x ")
    }

    @Test func columnsGoDownThenAcross() {
        let list = ["a", "bb", "c", "d", "e"]
        #expect(CompletionText.columns(list, width: 12) == "a   c   e\r\nbb  d\r\n")
        #expect(CompletionText.columns(list, width: 1) == "a\r\nbb\r\nc\r\nd\r\ne\r\n")
        #expect(CompletionText.commonPrefix(["日本語", "日本"]) == "日本")
        #expect(CompletionText.commonPrefix([]) == "")
    }
}
