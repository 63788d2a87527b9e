import Foundation
import Testing

@testable import Shell

@Suite struct HistoryTests {
    @Test func addRules() {
        var history = LineHistory(limit: 3)
        let value1 = history.add("ps")
        #expect(value1)
        let value2 = history.add("ps")  // consecutive duplicate
        #expect(!value2)
        let value3 = history.add(" secret")  // leading space
        #expect(!value3)
        let value4 = history.add("")
        #expect(!value4)
        let value5 = history.add("   ")
        #expect(!value5)
        let value6 = history.add("top")
        #expect(value6)
        let value7 = history.add("ps")  // not consecutive: kept
        #expect(value7)
        let value8 = history.add("kill 3")
        #expect(value8)
        #expect(history.entries == ["top", "ps", "kill 3"])  // bounded: oldest dropped
    }

    @Test func navigationUpDown() {
        var editor = EditorHarness(history: ["one", "two", "three"])
        editor.type("draft")
        editor.type("\u{1B}[A")
        #expect(editor.line == "three" && editor.cursor == 5)
        editor.ctrl("p")
        #expect(editor.line == "two")
        editor.type("\u{1B}[A\u{1B}[A")
        #expect(editor.line == "one")
        let value9 = editor.takeOutput()  // no older entry
        #expect(value9.hasSuffix("\u{7}"))
        editor.type("\u{1B}[B")
        editor.ctrl("n")
        #expect(editor.line == "three")
        editor.type("\u{1B}[B")
        #expect(editor.line == "draft")  // the line being typed is kept
    }

    @Test func editsToRecalledLinesLastUntilEnter() {
        var editor = EditorHarness(history: ["one", "two"])
        editor.type("\u{1B}[A!")
        editor.type("\u{1B}[A\u{1B}[B")
        #expect(editor.line == "two!")
        editor.type("\r")
        #expect(editor.result == .line("two!"))
        #expect(editor.session.core.display.buffer.text == "two!")
    }

    @Test func defaultPath() {
        #expect(
            HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]) == "/s/dkctl/history"
        )
        #expect(
            HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "", "HOME": "/h"])
                == "/h/.local/state/dkctl/history")
        #expect(
            HistoryFile.defaultPath(environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"])
                == "/h/.local/state/dkctl/history")
        #expect(HistoryFile.defaultPath(environment: [:]) == nil)
    }

    @Test func persistence() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("dkctl-history-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("state/dkctl/history").path
        let editor = LineEditor(historyPath: path, historyLimit: 3, input: -1, output: -1)
        #expect(editor.history.isEmpty && editor.historyError == nil)
        for line in ["ps", "ps", " hidden", "top", "kill 3", "wait 3"] { editor.addHistory(line) }
        #expect(editor.history == ["top", "kill 3", "wait 3"])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == "top\nkill 3\nwait 3\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        let again = LineEditor(historyPath: path, historyLimit: 2, input: -1, output: -1)
        #expect(again.history == ["kill 3", "wait 3"])
    }

    @Test func fileErrorsAreReportedNotFatal() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("dkctl-history-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        // A directory where the file should be: unreadable and unwritable as a file.
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let editor = LineEditor(historyPath: directory.path, input: -1, output: -1)
        #expect(editor.historyError != nil)
        editor.addHistory("ps")
        #expect(editor.history == ["ps"])
        let blocked = directory.appendingPathComponent("file").path
        #expect(FileManager.default.createFile(atPath: blocked, contents: Data()))
        let second = LineEditor(historyPath: blocked + "/sub/history", input: -1, output: -1)
        #expect(second.historyError == nil)
        second.addHistory("top")
        #expect(second.history == ["top"])
        #expect(second.historyError?.contains("cannot save history") == true)
    }
}
