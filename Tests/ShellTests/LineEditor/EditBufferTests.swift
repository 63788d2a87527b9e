import Testing

@testable import Shell

@Suite struct EditBufferTests {
    @Test func insertAndMove() {
        var buffer = EditBuffer()
        buffer.insert("hllo")
        let changed1 = buffer.moveHome()
        #expect(changed1)
        let changed2 = buffer.moveRight()
        #expect(changed2)
        buffer.insert("e")
        #expect(buffer.text == "hello" && buffer.cursor == 2)
        let changed3 = buffer.moveEnd()
        #expect(changed3)
        let changed4 = buffer.moveRight()
        #expect(!changed4)
        let changed5 = buffer.moveEnd()
        #expect(!changed5)
        buffer.moveHome()
        let changed6 = buffer.moveLeft()
        #expect(!changed6)
    }

    @Test func combiningMarksJoinTheCharacterBefore() {
        var buffer = EditBuffer()
        buffer.insert("e")
        buffer.insert("\u{301}")
        #expect(buffer.count == 1 && buffer.cursor == 1)
        #expect(buffer.text == "e\u{301}")
        buffer.insert("🇫")
        buffer.insert("🇷")  // regional indicators pair into one flag
        #expect(buffer.count == 2)
    }

    @Test func deleting() {
        var buffer = EditBuffer("abc", cursor: 1)
        let changed7 = buffer.deleteBackward()
        #expect(changed7)
        #expect(buffer.text == "bc" && buffer.cursor == 0)
        let changed8 = buffer.deleteBackward()
        #expect(!changed8)
        let changed9 = buffer.deleteForward()
        #expect(changed9)
        #expect(buffer.text == "c")
        buffer.moveEnd()
        let changed10 = buffer.deleteForward()
        #expect(!changed10)
    }

    @Test func killing() {
        var buffer = EditBuffer("spawn worker --fast", cursor: 6)
        let killed11 = buffer.killToEnd()
        #expect(killed11 == "worker --fast")
        #expect(buffer.text == "spawn ")
        buffer = EditBuffer("spawn worker", cursor: 6)
        let killed12 = buffer.killToStart()
        #expect(killed12 == "spawn ")
        #expect(buffer.text == "worker" && buffer.cursor == 0)
        buffer = EditBuffer("cat /tmp/a.txt  ")
        let killed13 = buffer.killBlankWordBackward()
        #expect(killed13 == "/tmp/a.txt  ")
        #expect(buffer.text == "cat ")
        buffer = EditBuffer("cat /tmp/a.txt")
        let killed14 = buffer.killWordBackward()
        #expect(killed14 == "txt")
        let killed15 = buffer.killWordBackward()
        #expect(killed15 == "a.")
        buffer = EditBuffer("one two", cursor: 3)
        let killed16 = buffer.killWordForward()
        #expect(killed16 == " two")
    }

    @Test func words() {
        var buffer = EditBuffer("ps --json  pid_1")
        let changed17 = buffer.moveWordLeft()
        #expect(changed17 && buffer.cursor == 11)
        let changed18 = buffer.moveWordLeft()
        #expect(changed18 && buffer.cursor == 5)
        let changed19 = buffer.moveWordLeft()
        #expect(changed19 && buffer.cursor == 0)
        let changed20 = buffer.moveWordLeft()
        #expect(!changed20)
        let changed21 = buffer.moveWordRight()
        #expect(changed21 && buffer.cursor == 2)
        let changed22 = buffer.moveWordRight()
        #expect(changed22 && buffer.cursor == 9)
        let changed23 = buffer.moveWordRight()
        #expect(changed23 && buffer.cursor == 16)
    }

    @Test func replaceClamps() {
        var buffer = EditBuffer("abc")
        buffer.replace(-3..<99, with: "xy")
        #expect(buffer.text == "xy" && buffer.cursor == 2)
        #expect(EditBuffer("abc", cursor: 9).cursor == 3)
    }
}
