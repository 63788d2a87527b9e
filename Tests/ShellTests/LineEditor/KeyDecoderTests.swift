import Testing

@testable import Shell

@Suite struct KeyDecoderTests {
    private func decode(_ bytes: [UInt8]) -> [EditorKey] {
        var decoder = KeyDecoder()
        return decoder.decode(bytes) + decoder.flush()
    }

    private func decode(_ text: String) -> [EditorKey] { decode(Array(text.utf8)) }

    @Test func printableAndControlBytes() {
        #expect(decode([97, 3, 27, 91, 65]) == [.character("a"), .ctrl("c"), .up])
        #expect(decode("\r\n\t\u{7F}\u{8}") == [.enter, .enter, .tab, .backspace, .backspace])
        #expect(decode([1, 5, 18, 23, 26]) == [.ctrl("a"), .ctrl("e"), .ctrl("r"), .ctrl("w"), .ctrl("z")])
    }

    @Test func csiArrowsHomeEnd() {
        #expect(decode("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D") == [.up, .down, .right, .left])
        #expect(decode("\u{1B}[H\u{1B}[F") == [.home, .end])
        #expect(decode("\u{1B}[1~\u{1B}[4~\u{1B}[7~\u{1B}[8~") == [.home, .end, .home, .end])
        #expect(decode("\u{1B}[3~") == [.delete])
        #expect(decode("\u{1B}[1;5C\u{1B}[1;5D\u{1B}[1;3C") == [.wordRight, .wordLeft, .wordRight])
        #expect(decode("\u{1B}[5~\u{1B}[200~x") == [.unknown, .unknown, .character("x")])
    }

    @Test func ss3Sequences() {
        #expect(decode("\u{1B}OH\u{1B}OF\u{1B}OA\u{1B}OD") == [.home, .end, .up, .left])
        #expect(decode("\u{1B}OP") == [.unknown])
    }

    @Test func altKeys() {
        #expect(decode("\u{1B}b\u{1B}f\u{1B}d") == [.alt("b"), .alt("f"), .alt("d")])
        #expect(decode([27, 127]) == [.altBackspace])
    }

    @Test func loneEscapeNeedsFlush() {
        var decoder = KeyDecoder()
        #expect(decoder.decode([27]).isEmpty)
        #expect(decoder.hasPending)
        #expect(decoder.flush() == [.escape])
        #expect(!decoder.hasPending)
        #expect(decoder.decode([27, 27]) == [.escape])
        #expect(decoder.flush() == [.escape])
        // An unfinished CSI at the timeout: Esc, then the rest as typed.
        #expect(decoder.decode(Array("\u{1B}[".utf8)).isEmpty)
        #expect(decoder.flush() == [.escape, .character("[")])
    }

    @Test func sequencesSplitAcrossReads() {
        var decoder = KeyDecoder()
        #expect(decoder.decode([27]).isEmpty)
        #expect(decoder.decode([91]).isEmpty)
        #expect(decoder.decode([51]).isEmpty)
        #expect(decoder.decode([126, 120]) == [.delete, .character("x")])
        let euro = Array("€".utf8)
        #expect(decoder.decode(euro.prefix(2)).isEmpty)
        #expect(decoder.decode(euro.suffix(1)) == [.character("€")])
    }

    @Test func utf8Characters() {
        #expect(decode("é日🙂") == [.character("é"), .character("日"), .character("🙂")])
        // Decomposed é: two scalars, two keys (the buffer joins them).
        #expect(decode("e\u{301}") == [.character("e"), .character("\u{301}")])
    }

    @Test func invalidBytesAreUnknown() {
        #expect(decode([0xFF, 0x61]) == [.unknown, .character("a")])
        #expect(decode([0xC3, 0x28]) == [.unknown, .character("(")])  // bad continuation
        #expect(decode([0xE2, 0x82]) == [.unknown, .unknown])  // truncated at flush
        #expect(decode([0xC2, 0x85]) == [.unknown])  // C1 control
    }

    @Test func runawaySequenceIsDropped() {
        let long = [UInt8]([27, 91]) + [UInt8](repeating: UInt8(ascii: "1"), count: 40) + [97]
        let keys = decode(long)
        #expect(keys.first == .unknown)
        #expect(keys.last == .character("a"))
    }
}
