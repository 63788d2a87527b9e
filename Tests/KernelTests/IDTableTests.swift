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

    @Test func emptiedPagesAreFreedAndObjectsReleased() {
        let table = IDTable<Item>()
        weak var released: Item?
        do {
            let item = Item(10)
            released = item
            table[10] = item
        }
        #expect(released != nil)
        table[10] = nil
        #expect(released == nil)
        #expect(table.isEmpty)
        table[10] = Item(10)  // the page comes back on demand
        #expect(table[10]?.id == 10)
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
