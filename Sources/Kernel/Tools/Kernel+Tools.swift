import Language

/// A running OS process behind a tool process or a `tool()` call. Guarded by the kernel lock.
final class ToolState {
    let osProcess: OSProcess
    /// The kernel process it belongs to.
    let pid: PID
    /// The thread waiting for it to end.
    var waiter: KThread?
    /// Its output, for `tool()` results.
    var lines: [String] = []
    /// Deterministic mode: when its `tool()` timeout ends it, in real time (monotonic
    /// nanoseconds), and that timeout in milliseconds. See ``Kernel/armToolDeadline(_:milliseconds:)``.
    var realDeadline: (nanoseconds: UInt64, milliseconds: Int)?

    init(osProcess: OSProcess, pid: PID) {
        self.osProcess = osProcess
        self.pid = pid
    }
}

/// The main thread of a tool process: starts the OS program, waits for it, exits with its code.
final class ToolRunnable: Runnable {
    let path: String
    let arguments: [String]

    init(path: String, arguments: [String]) {
        self.path = path
        self.arguments = arguments
    }

    func run(_ slice: inout Slice) -> RunOutcome {
        slice.used = 1
        if case .value(let result)? = slice.wake {
            if case .map(let map) = result, let code = map["code"]?.intValue { return .finished(.int(code)) }
            return .finished(.int(1))
        }
        switch slice.thread.kernel.startTool(path, arguments, for: slice.thread.thread, keepOutput: false) {
        case .success(let id): return .blocked(.tool(id))
        case .failure(let error): return .failed(error.description)
        }
    }
}

extension Kernel {
    /// Starts a tool process from the shell: a kernel process wrapping the OS program `path`.
    /// Signals sent to it go to the OS process; its exit code becomes the process's; its
    /// output lines go to its log.
    public func spawnTool(_ path: String, arguments: [String], options: SpawnOptions) throws(KernelError)
        -> PID
    {
        guard OSProcess.isRunnable(path) else {
            throw .invalid("no such program: \(path) (not found or not executable)")
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let executable = Executable(name: name, version: "1.0.0", type: .tool, source: path) { arguments in
            ToolRunnable(path: path, arguments: arguments)
        }
        return try spawn(executable, arguments: arguments, options: options)
    }

    /// Launches an OS program for `thread` and a reader thread that collects its output and
    /// wakes the thread with `{code, output}` when it ends.
    func startTool(_ path: String, _ arguments: [String], for thread: KThread, keepOutput: Bool)
        -> Result<Int, KernelError>
    {
        let launched = OSProcess.launch(path, arguments)
        guard case .success(let osProcess) = launched else {
            if case .failure(let error) = launched { return .failure(error) }
            return .failure(.invalid("cannot run \(path)"))
        }
        let (id, state) = lock.withLock { () -> (Int, ToolState) in
            lastToolID += 1
            let state = ToolState(osProcess: osProcess, pid: thread.process.pid)
            state.waiter = thread
            tools[lastToolID] = state
            record(.tool, pid: thread.process.pid, tid: thread.tid, peer: Int(osProcess.pid), detail: path)
            return (lastToolID, state)
        }
        let reader = SlotThread { [self] in
            let code = osProcess.drain { line in
                lock.withLock {
                    if let process = processes[state.pid] { appendLog(line, to: process) }
                    if keepOutput { state.lines.append(line) }
                }
            }
            lock.withLock { finishTool(id, code: code) }
        }
        reader.detach()
        return .success(id)
    }

    /// Lock held.
    private func finishTool(_ id: Int, code: Int) {
        guard let state = tools.removeValue(forKey: id) else { return }
        if configuration.deterministic { lock.broadcastChange() }  // the driver waits for it: `awaitTools`
        let result = Value.record(["code": .int(Int64(code)), "output": .list(state.lines.map(Value.str))])
        guard let waiter = state.waiter, !waiter.isFinished else { return }
        if waiter.state == .waiting, case .tool(let waited) = waiter.request, waited == id {
            wake(waiter, .value(result))
        } else {
            finishedTools[id] = result  // ended before its thread parked: handed over at park
        }
    }

    /// The OS processes of a kernel process (to forward signals). Lock held.
    func toolProcesses(of pid: PID) -> [OSProcess] {
        tools.values.filter { $0.pid == pid }.map(\.osProcess)
    }
}

extension Kernel {
    /// A tool call timed out: kill the OS program and raise `timeout` in the caller. Lock held.
    func expireTool(_ id: Int, milliseconds: Int) {
        guard let state = tools[id] else { return }
        state.realDeadline = nil
        state.osProcess.send(.kill)
        if let waiter = state.waiter, waiter.state == .waiting, case .tool(let waited) = waiter.request,
            waited == id
        {
            state.waiter = nil
            wake(waiter, .failure(kind: "timeout", message: "tool did not finish within \(milliseconds) ms"))
        }
    }

    /// Kills the OS programs a process started (when it exits). Lock held.
    func killTools(of process: KProcess) {
        guard !tools.isEmpty else { return }
        for state in tools.values where state.pid == process.pid { state.osProcess.send(.kill) }
    }
}
