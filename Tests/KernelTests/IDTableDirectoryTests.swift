import Testing

@testable import Kernel

/// The page directory of ``IDTable``: it grows to any id, and the table releases what it
/// still holds when it goes.
@Suite struct IDTableDirectoryTests {
    final class Item {
        let id: Int
        init(_ id: Int) { self.id = id }
    }

    @Test func growsPastManyPagesAndBringsAFreedPageBack() {
        let table = IDTable<Item>()
        let ids = [5, 1_000_000, 70_000, 3_000, 1024, 1023]
        for id in ids { table[id] = Item(id) }
        #expect(table.values.map(\.id) == ids.sorted())
        #expect(table.pagesInUse == 5)  // 5 and 1023 share page 0
        table[70_000] = nil
        #expect(table.pagesInUse == 4)
        table[70_001] = Item(70_001)  // its page comes back
        #expect(table[70_001]?.id == 70_001)
        #expect(table[70_000] == nil)
        #expect(table.count == 6)
    }

    @Test func releasesWhatItHoldsWhenItGoes() {
        weak var held: Item?
        do {
            let table = IDTable<Item>()
            let item = Item(2048)
            held = item
            table[2048] = item
            table[9] = Item(9)
        }
        #expect(held == nil)
    }
}
