import Kernel
import Testing

@testable import Monitor

@Suite struct ProcessTreeTests {
    @Test func childrenComeUnderTheirParentsInPIDOrder() {
        let table = ProcessTable(sample: Fixture.tree)
        #expect(table.visiblePIDs == [1, 2, 4, 5, 3, 6])
        #expect(table.rows.map(\.depth) == [0, 1, 2, 2, 1, 2])
        #expect(table.rows.map(\.isLastSibling) == [true, false, false, true, true, true])
        #expect(table.rows.map(\.hasChildren) == [true, true, false, false, true, false])
        #expect(table.rows.map(\.parentRow) == [-1, 0, 1, 1, 0, 4])
    }

    @Test func siblingsFollowTheSortKey() {
        let table = ProcessTable(sample: Fixture.tree, sortKey: .cpu)
        // server (20%) before shell (1%); worker 4 (30%) before worker 5 (10%).
        #expect(table.visiblePIDs == [1, 3, 6, 2, 4, 5])
    }

    @Test func processesWhoseParentIsMissingAreRoots() {
        let sample = Fixture.sample([
            Fixture.process(1, parent: 0, "init"), Fixture.process(7, parent: 99, "orphan"),
            Fixture.process(8, parent: 7, "child"), Fixture.process(9, parent: 9, "self"),
        ])
        let table = ProcessTable(sample: sample)
        #expect(table.visiblePIDs == [1, 7, 8, 9])
        #expect(table.rows.map(\.depth) == [0, 0, 1, 0])
    }

    @Test func aHundredThousandDeepChainBuildsWithoutRecursion() {
        let chain = (1...100_000).map { Fixture.process($0, parent: $0 - 1, "p\($0)") }
        let table = ProcessTable(sample: Fixture.sample(chain))
        #expect(table.rows.count == 100_000)
        #expect(table.rows.last?.depth == 99_999)
    }

    @Test func flatModeListsEveryProcessInSortOrder() {
        var table = ProcessTable(sample: Fixture.tree, treeMode: false, sortKey: .pid)
        #expect(table.visiblePIDs == [1, 2, 3, 4, 5, 6])
        #expect(table.rows.allSatisfy { $0.depth == 0 })
        table.setTreeMode(true)
        #expect(table.visiblePIDs == [1, 2, 4, 5, 3, 6])
    }
}

@Suite struct SortTests {
    private func order(_ key: SortKey) -> [PID] {
        ProcessTable(sample: Fixture.tree, treeMode: false, sortKey: key).visiblePIDs
    }

    @Test func eachKeyHasItsOrder() {
        #expect(order(.pid) == [1, 2, 3, 4, 5, 6])
        #expect(order(.cpu) == [4, 3, 5, 6, 2, 1])
        #expect(order(.memory) == [3, 4, 5, 6, 2, 1])
        #expect(order(.threads) == [4, 6, 2, 3, 5, 1])  // ties by PID
        #expect(order(.time) == [4, 2, 6, 3, 5, 1])
        #expect(order(.name) == [6, 1, 3, 2, 4, 5])
        #expect(order(.state) == [3, 5, 1, 2, 4, 6])
    }

    @Test func choosingTheSameKeyAgainInverts() {
        var table = ProcessTable(sample: Fixture.tree, treeMode: false, sortKey: .cpu)
        #expect(table.descending)
        table.setSort(.cpu)
        #expect(!table.descending)
        #expect(table.visiblePIDs == [1, 2, 6, 5, 3, 4])
        table.setSort(.name)
        #expect(!table.descending)
        table.invertSort()
        #expect(table.visiblePIDs == [4, 5, 2, 3, 1, 6])  // ties stay in PID order
    }

    @Test func keysParseFromTheirNames() {
        #expect(SortKey(parsing: "cpu") == .cpu)
        #expect(SortKey(parsing: "MEM") == .memory)
        #expect(SortKey(parsing: "bogus") == nil)
    }
}

@Suite struct SearchAndFilterTests {
    @Test func searchJumpsToTheNextMatchAndWraps() {
        var table = ProcessTable(sample: Fixture.tree)
        let result1 = table.search("work")
        #expect(result1)
        #expect(table.selectedPID == 4)
        let result2 = table.search("WORK")
        #expect(result2)  // next, ignoring case
        #expect(table.selectedPID == 5)
        let result3 = table.search("work")
        #expect(result3)  // wraps
        #expect(table.selectedPID == 4)
        let result4 = table.search("work", fromCurrent: true)
        #expect(result4)
        #expect(table.selectedPID == 4)
    }

    @Test func searchFindsAPID() {
        var table = ProcessTable(sample: Fixture.tree)
        let result5 = table.search("6")
        #expect(result5)
        #expect(table.selectedPID == 6)
        let result6 = table.search("nothing-like-this")
        #expect(!result6)
        #expect(table.selectedPID == 6)
    }

    @Test func filterKeepsAncestorsInTreeMode() {
        var table = ProcessTable(sample: Fixture.tree)
        table.setFilter("cache")
        #expect(table.visiblePIDs == [1, 3, 6])
        #expect(table.rows.map(\.isLastSibling) == [true, true, true])
        table.setFilter("worker")
        #expect(table.visiblePIDs == [1, 2, 4, 5])
        table.setFilter("")
        #expect(table.visiblePIDs.count == 6)
    }

    @Test func aFilterThatMatchesNothingLeavesNoSelection() {
        for treeMode in [true, false] {
            var table = ProcessTable(sample: Fixture.tree, treeMode: treeMode)
            table.moveSelection(by: 2)
            table.setFilter("zzz")
            #expect(table.rows.isEmpty)
            #expect(table.selectedPID == nil && table.selectedProcess == nil && table.targets.isEmpty)
            table.moveSelection(by: 1)
            #expect(table.selectedPID == nil)
            table.setFilter("")
            #expect(table.visiblePIDs.count == 6 && table.selectedPID != nil)
        }
    }

    @Test func filterInFlatModeShowsOnlyMatches() {
        var table = ProcessTable(sample: Fixture.tree, treeMode: false)
        table.setFilter("er")
        #expect(table.visiblePIDs == [3, 4, 5])
        table.setFilter("3")
        #expect(table.visiblePIDs == [3])
    }
}

@Suite struct CollapseTests {
    @Test func aCollapsedNodeShowsItsSubtreeTotals() throws {
        var table = ProcessTable(sample: Fixture.tree)
        table.select(row: 1)  // shell
        let result7 = table.setExpanded(false)
        #expect(result7)
        #expect(table.visiblePIDs == [1, 2, 3, 6])
        #expect(table.rows[1].isCollapsed)
        let totals = try #require(table.totals[1])
        #expect(totals == SubtreeTotals(cpuPercent: 41, memory: 3172, threads: 5))
        let result8 = table.setExpanded(false)
        #expect(!result8)  // already collapsed
        let result9 = table.setExpanded(true)
        #expect(result9)
        #expect(table.visiblePIDs == [1, 2, 4, 5, 3, 6])
        #expect(table.totals.isEmpty)
    }

    @Test func aLeafDoesNotCollapse() {
        var table = ProcessTable(sample: Fixture.tree)
        table.select(row: 2)
        let result10 = table.setExpanded(false)
        #expect(!result10)
    }

    @Test func collapsedStaysAcrossSamples() {
        var table = ProcessTable(sample: Fixture.tree)
        table.select(row: 4)  // server
        table.setExpanded(false)
        table.update(Fixture.tree)
        #expect(table.visiblePIDs == [1, 2, 4, 5, 3])
        #expect(table.totals[4]?.memory == 4608)
    }
}

@Suite struct TagAndSelectionTests {
    @Test func spaceTagsAndTargetsAreTheTagged() {
        var table = ProcessTable(sample: Fixture.tree)
        table.select(row: 2)
        #expect(table.targets == [4])
        table.toggleTag()
        table.select(row: 3)
        table.toggleTag()
        table.select(row: 0)
        #expect(table.targets == [4, 5])
        table.select(row: 2)
        table.toggleTag()
        #expect(table.targets == [5])
        table.untagAll()
        #expect(table.targets == [4])  // the selection again
    }

    @Test func tagSubtreeIncludesCollapsedDescendants() {
        var table = ProcessTable(sample: Fixture.tree)
        table.select(row: 1)
        table.setExpanded(false)
        table.tagSubtree()
        #expect(table.tagged == [2, 4, 5])
    }

    @Test func tagsOfProcessesThatAreGoneAreDropped() {
        var table = ProcessTable(sample: Fixture.tree)
        table.select(row: 5)
        table.toggleTag()
        table.update(Fixture.sample(Array((Fixture.tree.snapshots ?? []).prefix(5))))
        #expect(table.tagged.isEmpty)
    }

    @Test func selectionFollowsThePIDWhenTheListReorders() {
        var table = ProcessTable(sample: Fixture.tree, treeMode: false)
        table.select(row: 4)
        #expect(table.selectedPID == 5)
        table.setSort(.cpu)
        #expect(table.selectedPID == 5)
        #expect(table.selectedRow == 2)
        var changed = Fixture.tree
        changed.cpuPercent = [0, 0, 0, 0, 99, 0]  // worker 5 jumps to the top
        table.update(changed)
        #expect(table.selectedRow == 0)
        #expect(table.selectedPID == 5)
    }

    @Test func whenTheSelectedProcessIsGoneTheRowStays() {
        var table = ProcessTable(sample: Fixture.tree, treeMode: false)
        table.select(row: 5)
        table.update(Fixture.sample(Array((Fixture.tree.snapshots ?? []).prefix(5))))
        #expect(table.selectedRow == 4)
        #expect(table.selectedPID == 5)
    }

    @Test func scrollingKeepsTheSelectionOnScreen() {
        let many = (1...50).map { Fixture.process($0, parent: 0, "p\($0)") }
        var table = ProcessTable(sample: Fixture.sample(many), treeMode: false)
        table.setPageHeight(10)
        table.moveSelection(by: 25)
        #expect(table.selectedRow == 25)
        #expect(table.scrollTop == 16)
        table.moveSelection(by: -100)
        #expect(table.scrollTop == 0)
        table.scroll(by: 30)
        #expect(table.scrollTop == 30)
        #expect(table.selectedRow == 30)
        table.scroll(by: 100)
        #expect(table.scrollTop == 40)
    }

    @Test func followKeepsTheSelectedProcessOnItsScreenLine() {
        let many = (1...50).map { Fixture.process($0, parent: 0, "p\($0)") }
        var table = ProcessTable(sample: Fixture.sample(many), treeMode: false)
        table.setPageHeight(10)
        table.select(row: 20)
        let line = table.selectedRow - table.scrollTop
        table.toggleFollow()
        table.setSort(.pid)  // now descending: PID 21 moves to row 29
        #expect(table.selectedRow == 29)
        #expect(table.selectedRow - table.scrollTop == line)
        table.moveSelection(by: 1)
        #expect(!table.following)
    }
}

@Suite struct SamplerTests {
    @Test func cpuPercentIsTheDeltaOverElapsedTime() {
        var sampler = Sampler()
        var stats = Fixture.template.1
        stats.uptimeNanoseconds = 1_000_000_000
        stats.slotBusyNanoseconds = [500_000_000]
        stats.messagesSent = 10
        var a = Fixture.process(2, parent: 1, "a", cpuNanoseconds: 100_000_000)
        a.started = 0
        let first = sampler.sample(processes: [a], stats: stats)
        #expect(first.cpuPercent == [10])  // average since start
        #expect(first.slotLoad == [0.5])

        a.cpuNanoseconds = 600_000_000
        let b = Fixture.process(3, parent: 1, "b", cpuNanoseconds: 250_000_000)
        stats.uptimeNanoseconds = 2_000_000_000
        stats.slotBusyNanoseconds = [1_250_000_000]
        stats.messagesSent = 510
        let second = sampler.sample(processes: [a, b], stats: stats)
        #expect(second.cpuPercent == [50, 25])
        #expect(second.slotLoad == [0.75])
        #expect(second.messagesPerSecond == 500)
    }

    @Test func threadCPUComesFromTheSameThreadsLastReading() throws {
        let kernel = Kernel(configuration: KernelConfiguration(deterministic: true))
        let pid = try kernel.spawn(Executable(name: "idle") { _ in Runnables.idle() })
        kernel.runUntilIdle()
        var threads = try kernel.threadList(of: pid)
        threads[0].cpuNanoseconds = 250
        threads[0].wallNanoseconds = 1000
        var sampler = ThreadSampler()
        #expect(sampler.sample(threads, now: 1000) == [25])  // the first: its average since it started
        threads[0].cpuNanoseconds += 500
        #expect(sampler.sample(threads, now: 2000) == [50])
    }
}
