import Kernel
import Testing

@testable import Monitor

/// Samples of compact rows: names stored once per run of neighbours, PIDs found in O(1).
@Suite struct SampleTests {
    /// b (1), a (2), b (3), a (4) under init: names repeat, but not next to each other.
    private var interleaved: ProcessSample {
        Fixture.sample([
            Fixture.process(1, parent: 0, "b"), Fixture.process(2, parent: 1, "a"),
            Fixture.process(3, parent: 1, "b"), Fixture.process(4, parent: 1, "a"),
            Fixture.process(5, parent: 1, "a"),
        ])
    }

    @Test func repeatedNamesSortAndFilterAsOne() {
        let sample = interleaved
        #expect(sample.names == ["b", "a", "b", "a"])  // 4 and 5 share an entry
        var table = ProcessTable(sample: sample, treeMode: false, sortKey: .name)
        #expect(table.visiblePIDs == [2, 4, 5, 1, 3])
        table.invertSort()
        #expect(table.visiblePIDs == [1, 3, 2, 4, 5])
        table.setFilter("A")
        #expect(table.visiblePIDs == [2, 4, 5])
        #expect((0..<3).map(table.name(atRow:)) == ["a", "a", "a"])
    }

    @Test func ranksAreAlphabeticalWithTies() {
        #expect(ProcessOrder.ranks(of: ["b", "a", "b", "c", "a"]) == [1, 0, 1, 2, 0])
        #expect(ProcessOrder.ranks(of: []).isEmpty)
    }

    @Test func pidIndexOverDenseAndSparsePIDs() {
        let dense = PIDIndex(Fixture.tree)
        #expect((1...6).map { dense.index(of: $0) } == [0, 1, 2, 3, 4, 5])
        #expect(dense.index(of: 0) == nil && dense.index(of: 7) == nil && dense.index(of: -3) == nil)
        let sparse = PIDIndex(
            Fixture.sample([
                Fixture.process(1, parent: 0, "init"), Fixture.process(500, parent: 1, "a"),
                Fixture.process(1_000_000, parent: 500, "b"),
            ]))
        #expect([1, 500, 1_000_000, 2, 999].map { sparse.index(of: $0) } == [0, 1, 2, nil, nil])
    }

    @Test func rowsWithoutSnapshotsShowTheNameAloneOrTheDetailGiven() throws {
        let full = Fixture.tree
        let rowsOnly = ProcessSample(
            rows: ProcessRows(try #require(full.snapshots)), cpuPercent: full.cpuPercent, stats: full.stats,
            slotLoad: full.slotLoad, messagesPerSecond: full.messagesPerSecond)
        #expect(rowsOnly.snapshots == nil)
        let table = ProcessTable(sample: rowsOnly)
        let layout = ProcessTableLayout(width: 80, glyphs: .unicode)
        #expect(layout.line(table, row: 0).text.hasPrefix("      1 init      "))
        var detail = try #require(full.snapshots?[0])
        detail.version = "9.9.9"
        detail.warnings = 2
        let line = layout.line(table, row: 0, detail: detail).text
        #expect(line.hasPrefix("      1 init@9.9.9 ") && line.contains(" 2  "))
    }
}
