import Testing

@testable import Shell

/// Each editing key, fed as the bytes a terminal sends.
@Suite struct EditingCommandTests {
    @Test func typingAndEnter() {
        var editor = EditorHarness()
        editor.type("ps --json\r")
        #expect(editor.result == .line("ps --json"))
    }

    @Test func utf8Input() {
        var editor = EditorHarness()
        editor.type("échο 日本 🙂")
        #expect(editor.line == "échο 日本 🙂")
        #expect(editor.cursor == 9)
        editor.type("\u{1B}[D\u{1B}[D\u{7F}")
        #expect(editor.line == "échο 日 🙂")
    }

    @Test func cursorMotion() {
        var editor = EditorHarness()
        editor.type("abcd")
        editor.type("\u{1B}[D\u{1B}[D")
        #expect(editor.cursor == 2)
        editor.type("\u{1B}[C")
        #expect(editor.cursor == 3)
        editor.ctrl("a")
        #expect(editor.cursor == 0)
        editor.ctrl("e")
        #expect(editor.cursor == 4)
        editor.ctrl("b")
        editor.ctrl("b")
        editor.ctrl("f")
        #expect(editor.cursor == 3)
        editor.type("\u{1B}[H")
        #expect(editor.cursor == 0)
        editor.type("\u{1B}[F")
        #expect(editor.cursor == 4)
        editor.type("\u{1B}OH")
        #expect(editor.cursor == 0)
        editor.type("\u{1B}OF")
        #expect(editor.cursor == 4)
    }

    @Test func wordMotion() {
        var editor = EditorHarness()
        editor.type("send 12 hello")
        editor.type("\u{1B}b")
        #expect(editor.cursor == 8)
        editor.type("\u{1B}b\u{1B}b")
        #expect(editor.cursor == 0)
        editor.type("\u{1B}f")
        #expect(editor.cursor == 4)
        editor.type("\u{1B}[1;5C")
        #expect(editor.cursor == 7)
    }

    @Test func backspaceAndDelete() {
        var editor = EditorHarness()
        editor.type("abc\u{7F}")
        #expect(editor.line == "ab")
        editor.ctrl("a")
        editor.type("\u{1B}[3~")
        #expect(editor.line == "b" && editor.cursor == 0)
        editor.ctrl("d")  // on a non-empty line: delete
        #expect(editor.line == "" && editor.result == nil)
        editor.type("\u{7F}")
        let value1 = editor.takeOutput()  // nothing to delete: no redraw
        #expect(value1.hasSuffix("\r\(esc)[2C"))
    }

    @Test func ctrlDOnEmptyLineEndsInput() {
        var editor = EditorHarness()
        editor.ctrl("d")
        #expect(editor.result == .endOfInput)
        #expect(editor.output == "\r> \(esc)[0K\r\n")
    }

    @Test func killAndYank() {
        var editor = EditorHarness()
        editor.type("kill 42 now")
        editor.type("\u{1B}b")
        editor.ctrl("k")
        #expect(editor.line == "kill 42 ")
        editor.ctrl("a")
        editor.ctrl("y")
        #expect(editor.line == "nowkill 42 " && editor.cursor == 3)
        editor.ctrl("e")
        editor.ctrl("w")
        #expect(editor.line == "nowkill ")
        editor.ctrl("y")
        #expect(editor.line == "nowkill 42 ")
        editor.type("\u{1B}b")
        editor.ctrl("u")
        #expect(editor.line == "42 " && editor.cursor == 0)
        editor.ctrl("e")
        editor.type("\u{1B}\u{7F}")
        #expect(editor.line == "")
        editor.type("a b")
        editor.ctrl("a")
        editor.type("\u{1B}d")
        #expect(editor.line == " b")
    }

    @Test func yankWithNothingKilledRings() {
        var editor = EditorHarness()
        editor.ctrl("y")
        #expect(editor.output == "\u{7}")
    }

    @Test func ctrlLClearsAndRedraws() {
        var editor = EditorHarness()
        editor.type("ps")
        _ = editor.takeOutput()
        editor.ctrl("l")
        #expect(editor.output == "\(esc)[H\(esc)[2J\r> ps\(esc)[0K\r\(esc)[4C")
    }

    @Test func ctrlCAbandonsTheLine() {
        var editor = EditorHarness()
        editor.type("spawn x")
        _ = editor.takeOutput()
        editor.ctrl("c")
        #expect(editor.result == .interrupted)
        #expect(editor.output == "\r> spawn x^C\(esc)[0K\r\n")
    }

    @Test func unknownKeysAreIgnored() {
        var editor = EditorHarness()
        editor.type("a\u{1B}[5~\u{1B}[24~")
        editor.ctrl("z")
        #expect(editor.line == "a")
    }
}
