import Testing

@testable import Kernel

@Suite struct ThreadFIFOTests {
    /// First in, first out, through growth and wrap-around (pops between pushes move the head,
    /// so growing must unwrap the ring).
    @Test func keepsOrderThroughGrowthAndWrap() {
        let all = makeThreads(0..<300)
        let fifo = ThreadFIFO(capacity: 4)
        var expected: [Int] = []
        var next = 0
        for round in 0..<60 {
            for _ in 0..<(round % 7 + 1) where next < all.count {
                fifo.append(all[next])
                expected.append(all[next].tid)
                next += 1
            }
            for _ in 0..<(round % 3) {
                #expect(fifo.popFirst()?.tid == expected.removeFirst())
            }
            #expect(fifo.count == expected.count)
        }
        while let thread = fifo.popFirst() { #expect(thread.tid == expected.removeFirst()) }
        #expect(expected.isEmpty && fifo.count == 0 && fifo.popFirst() == nil)
    }

    /// The queue holds its threads, and lets them go when popped or when it is freed.
    @Test func holdsItsThreadsUntilPoppedOrFreed() {
        weak var popped: KThread?
        weak var left: KThread?
        var fifo: ThreadFIFO? = ThreadFIFO(capacity: 2)
        do {
            let pair = makeThreads(0..<2)
            popped = pair[0]
            left = pair[1]
            for thread in pair { fifo?.append(thread) }
        }
        #expect(popped != nil && left != nil)
        _ = fifo?.popFirst()
        #expect(popped == nil && left != nil)
        fifo = nil
        #expect(left == nil)
    }
}
