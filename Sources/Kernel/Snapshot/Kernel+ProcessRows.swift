extension Kernel {
    /// Every process as a compact row, sorted by PID: what `top` reads on every frame. Like
    /// ``processList()`` it copies a chunk at a time (a process may end between chunks: it is
    /// then left out), but it copies no strings, arrays or warnings, so it touches only the
    /// process and its threads.
    public func processRows() -> ProcessRows {
        var result = ProcessRows()
        processRows(into: &result)
        return result
    }

    /// ``processRows()`` written over `result`, whose storage is reused when nothing else
    /// holds it: a monitor passes the rows of the reading before last, so a frame allocates
    /// (and page-faults in) no new 5 MB array.
    public func processRows(into result: inout ProcessRows) {
        result.rows.removeAll(keepingCapacity: true)
        result.names.removeAll(keepingCapacity: true)
        forEachChunkOfProcesses { order, chunk in
            if result.rows.isEmpty { result.rows.reserveCapacity(order.count) }  // no-op when reused
            let external = externalProcesses.sorted()  // the shell: one or two PIDs
            var nextExternal = 0
            for index in chunk {
                // `order` keeps the process alive. Read through an unowned(unsafe) reference,
                // the walk over 100,000 processes measured a third faster than through a
                // strong one (whose retain per process serialises the cache misses).
                unowned(unsafe) let process = order[index]
                if process.isReaped { continue }
                let pid = process.pid
                // PID order: one comparison per process tells whether it is an outside process.
                while nextExternal < external.count && external[nextExternal] < pid { nextExternal += 1 }
                let special =
                    pid == WellKnownPID.initProcess
                    || (nextExternal < external.count && external[nextExternal] == pid)
                if result.names.last != process.name { result.names.append(process.name) }
                result.rows.append(
                    ProcessRow(
                        pid: pid, ppid: process.parent, name: Int32(result.names.count - 1),
                        state: special ? displayState(of: process).0 : process.state, priority: process.nice,
                        threads: process.threads.count, cpuNanoseconds: process.totalCPUNanoseconds,
                        memory: memory(of: process), mailbox: process.mailbox.count, started: process.started)
                )
            }
        }
    }

    /// Full snapshots of the live processes among `pids` (sorted by PID or not), in PID order:
    /// the rows a monitor has on screen. Looked up in ``processOrder``, in one lock hold.
    public func processSnapshots(of pids: [PID]) -> [ProcessSnapshot] {
        lock.withLock {
            pids.sorted().compactMap { pid in
                let index = firstIndex(inOrderFrom: pid)
                guard index < processOrder.count else { return nil }
                let process = processOrder[index]
                return process.pid == pid && !process.isReaped ? snapshot(of: process) : nil
            }
        }
    }
}
