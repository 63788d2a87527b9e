import Kernel
import Testing

@testable import Monitor

/// The interactive monitor without a terminal: keys in, screens out.
@Suite struct ControllerTests {
    private func controller() throws -> (MonitorController, Kernel) {
        let kernel = try BatchTests.kernel()
        let controller = MonitorController(
            kernel: kernel, options: MonitorOptions(glyphs: .unicode), colours: true)
        _ = controller.screen(width: 80, height: 24)
        return (controller, kernel)
    }

    private func text(_ controller: MonitorController, width: Int = 80, height: Int = 24) -> [String] {
        controller.screen(width: width, height: height).map(\.text)
    }

    private func press(_ controller: MonitorController, _ keys: Key...) {
        for key in keys { controller.handle(key) }
    }

    @Test func theScreenFits80By24() throws {
        let (controller, _) = try controller()
        for (width, height) in [(80, 24), (40, 10), (120, 50), (10, 3), (80, 1)] {
            let lines = controller.screen(width: width, height: height)
            #expect(lines.count == height)
            #expect(lines.allSatisfy { TextWidth.of($0.text) <= width })
        }
        let lines = text(controller)
        #expect(lines[4].hasPrefix("    PID NAME@VERSION"))
        #expect(
            lines[6] == "      2 └─ pipeline@1.0.0       waiting     0    1   0.0    0B     0     0:00.00")
        #expect(lines[17].hasPrefix("    TID NAME  (threads of 1: 0)"))
        #expect(lines[23].hasPrefix("F1Help  F3Search F4Filter F5List  F6SortBy"))
    }

    @Test func killFromTheSignalMenu() throws {
        let (controller, kernel) = try controller()
        press(controller, .down, .down, .down)  // worker 4
        #expect(controller.table.selectedPID == 4)
        press(controller, .function(9))
        #expect(controller.mode == .signalMenu(selection: 0))
        #expect(text(controller)[5].hasPrefix(" 15 TERM       |      1 init"))
        #expect(text(controller)[6].hasPrefix("  9 KILL       |"))
        press(controller, .down, .enter)  // KILL
        #expect(controller.mode == .table)
        #expect(kernel.process(4)?.state ?? .exited == .exited)
        #expect(controller.status?.text == "Sent KILL to 4")
        #expect(text(controller)[23].hasPrefix("Sent KILL to 4"))
    }

    @Test func killingInitShowsTheErrorAndNothingBreaks() throws {
        let (controller, _) = try controller()
        press(controller, .character("k"), .enter)
        #expect(controller.status?.isError == true)
        #expect(text(controller)[23].hasPrefix("1: init (PID 1) cannot be signalled"))
        press(controller, .down)
        #expect(controller.status == nil)
    }

    @Test func tagsMakeTheTargets() throws {
        let (controller, kernel) = try controller()
        press(controller, .down, .character("c"))  // pipeline's subtree
        #expect(controller.table.tagged == [2, 3, 4])
        #expect(text(controller)[0].contains("[3 tagged]"))
        press(controller, .character("s"))
        #expect(kernel.process(3)?.state == .suspended)
        #expect(kernel.process(4)?.state == .suspended)
        #expect(controller.status?.text == "Sent STOP to 3 processes")
        press(controller, .character("r"))
        #expect(kernel.process(4)?.state != .suspended)
        press(controller, .character("U"), .character(" "))
        #expect(controller.table.tagged == [2])
        #expect(controller.table.selectedPID == 3)
    }

    @Test func reniceByOneEitherWay() throws {
        let (controller, kernel) = try controller()
        press(controller, .down, .down, .function(7))
        #expect(kernel.process(3)?.priority == -1)
        press(controller, .character("["), .character("["))
        #expect(kernel.process(3)?.priority == 1)
        #expect(controller.status?.text == "Nice 1 for 3")
    }

    @Test func searchPromptFindsAndF3GoesOn() throws {
        let (controller, _) = try controller()
        press(controller, .character("/"), .character("w"), .character("o"))
        #expect(controller.mode == .search)
        #expect(controller.table.selectedPID == 3)
        #expect(text(controller)[23].hasPrefix("Search: wo_"))
        press(controller, .function(3))
        #expect(controller.table.selectedPID == 4)
        press(controller, .character("x"))
        #expect(controller.searchFailed)
        press(controller, .enter)
        #expect(controller.mode == .table)
    }

    @Test func filterAsYouTypeAndEscClears() throws {
        let (controller, _) = try controller()
        press(controller, .function(4), .character("p"), .character("i"))
        #expect(controller.table.visiblePIDs == [1, 2])
        press(controller, .enter)
        #expect(text(controller)[0].contains("[filter: pi]"))
        press(controller, .character("\\"), .escape)
        #expect(controller.table.visiblePIDs == [1, 2, 3, 4])
    }

    @Test func sortMenuAndShortcuts() throws {
        let (controller, _) = try controller()
        press(controller, .function(6))
        #expect(text(controller)[4].hasPrefix("Sort by         "))
        press(controller, .down, .enter)
        #expect(controller.table.sortKey == .cpu)
        press(controller, .character("M"))
        #expect(controller.table.sortKey == .memory)
        press(controller, .character("T"), .character("t"))
        #expect(controller.table.sortKey == .time)
        #expect(!controller.table.treeMode)
        #expect(text(controller)[5].hasPrefix("      3 worker@2.0.1"))
    }

    @Test func collapseAndExpandWithPlusAndMinus() throws {
        let (controller, _) = try controller()
        press(controller, .down, .character("-"))
        #expect(controller.table.visiblePIDs == [1, 2])
        #expect(text(controller)[6].hasPrefix("      2 └─ +pipeline@1.0.0"))
        press(controller, .character("+"))
        #expect(controller.table.visiblePIDs == [1, 2, 3, 4])
    }

    @Test func helpAndDetailViews() throws {
        let (controller, _) = try controller()
        press(controller, .function(1))
        #expect(text(controller)[0].hasPrefix("dkctl top - keys"))
        press(controller, .character("x"))
        #expect(controller.mode == .table)
        press(controller, .down, .down, .enter)
        let detail = text(controller, height: 40)
        #expect(detail[0].hasPrefix("Process 3  worker@2.0.1  (orchestrator)"))
        #expect(detail.contains { $0.hasPrefix("State: waiting (sleep)") })
        #expect(detail.contains { $0.hasPrefix("Threads (1)") })
        #expect(detail.contains { $0.contains("spawn pid=2 peer=3 worker@2.0.1") })
        press(controller, .escape)
        #expect(controller.mode == .table)
    }

    @Test func pauseKeepsTheSample() throws {
        let (controller, kernel) = try controller()
        press(controller, .character("Z"))
        let before = controller.table.sample.stats.uptimeNanoseconds
        kernel.run(forMilliseconds: 500)
        controller.tick()
        #expect(controller.table.sample.stats.uptimeNanoseconds == before)
        #expect(text(controller)[0].hasSuffix("[paused]"))
        press(controller, .character("Z"))
        controller.tick()
        #expect(controller.table.sample.stats.uptimeNanoseconds > before)
    }

    @Test func homeEndAndPages() throws {
        let (controller, _) = try controller()
        press(controller, .end)
        #expect(controller.table.selectedPID == 4)
        press(controller, .home)
        #expect(controller.table.selectedPID == 1)
        press(controller, .pageDown)
        #expect(controller.table.selectedPID == 4)
        press(controller, .pageUp, .up)
        #expect(controller.table.selectedPID == 1)
    }

    @Test func mouseClickSelectsAndWheelScrolls() throws {
        let (controller, _) = try controller()
        press(controller, .click(y: 7))
        #expect(controller.table.selectedPID == 3)
        press(controller, .click(y: 0))
        #expect(controller.table.selectedPID == 3)
        press(controller, .wheel(1))
        #expect(controller.table.scrollTop == 0)  // everything fits
    }

    @Test func quitFromTheTableAndTheDetailView() throws {
        let (controller, _) = try controller()
        #expect(controller.handle(.character("q")) == .quit)
        press(controller, .enter)
        #expect(controller.handle(.function(10)) == .quit)
        #expect(controller.handle(.resize) == .redraw)
    }

    /// A filter that matches nothing leaves no row to open: Enter does nothing (as `k`).
    @Test func enterWithNoVisibleRowDoesNothing() throws {
        let (controller, _) = try controller()
        press(controller, .character("\\"), .character("z"), .character("z"), .character("z"), .enter)
        #expect(controller.table.rows.isEmpty)
        press(controller, .enter)
        #expect(controller.mode == .table)
        press(controller, .character("k"))
        #expect(controller.mode == .table)
    }
}
