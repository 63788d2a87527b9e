@testable import Kernel
import Testing

@Suite struct RingTests {
    /// Against an array that keeps the last `capacity` elements, through growth and wrapping.
    @Test(arguments: [1, 3, 16, 17, 100])
    func keepsTheLastElementsOldestFirst(capacity: Int) {
        let ring = Ring<Int>(capacity: capacity)
        var model: [Int] = []
        for element in 0..<(capacity * 3 + 5) {
            ring.append(element)
            model.append(element)
            if model.count > capacity { model.removeFirst() }
            #expect(ring.count == model.count)
            #expect(ring.elements == model)
            #expect((0..<ring.count).map { ring[$0] } == model)
        }
    }

    /// Plain structs of several words (as the event log's records) are kept whole.
    @Test func keepsStructsWhole() {
        struct Wide: Equatable {
            var a: UInt64
            var b: Int
            var c: UInt8
        }
        let ring = Ring<Wide>(capacity: 4)
        for index in 0..<10 { ring.append(Wide(a: UInt64(index) << 40, b: -index, c: UInt8(index))) }
        #expect(ring.elements == (6..<10).map { Wide(a: UInt64($0) << 40, b: -$0, c: UInt8($0)) })
    }
}
