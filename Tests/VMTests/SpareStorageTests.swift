import Language
import Testing

@testable import VM

/// Register blocks of the usual size are kept for the next thread when a thread ends.
@Suite struct SpareStorageTests {
    /// A thread started on a block an ended thread gave back (its registers destroyed, its
    /// memory left as it was) starts with every register nil, like one on a new block.
    @Test func aThreadOnAReusedBlockStartsClean() throws {
        let program = try compile(
            """
            fn main(args) {
              let kept = [args, "a list"]
              let text = "held \\(kept)"
              receive { "never" => {} }
              return text
            }
            """)
        for _ in 0..<8 {
            let thread = try #require(VMThread(main: program, args: ["x"], host: TestHost()))
            #expect(thread.run(budget: 1000) == .blocked)
            thread.releaseStorage()
        }
        let probe = try compile("fn main() { return 0 }")
        for _ in 0..<8 {
            let thread = try #require(VMThread(main: probe, args: [], host: TestHost()))
            #expect(thread.heapBytes == SpareStorage.stackCapacity * MemoryLayout<Value>.stride)
            #expect(thread.run(budget: 1000) == .finished(0))
        }
    }

    /// The pool keeps at most `limit` blocks and frees the rest.
    @Test func thePoolIsBounded() {
        let bytes =
            VMThread.registerOffset(frameCapacity: SpareStorage.frameCapacity)
            + SpareStorage.stackCapacity * MemoryLayout<Value>.stride
        for _ in 0..<(SpareStorage.limit + 8) {
            SpareStorage.give(.allocate(byteCount: bytes, alignment: MemoryLayout<Value>.alignment))
        }
        #expect(SpareStorage.count <= SpareStorage.limit)
    }
}
