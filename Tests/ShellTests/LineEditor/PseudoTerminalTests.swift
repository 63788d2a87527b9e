import Foundation
import Testing

@testable import Shell

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The whole editor on a real pseudo-terminal: raw mode, reading, writing, threads.
@Suite(.serialized) struct PseudoTerminalTests {
    @Test func readsAnEditedLineAndRestoresTheTerminal() throws {
        let pty = try #require(PseudoTerminal(columns: 40))
        let cooked = pty.localFlags
        #expect(cooked & tcflag_t(ICANON | ECHO) != 0)
        let editor = LineEditor(historyPath: nil, input: pty.terminal, output: pty.terminal)
        let reader = Background { editor.read(prompt: "dk> ") }
        #expect(pty.wait(for: "dk> "))
        #expect(pty.localFlags & tcflag_t(ICANON | ECHO) == 0)  // raw now
        pty.type("ps\u{1B}[D\u{1B}[D")
        pty.type("\u{01}x\u{05} --json\r")
        #expect(reader.result() == .line("xps --json"))
        #expect(pty.wait(for: "\rdk> xps --json\u{1B}[0K\r\n"))
        #expect(pty.localFlags == cooked)
        #expect(editor.history == ["xps --json"])
    }

    @Test func printAboveRedrawsTheHalfTypedLine() throws {
        let pty = try #require(PseudoTerminal(columns: 40))
        let editor = LineEditor(historyPath: nil, input: pty.terminal, output: pty.terminal)
        let reader = Background { editor.read(prompt: "dk> ") }
        #expect(pty.wait(for: "dk> "))  // raw mode is on: type (before, the tty would echo)
        pty.type("spawn w")
        #expect(pty.wait(for: "spawn w"))
        pty.type("\u{1B}[D")
        #expect(pty.wait(for: "spawn w\u{1B}[0K\r\u{1B}[10C"))
        pty.clear()
        editor.printAbove("[4] hello\n[4] bye")
        let expected = "\r\u{1B}[0K[4] hello\r\n[4] bye\r\n\rdk> spawn w\u{1B}[0K\r\u{1B}[10C"
        #expect(pty.wait(for: expected))
        pty.type("\r")
        #expect(reader.result() == .line("spawn w"))
        pty.clear()
        editor.printAbove("after")  // no line being read: plain text, cooked mode
        #expect(pty.wait(for: "after\r\n"))  // the terminal's ONLCR turns "\n" into "\r\n"
    }

    @Test func manyThreadsPrintWhileTheUserTypes() throws {
        let pty = try #require(PseudoTerminal(columns: 80))
        let editor = LineEditor(historyPath: nil, input: pty.terminal, output: pty.terminal)
        let reader = Background { editor.read(prompt: "> ") }
        #expect(pty.wait(for: "> "))
        let printers = (0..<4).map { thread in
            Background {
                for index in 0..<50 { editor.printAbove("thread \(thread) line \(index)") }
                return true
            }
        }
        let typed = "the quick brown fox"
        for character in typed {
            pty.type(String(character))
            pty.wait(seconds: 0.01) { _ in false }  // drain the screen, let the printers run
        }
        for printer in printers { #expect(printer.result() == true) }
        pty.type("\r")
        #expect(reader.result() == .line(typed))
        #expect(pty.wait(for: "\r> \(typed)\u{1B}[0K\r\n"))
        let screen = pty.screenText
        for thread in 0..<4 {
            for index in 0..<50 {
                #expect(screen.contains("\r\u{1B}[0Kthread \(thread) line \(index)\r\n\r> "))
            }
        }
    }

    @Test func ctrlCAndCtrlD() throws {
        let pty = try #require(PseudoTerminal())
        let cooked = pty.localFlags
        let editor = LineEditor(historyPath: nil, input: pty.terminal, output: pty.terminal)
        var reader = Background { editor.read(prompt: "> ") }
        #expect(pty.wait(for: "> "))
        pty.type("oops\u{03}")
        #expect(reader.result() == .interrupted)
        #expect(pty.wait(for: "> oops^C\u{1B}[0K\r\n"))
        #expect(pty.localFlags == cooked)
        pty.clear()
        reader = Background { editor.read(prompt: "> ") }
        #expect(pty.wait(for: "> "))
        pty.type("\u{04}")
        #expect(reader.result() == .endOfInput)
        #expect(pty.localFlags == cooked)
    }

    @Test func pastedLinesAreReadOneByOne() throws {
        let pty = try #require(PseudoTerminal())
        let editor = LineEditor(historyPath: nil, input: pty.terminal, output: pty.terminal)
        let first = Background { editor.read(prompt: "> ") }
        #expect(pty.wait(for: "> "))
        pty.type("ps\rtop\r")
        #expect(first.result() == .line("ps"))
        let second = Background { editor.read(prompt: "> ") }
        #expect(second.result() == .line("top"))
    }

    @Test func enteredLinesAreRecalledAndSaved() throws {
        let pty = try #require(PseudoTerminal())
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("dkctl-history-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let editor = LineEditor(historyPath: path, input: pty.terminal, output: pty.terminal)
        for line in ["spawn ring", " secret"] {
            pty.clear()
            let reader = Background { editor.read(prompt: "> ") }
            #expect(pty.wait(for: "> "))
            pty.type(line + "\r")
            #expect(reader.result() == .line(line))
        }
        pty.clear()
        let reader = Background { editor.read(prompt: "> ") }
        #expect(pty.wait(for: "> "))
        pty.type("\u{1B}[A!\r")  // Up: the last remembered line (not " secret")
        #expect(reader.result() == .line("spawn ring!"))
        let reopened = LineEditor(historyPath: path, input: -1, output: -1)
        #expect(reopened.history == ["spawn ring", "spawn ring!"])
    }

    @Test func notATerminalReadsPlainLines() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        TerminalIO.write("ls -l\nlast", to: fds[1])
        close(fds[1])
        let editor = LineEditor(historyPath: nil, input: fds[0], output: -1)
        #expect(editor.read(prompt: "> ") == .line("ls -l"))
        #expect(editor.readLine(prompt: "> ") == "last")
        #expect(editor.readLine(prompt: "> ") == nil)
    }
}
