import Testing

@testable import Kernel

@Suite struct IDTableTests {
    final class Item {
        let id: Int
        init(_ id: Int) { self.id = id }
    }

    @Test func storesFindsAndRemovesByID() {
        let table = IDTable<Item>()
        #expect(table[1] == nil)
        #expect(table[-5] == nil)
        table[3] = Item(3)
        table[5000] = Item(5000)
        #expect(table.count == 2)
        #expect(table[3]?.id == 3)
        #expect(table[5000]?.id == 5000)
        #expect(table[4] == nil)
        #expect(table[1_000_000] == nil)
        #expect(table.removeValue(forKey: 3)?.id == 3)
        #expect(table.removeValue(forKey: 3) == nil)
        #expect(table[3] == nil)
        #expect(table.count == 1)
    }

    @Test func replacingKeepsTheCountAndIteratesInIDOrder() {
        let table = IDTable<Item>()
        for id in [2048, 7, 1023, 1024, 99_999] { table[id] = Item(id) }
        table[7] = Item(7)
        #expect(table.count == 5)
        #expect(table.values.map(\.id) == [7, 1023, 1024, 2048, 99_999])
        table[-1] = Item(-1)  // ids are never negative: ignored
        #expect(table.count == 5)
    }

    @Test func emptiedOldPagesAreFreedAndObjectsReleased() {
        let table = IDTable<Item>()
        weak var released: Item?
        do {
            let item = Item(10)
            released = item
            table[10] = item
        }
        table[5000] = Item(5000)
        #expect(table.pagesInUse == 2)
        #expect(released != nil)
        table[10] = nil
        #expect(released == nil)
        #expect(table.pagesInUse == 1)  // ids 0..<1024 are all gone and will not come back
        table[5000] = nil
        #expect(table.pagesInUse == 1)  // the newest page stays: the next ids land there
        #expect(table.isEmpty)
        table[5001] = Item(5001)
        #expect(table[5001]?.id == 5001)
        #expect(table.pagesInUse == 1)
    }

    @Test func matchesADictionaryUnderRandomChurn() {
        let table = IDTable<Item>()
        var reference: [Int: Int] = [:]
        var generator = SplitMix64(seed: 7)
        for _ in 0..<20_000 {
            let id = Int(generator.next() % 5_000)
            if generator.next() % 3 == 0 {
                table[id] = nil
                reference[id] = nil
            } else {
                table[id] = Item(id)
                reference[id] = id
            }
        }
        #expect(table.count == reference.count)
        #expect(table.values.map(\.id) == reference.keys.sorted())
    }
}
