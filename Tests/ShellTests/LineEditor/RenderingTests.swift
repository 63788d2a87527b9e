import Testing

@testable import Shell

/// The exact bytes written: redraws, scrolling, output above the prompt.
@Suite struct RenderingTests {
    @Test func typingRedrawsTheLine() {
        var editor = EditorHarness(prompt: "dk> ")
        editor.type("p")
        #expect(editor.takeOutput() == "\rdk> p\(esc)[0K\r\(esc)[5C")
        editor.ctrl("a")
        #expect(editor.takeOutput() == "\rdk> p\(esc)[0K\r\(esc)[4C")
    }

    @Test func cursorAtColumnZeroHasNoMove() {
        let out = LineRenderer.refresh(prompt: "", buffer: EditBuffer("ab", cursor: 0), width: 80)
        #expect(out == "\rab\(esc)[0K\r")
    }

    @Test func printAboveErasesPrintsAndRedraws() {
        var editor = EditorHarness(prompt: "dk> ")
        editor.type("spawn wor")
        editor.type("\u{1B}[D\u{1B}[D")
        let out = editor.session.printAbove("[3] hello\n[3] world", width: 80)
        #expect(out == "\r\(esc)[0K[3] hello\r\n[3] world\r\n\rdk> spawn wor\(esc)[0K\r\(esc)[11C")
        // Already "\r\n": not doubled; a final newline: not doubled.
        let crlf = editor.session.printAbove("a\r\nb\n", width: 80)
        #expect(crlf.hasPrefix("\r\(esc)[0Ka\r\nb\r\n\rdk> "))
        #expect(editor.session.printAbove("", width: 80) == "\r\(esc)[0K\rdk> spawn wor\(esc)[0K\r\(esc)[11C")
    }

    @Test func printAboveDuringSearchRedrawsTheSearch() {
        var editor = EditorHarness(history: ["kill 3"])
        editor.ctrl("r")
        editor.type("ki")
        let out = editor.session.printAbove("x", width: 80)
        #expect(out == "\r\(esc)[0Kx\r\n\r(reverse-i-search)'ki': kill 3\(esc)[0K\r\(esc)[24C")
    }

    @Test func longLinesScrollHorizontally() {
        // Width 10, prompt "> " (2): 8 columns for text, the cursor needs one of them.
        var editor = EditorHarness(width: 10)
        editor.type("abcdefg")
        #expect(editor.takeOutput().hasSuffix("\r> abcdefg\(esc)[0K\r\(esc)[9C"))
        editor.type("h")  // the cursor would be in column 10: drop "a"
        #expect(editor.takeOutput() == "\r> bcdefgh\(esc)[0K\r\(esc)[9C")
        editor.type("ijk")
        #expect(editor.takeOutput().hasSuffix("\r> efghijk\(esc)[0K\r\(esc)[9C"))
        editor.ctrl("a")  // back to the start: the text fills the row, no erase
        #expect(editor.takeOutput() == "\r> abcdefgh\r\(esc)[2C")
        editor.type("\u{1B}[C")
        #expect(editor.takeOutput() == "\r> abcdefgh\r\(esc)[3C")  // the view follows the cursor only
        editor.ctrl("e")
        editor.type("\u{1B}[D\u{1B}[D")  // cursor 9: text from "c"
        #expect(editor.takeOutput().hasSuffix("\r> cdefghij\r\(esc)[9C"))
        #expect(editor.line == "abcdefghijk")
    }

    @Test func enterShowsTheWholeLine() {
        var editor = EditorHarness(width: 10)
        editor.type("abcdefghijk")
        _ = editor.takeOutput()
        editor.type("\r")
        #expect(editor.output == "\r> abcdefghijk\(esc)[0K\r\n")
    }

    @Test func wideCharactersCountTwoColumns() {
        var editor = EditorHarness(width: 10)
        editor.type("日本語")
        #expect(editor.takeOutput().hasSuffix("\r> 日本語\(esc)[0K\r\(esc)[8C"))
        editor.type("x")  // 2 + 6 + 1 = 9: fits
        #expect(editor.takeOutput() == "\r> 日本語x\(esc)[0K\r\(esc)[9C")
        editor.type("y")  // 10 would leave the row: "日" goes
        #expect(editor.takeOutput() == "\r> 本語xy\(esc)[0K\r\(esc)[8C")
        editor.type("e\u{301}")  // combining: zero width, one character
        #expect(editor.takeOutput().hasSuffix("\r> 本語xye\u{301}\(esc)[0K\r\(esc)[9C"))
    }

    @Test func colouredPromptWidthIgnoresEscapes() {
        let prompt = "\(esc)[1;32mdk\(esc)[0m> "
        #expect(DisplayWidth.of(prompt) == 4)
        var editor = EditorHarness(prompt: prompt)
        editor.type("ps")
        #expect(editor.output.hasSuffix("\r\(prompt)ps\(esc)[0K\r\(esc)[6C"))
    }

    @Test func widths() {
        #expect(DisplayWidth.of(Character("a")) == 1)
        #expect(DisplayWidth.of(Character("日")) == 2)
        #expect(DisplayWidth.of(Character("🙂")) == 2)
        #expect(DisplayWidth.of(Character("e\u{301}")) == 1)
        #expect(DisplayWidth.of("ｶﾀｶﾅ") == 4)  // halfwidth katakana
        #expect(DisplayWidth.of("ＡＢ") == 4)  // fullwidth latin
    }

    @Test func tinyWidthsDoNotCrash() {
        for width in [-3, 0, 1, 2, 3] {
            let out = LineRenderer.refresh(prompt: "dk> ", buffer: EditBuffer("日本", cursor: 1), width: width)
            #expect(out.hasPrefix("\rdk> "))
        }
    }
}
