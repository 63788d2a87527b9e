import Language
import Testing

@Suite struct ValueTests {
    @Test func valueIsSixteenBytes() {
        #expect(MemoryLayout<Value>.stride == 16)
    }
}
