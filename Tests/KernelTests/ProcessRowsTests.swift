import Kernel
import Language
import Testing

/// The compact rows `top` reads every frame, and the snapshots of the rows on screen.
@Suite struct ProcessRowsTests {
    /// init, the shell (an outside process), two idle workers, a spinner, a suspended one and
    /// one that has exited but is not reaped yet.
    private func kernel() throws -> Kernel {
        let kernel = Kernel(configuration: KernelConfiguration(deterministic: true, seed: 1))
        let shell = kernel.attachExternalProcess(name: "dkctl")
        let options = SpawnOptions(parent: shell)
        _ = try kernel.spawn(program("worker") { Runnables.idle() }, options: options)
        _ = try kernel.spawn(program("worker") { Runnables.idle() }, options: options)
        let spinner = try kernel.spawn(program("spinner") { Runnables.spinner() }, options: options)
        try kernel.renice(spinner, to: 5)
        let stopped = try kernel.spawn(program("worker") { Runnables.idle() }, options: options)
        _ = try kernel.spawn(program("done") { Runnables.exits(3) }, options: options)
        kernel.run(forMilliseconds: 20)
        try kernel.kill(stopped, .stop)
        return kernel
    }

    @Test func rowsCarryWhatTheSnapshotsSay() throws {
        let kernel = try kernel()
        let list = kernel.processList()
        let rows = kernel.processRows()
        #expect(rows.rows.count == list.count)
        for (row, snapshot) in zip(rows.rows, list) {
            #expect(row.pid == snapshot.pid && row.ppid == snapshot.ppid)
            #expect(rows.name(of: row) == snapshot.name)
            #expect(row.state == snapshot.state)
            #expect(Int(row.priority) == snapshot.priority && Int(row.threads) == snapshot.threads)
            #expect(row.cpuNanoseconds == snapshot.cpuNanoseconds && row.memory == snapshot.memory)
            #expect(Int(row.mailbox) == snapshot.mailbox && row.started == snapshot.started)
        }
        #expect(ProcessRows(list) == rows)
        let states = Dictionary(list.map { ($0.name, $0.state) }, uniquingKeysWith: { first, _ in first })
        #expect(states["init"] == .waiting && states["dkctl"] == .running)
        #expect(states["spinner"] == .running || states["spinner"] == .ready)
        #expect(states["done"] == .exited)
        #expect(list.contains { $0.state == .suspended })
    }

    @Test func neighboursShareANameEntry() throws {
        let rows = try kernel().processRows()
        // init, dkctl, worker (twice), spinner, worker, done
        #expect(rows.names == ["init", "dkctl", "worker", "spinner", "worker", "done"])
        #expect(rows.rows[2].name == rows.rows[3].name)
    }

    @Test func writingOverOldRowsReusesTheirStorage() throws {
        let kernel = try kernel()
        var rows = ProcessRows()
        rows.rows.reserveCapacity(1000)
        let storage = rows.rows.withUnsafeBufferPointer { $0.baseAddress }
        kernel.processRows(into: &rows)
        #expect(rows == kernel.processRows())
        #expect(rows.rows.withUnsafeBufferPointer { $0.baseAddress } == storage)
        kernel.processRows(into: &rows)  // again: the old contents are replaced, not added to
        #expect(rows == kernel.processRows())
    }

    @Test func snapshotsOfTheRowsOnScreen() throws {
        let kernel = try kernel()
        let list = kernel.processList()
        let wanted = [list[4].pid, list[1].pid, 9999, list[2].pid]
        let snapshots = kernel.processSnapshots(of: wanted)
        #expect(snapshots == [list[1], list[2], list[4]])  // PID order, unknown PIDs left out
        #expect(kernel.processSnapshots(of: []).isEmpty)
    }

    @Test func reapedProcessesAreLeftOut() throws {
        let kernel = try kernel()
        guard let done = kernel.processList().first(where: { $0.name == "done" }) else {
            Issue.record("no exited process")
            return
        }
        _ = try kernel.wait(done.pid)  // reaps it
        #expect(!kernel.processRows().rows.contains { $0.pid == done.pid })
        #expect(kernel.processSnapshots(of: [done.pid]).isEmpty)
    }
}
