@testable import Kernel
import Testing

@Suite struct RingTests {
    /// Against an array that keeps the last `capacity` elements, through growth and wrapping.
    @Test(arguments: [1, 3, 16, 17, 100])
    func keepsTheLastElementsOldestFirst(capacity: Int) {
        let ring = Ring<String>(capacity: capacity)
        var model: [String] = []
        for index in 0..<(capacity * 3 + 5) {
            let element = "e\(index)"
            let slot = ring.append(element)
            #expect(ring[slot] == element)
            model.append(element)
            if model.count > capacity { model.removeFirst() }
            #expect(ring.count == model.count)
            #expect(ring.elements == model)
        }
    }

    final class Census { var alive = 0 }
    final class Tracked {
        let census: Census
        init(_ census: Census) {
            self.census = census
            census.alive += 1
        }
        deinit { census.alive -= 1 }
    }

    /// Elements it drops or holds at the end are released: nothing leaks, nothing is freed twice.
    @Test func releasesWhatItDropsAndHolds() {
        let census = Census()
        do {
            let ring = Ring<Tracked>(capacity: 20)
            for _ in 0..<50 { ring.append(Tracked(census)) }
            #expect(census.alive == 20)
        }
        #expect(census.alive == 0)
    }

    /// Plain elements (holding no reference) are overwritten without a destroy, the others
    /// with one, whatever the mix, through growth and wrapping: the ones it holds are exactly
    /// the last `capacity` references appended.
    @Test(arguments: [1, 5, 16, 40])
    func overwritesPlainSlotsWithoutLosingTheOthers(capacity: Int) {
        let census = Census()
        do {
            let ring = Ring<Tracked?>(capacity: capacity)
            var held: [Bool] = []  // whether each kept element is a reference
            for index in 0..<(capacity * 4 + 3) {
                let isReference = index % 3 != 1
                ring.append(isReference ? Tracked(census) : nil, plain: !isReference)
                held.append(isReference)
                if held.count > capacity { held.removeFirst() }
                #expect(census.alive == held.filter { $0 }.count)
            }
        }
        #expect(census.alive == 0)
    }
}
