import Kernel
import Testing

@testable import Monitor

@Suite struct BatchTests {
    /// pipeline (2) with two workers: 3 busy 500 reductions every 10 ms, 4 idle.
    static func kernel() throws -> Kernel {
        let kernel = Kernel(configuration: KernelConfiguration(deterministic: true))
        let pipeline = try kernel.spawn(program("pipeline") { Runnables.idle() })
        let options = SpawnOptions(parent: pipeline)
        _ = try kernel.spawn(program("worker", version: "2.0.1") { Runnables.busy(500) }, options: options)
        _ = try kernel.spawn(program("worker", version: "2.0.1") { Runnables.idle() }, options: options)
        kernel.run(forMilliseconds: 100)
        return kernel
    }

    @Test func snapshotsLineByLine() throws {
        let snapshots = renderBatch(
            kernel: try BatchTests.kernel(), iterations: 2, delaySeconds: 1, width: 80, glyphs: .ascii)
        #expect(snapshots.count == 2)
        let first = snapshots[0].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            first == [
                "dkctl top - up 0:00:00  policy rr  slots 1  quantum 2000  deterministic",
                "0  [||                            5.0%]",
                "Processes: 4 total, 0 running, 4 waiting",
                "Threads: 3  Msgs/s: 0  Queued: 0  Dead letters: 0  Memory: 0B",
                "",
                "    PID NAME@VERSION            STATE     PRI  THR  CPU%   MEM  MSGQ W      TIME",
                "      1 init@1.0.0              waiting     0    0   0.0    0B     0     0:00.00",
                "      2 `- pipeline@1.0.0       waiting     0    1   0.0    0B     0     0:00.00",
                "      3    |- worker@2.0.1      waiting     0    1   5.0    0B     0     0:00.00",
                "      4    `- worker@2.0.1      waiting     0    1   0.0    0B     0     0:00.00",
                "",
                "    TID NAME  (threads of 3: 1) STATE     WAIT             PRI  CPU%  REDUCTIONS",
                "      3 main                    waiting   sleep              0   5.0        5000",
            ])
        let second = snapshots[1].split(separator: "\n").map(String.init)
        #expect(second[0] == "dkctl top - up 0:00:01  policy rr  slots 1  quantum 2000  deterministic")
        #expect(second[1] == "0  [||                            4.8%]")
        #expect(
            second[7] == "      3    |- worker@2.0.1      waiting     0    1   4.8    0B     0     0:00.05")
    }

    @Test func noEscapeCodesAndNoTrailingSpaces() throws {
        let snapshots = renderBatch(
            kernel: try BatchTests.kernel(), iterations: 3, delaySeconds: 0.1, width: 120, glyphs: .unicode)
        #expect(snapshots.count == 3)
        for line in snapshots.joined(separator: "\n").split(separator: "\n") {
            #expect(!line.contains("\u{1B}"))
            #expect(line.last != " ")
            #expect(TextWidth.of(String(line)) <= 120)
        }
    }

    @Test func flatAndSortedByCPU() throws {
        let snapshots = renderBatch(
            kernel: try BatchTests.kernel(), iterations: 1, delaySeconds: 0, width: 80, glyphs: .ascii,
            treeMode: false, sortKey: .cpu)
        let rows = snapshots[0].split(separator: "\n").dropFirst(5).prefix(4).map { $0.prefix(8) }
        #expect(rows == ["      3 ", "      2 ", "      4 ", "      1 "])  // 2 and 4 used 1 µs; init none
    }

    @Test func streamingEmitsEachSnapshot() throws {
        var count = 0
        runBatch(kernel: try BatchTests.kernel(), iterations: 2, delaySeconds: 0, width: 80) { _ in count += 1
        }
        #expect(count == 2)
        #expect(
            renderBatch(kernel: try BatchTests.kernel(), iterations: 0, delaySeconds: 0, width: 80).isEmpty)
    }

    /// The threads pane shows the busiest process; among equals, the lowest row (the newest
    /// process in PID order), so a script sees its own work rather than init.
    @Test func theThreadsShownAreTheBusiestProcesss() throws {
        let kernel = try BatchTests.kernel()
        let snapshot = renderBatch(kernel: kernel, iterations: 1, delaySeconds: 0, width: 80, glyphs: .ascii)[
            0]
        #expect(snapshot.contains("(threads of 3: 1)"))
        let idle = Kernel(configuration: KernelConfiguration(deterministic: true))
        _ = try idle.spawn(program("one") { Runnables.idle() })
        let last = try idle.spawn(program("two") { Runnables.idle() })
        idle.runUntilIdle()
        let quiet = renderBatch(kernel: idle, iterations: 1, delaySeconds: 0, width: 80, glyphs: .ascii)[0]
        #expect(quiet.contains("(threads of \(last): 1)"))
    }

    /// A process with many threads: the pane stops at ``BatchRenderer/threadLines`` lines, the
    /// last saying how many more there are.
    @Test func manyThreadsEndWithACount() throws {
        let kernel = Kernel(configuration: KernelConfiguration(deterministic: true))
        let pid = try kernel.spawn(program("many") { Runnables.idle() })
        for _ in 0..<30 { _ = try kernel.spawnThread(in: pid, name: "worker", runnable: Runnables.idle()) }
        kernel.runUntilIdle()
        let lines = renderBatch(kernel: kernel, iterations: 1, delaySeconds: 0, width: 120, glyphs: .ascii)[0]
            .split(separator: "\n", omittingEmptySubsequences: false)
        let pane = lines.suffix(from: lines.lastIndex(of: "")! + 1)
        #expect(pane.count == BatchRenderer.threadLines)
        #expect(pane.first?.contains("(threads of \(pid): 31)") == true)
        #expect(pane.last?.contains("… 12 more") == true)
    }
}
