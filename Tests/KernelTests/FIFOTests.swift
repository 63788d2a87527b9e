import Testing

@testable import Kernel

@Suite struct FIFOTests {
    final class Census { var alive = 0 }
    final class Tracked {
        let census: Census
        let number: Int
        init(_ census: Census, _ number: Int) {
            self.census = census
            self.number = number
            census.alive += 1
        }
        deinit { census.alive -= 1 }
    }

    /// Against an array, through growth with the front anywhere in the storage: the same
    /// elements in the same order, each released once, when dropped or with the queue.
    @Test(arguments: [1, 3, 7, 20])
    func keepsOrderAndReleasesWhatItDrops(dropEvery: Int) {
        let census = Census()
        do {
            let fifo = FIFO<Tracked>()
            var model: [Int] = []
            for number in 0..<200 {
                fifo.append(Tracked(census, number))
                model.append(number)
                if number % dropEvery == 0 {
                    fifo.removeFirst()
                    model.removeFirst()
                }
                #expect(fifo.count == model.count && census.alive == model.count)
                #expect((0..<fifo.count).map { fifo[$0].number } == model)
            }
            fifo.append(Tracked(census, 200))
            fifo[fifo.count - 1] = Tracked(census, -1)  // replaced in place: the old one released
            #expect(fifo[fifo.count - 1].number == -1 && census.alive == model.count + 1)
        }
        #expect(census.alive == 0)
    }
}
