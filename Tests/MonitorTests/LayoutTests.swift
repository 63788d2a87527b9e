import Kernel
import Testing

@testable import Monitor

@Suite struct UnitsTests {
    @Test func bytesInHumanUnits() {
        #expect(Units.bytes(0) == "0B")
        #expect(Units.bytes(512) == "512B")
        #expect(Units.bytes(1536) == "1.5K")
        #expect(Units.bytes(12 * 1024) == "12K")
        #expect(Units.bytes(3_565_158) == "3.4M")
        #expect(Units.bytes(1023 * 1024 * 1024) == "1023M")
        #expect(Units.bytes(2 * 1024 * 1024 * 1024) == "2.0G")
        #expect(Units.bytes(-5) == "0B")
    }

    @Test func cpuTimeAsMinutesSecondsCentiseconds() {
        #expect(Units.cpuTime(0) == "0:00.00")
        #expect(Units.cpuTime(1_230_000_000) == "0:01.23")
        #expect(Units.cpuTime(754_560_000_000) == "12:34.56")
        #expect(Units.cpuTime(60_000 * 1_000_000_000) == "16h40m")
    }

    @Test func uptimeAndPercent() {
        #expect(Units.uptime(3_723_000_000_000) == "1:02:03")
        #expect(Units.uptime(90_061_000_000_000) == "1d 1:01:01")
        #expect(Units.percent(12.345) == "12.3")
        #expect(Units.percent(0) == "0.0")
        #expect(Units.percent(1234.4) == "1234")
    }

    @Test func widthsOfWideAndCombiningCharacters() {
        #expect(TextWidth.of("abc") == 3)
        #expect(TextWidth.of("├─ ") == 3)
        #expect(TextWidth.of("日本") == 4)
        #expect("日本語ab".truncated(to: 5) == "日本")
        #expect("abcdef".padded(to: 4) == "abcd")
        #expect("ab".leftPadded(to: 4) == "  ab")
    }
}

@Suite struct ProcessTableLayoutTests {
    private func lines(_ glyphs: TreeGlyphs, width: Int = 80) -> [String] {
        var table = ProcessTable(sample: Fixture.tree)
        table.select(row: 4)
        let layout = ProcessTableLayout(width: width, glyphs: glyphs)
        return [layout.header(sortKey: .pid, descending: false).text]
            + table.rows.indices.map { layout.line(table, row: $0).text }
    }

    @Test func treeWithUnicodeLinesAt80Columns() {
        #expect(
            lines(.unicode) == [
                "    PID NAME@VERSION            STATE     PRI  THR  CPU%   MEM  MSGQ W      TIME",
                "      1 init@1.0.0              waiting     0    0   0.0    0B     0     0:00.00",
                "      2 ├─ shell@1.0.0          waiting     0    1   1.0  100B     0     0:05.00",
                "      4 │  ├─ worker@1.0.0      waiting     0    3  30.0  2.0K     0     0:09.00",
                "      5 │  └─ worker@1.0.0      ready       0    1  10.0  1.0K     0     0:01.00",
                "      3 └─ server@1.0.0         running     0    1  20.0  4.0K     0     0:02.00",
                "      6    └─ cache@1.0.0       waiting     0    2   5.0  512B     0     0:03.00",
            ])
    }

    @Test func treeWithASCIILines() {
        #expect(
            lines(.ascii).dropFirst(2) == [
                "      2 |- shell@1.0.0          waiting     0    1   1.0  100B     0     0:05.00",
                "      4 |  |- worker@1.0.0      waiting     0    3  30.0  2.0K     0     0:09.00",
                "      5 |  `- worker@1.0.0      ready       0    1  10.0  1.0K     0     0:01.00",
                "      3 `- server@1.0.0         running     0    1  20.0  4.0K     0     0:02.00",
                "      6    `- cache@1.0.0       waiting     0    2   5.0  512B     0     0:03.00",
            ])
    }

    @Test func narrowScreensDropColumnsAndTheNameAbsorbsTheRest() {
        #expect(
            lines(.unicode, width: 60).prefix(4) == [
                "    PID NAME@VERSION    STATE      THR  CPU%   MEM      TIME",
                "      1 init@1.0.0      waiting      0   0.0    0B   0:00.00",
                "      2 ├─ shell@1.0.0  waiting      1   1.0  100B   0:05.00",
                "      4 │  ├─ worker@1. waiting      3  30.0  2.0K   0:09.00",
            ])
        #expect(lines(.unicode, width: 100)[0].count == 100)
        for width in [20, 40, 66, 67, 120] {
            #expect(lines(.unicode, width: width).allSatisfy { TextWidth.of($0) == width })
        }
    }

    @Test func aCollapsedRowShowsAPlusAndItsTotals() {
        var table = ProcessTable(sample: Fixture.tree)
        table.select(row: 1)
        table.setExpanded(false)
        let layout = ProcessTableLayout(width: 80, glyphs: .unicode)
        #expect(
            layout.line(table, row: 1).text
                == "      2 ├─ +shell@1.0.0         waiting     0    5  41.0  3.1K     0     0:05.00")
    }

    @Test func theSelectedRowIsHighlightedAndStatesAreStyled() {
        var table = ProcessTable(sample: Fixture.tree)
        table.select(row: 4)
        let layout = ProcessTableLayout(width: 80, glyphs: .unicode)
        let selected = layout.line(table, row: 4)
        #expect(selected.spans.last == StyledSpan(start: 0, length: 80, style: .selected))
        #expect(selected.spans.contains(StyledSpan(start: 32, length: 9, style: .state(.running))))
        #expect(layout.line(table, row: 0).spans.allSatisfy { $0.style != .selected })
    }

    @Test func deepTreesShowTheirInnermostLevels() {
        let chain = (1...30).map { Fixture.process($0, parent: $0 - 1, "p\($0)") }
        let table = ProcessTable(sample: Fixture.sample(chain))
        let layout = ProcessTableLayout(width: 80, glyphs: .unicode)
        let line = layout.line(table, row: 29).text
        #expect(line.hasPrefix("     30 …         └─ p30@1.0.0"))
        #expect(TextWidth.of(line) == 80)
    }
}

@Suite struct HeaderLayoutTests {
    @Test func titleBarsAndFigures() {
        var sample = Fixture.tree
        sample.stats.uptimeNanoseconds = 3_723_000_000_000
        sample.stats.processesByState = [.running: 1, .ready: 1, .waiting: 4]
        sample.stats.threads = 8
        sample.stats.memory = 7780
        sample.stats.deterministic = false
        sample.slotLoad = [0.25, 1]
        sample.messagesPerSecond = 1234.4
        let lines = HeaderLayout(width: 80).lines(sample, indicators: ["[paused]"]).map(\.text)
        #expect(
            lines == [
                "dkctl top - up 1:02:03  policy rr  slots 1  quantum 2000                [paused]",
                "0  [|||||||||                    25.0%] 1  [||||||||||||||||||||||||||||100.0%] ",
                "Processes: 6 total, 1 running, 1 ready, 4 waiting                               ",
                "Threads: 8  Msgs/s: 1234  Queued: 0  Dead letters: 0  Memory: 7.6K              ",
            ])
    }

    @Test func manySlotsFitInFourLines() {
        var sample = Fixture.tree
        sample.slotLoad = Array(repeating: 0.5, count: 12)
        let bars = HeaderLayout(width: 80).bars(sample.slotLoad)
        #expect(bars.count == 4)
        #expect(bars[3].text.contains("7+ ["))
        #expect(HeaderLayout(width: 50).bars([0.1, 0.2]).count == 2)
    }
}

@Suite struct ThreadsPaneTests {
    @Test func threadsOfTheSelectedProcessWithAMoreLine() throws {
        let kernel = Kernel(configuration: KernelConfiguration(deterministic: true))
        let pid = try kernel.spawn(program("pool") { Runnables.idle() })
        for index in 0..<4 {
            _ = try kernel.spawnThread(in: pid, name: "w\(index)", runnable: Runnables.idle())
        }
        kernel.runUntilIdle()
        let threads = try kernel.threadList(of: pid)
        let lines = ThreadsPaneLayout(width: 80).lines(
            pid: pid, threads: threads, cpu: [12.5], height: 4
        ).map(\.text)
        #expect(
            lines == [
                "    TID NAME  (threads of 2: 5) STATE     WAIT             PRI  CPU%  REDUCTIONS",
                "      2 main                    waiting   receive            0  12.5           1",
                "      3 w0                      waiting   receive            0   0.0           1",
                "  … 3 more                                                                      ",
            ])
    }

    /// One kernel-made thread, dressed up as `tid` of `pid` waiting on `wait`.
    private func thread(tid: TID, pid: PID, wait: String) throws -> ThreadSnapshot {
        let kernel = Kernel(configuration: KernelConfiguration(deterministic: true))
        let spawned = try kernel.spawn(program("pool") { Runnables.idle() })
        kernel.runUntilIdle()
        var thread = try #require(try kernel.threadList(of: spawned).first)
        (thread.tid, thread.pid, thread.wait) = (tid, pid, wait)
        return thread
    }

    /// The header names the process whose threads these are, whole, even when that runs on
    /// over the STATE and WAIT titles.
    @Test func theTitleShowsWholeFor6DigitPIDsAndCounts() throws {
        let one = try thread(tid: 18, pid: 18, wait: "receive")
        for width in [80, 120] {
            let pane = ThreadsPaneLayout(width: width)
            let short = pane.lines(pid: 18, threads: [one], cpu: [], height: 2)[0].text
            #expect(short.contains("NAME  (threads of 18: 1) "), "\(width)")
            let many = Array(repeating: one, count: 123_456)
            let long = pane.lines(pid: 999_999, threads: many, cpu: [], height: 1)[0].text
            #expect(long.contains("NAME  (threads of 999999: 123456) "), "\(width)")
            #expect(TextWidth.of(long) == width)
        }
        #expect(
            ThreadsPaneLayout(width: 80).lines(pid: 18, threads: [one], cpu: [], height: 1)[0].text
                == "    TID NAME  (threads of 18: 1)          WAIT             PRI  CPU%  REDUCTIONS")
        #expect(
            ThreadsPaneLayout(width: 80).lines(pid: 999_999, threads: [one], cpu: [], height: 1)[0].text
                == "    TID NAME  (threads of 999999: 1)      WAIT             PRI  CPU%  REDUCTIONS")
    }

    /// WAIT grows with the terminal: a deadlock's reason shows whole at 120 columns, and is
    /// cut with `…` at 80.
    @Test func waitGetsAShareOfTheWidth() throws {
        let stuck = try thread(tid: 7, pid: 7, wait: "lock ledger (deadlock)")
        let wide = ThreadsPaneLayout(width: 120).lines(pid: 7, threads: [stuck], cpu: [], height: 2)
        #expect(wide[1].text.contains("lock ledger (deadlock) "))
        #expect(TextWidth.of(wide[1].text) == 120)
        let narrow = ThreadsPaneLayout(width: 80).lines(pid: 7, threads: [stuck], cpu: [], height: 2)
        #expect(narrow[1].text.contains(" lock ledger (de…   0 "))
        #expect(TextWidth.of(narrow[1].text) == 80)
    }
}
